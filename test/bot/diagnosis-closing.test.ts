import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { say, start, type Running } from "./http.js";

/** How a diagnosis closes once the customer says the cause fits, through the bot's HTTP server. */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => app.close());

function customer() {
  const conversation = `diagnosis-closing-${Math.random()}`;
  return async (text: string) => {
    const posted = await say(app.url, conversation, { text });
    expect(posted.status).toBe(200);
    return { text: posted.replies(), raw: posted.text };
  };
}

describe("the closing reply of a diagnosis", () => {
  it("offers no fees and timing to a customer porting out, whose next step is with the new carrier", async () => {
    const turn = customer();
    await turn("my port out to another carrier keeps getting rejected");
    await turn("port out");
    expect((await turn("Port Out Rejection for PIN")).text).toContain("Port Out Rejection for PIN");
    const done = await turn("That's it");
    expect(done.text).toContain("Good luck with the fix");
    expect(done.raw).not.toContain("Fees and timing");
  });

  it("still offers fees and timing to a customer porting in, who resubmits with us", async () => {
    const turn = customer();
    await turn("Rejected - BTN mismatch");
    await turn("Yes");
    await turn("US number");
    expect((await turn("I don't know the date")).text).toContain("Incorrect Billing Telephone Number (BTN)");
    const done = await turn("That's it");
    expect(done.text).toContain("Good luck with the fix");
    expect(done.raw).toContain("Fees and timing");
  });
});
