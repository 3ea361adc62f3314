import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { conversations, start, type Running } from "./http.js";

let bot: Running;
beforeAll(async () => {
  bot = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => bot.close());

const chat = conversations(() => bot, "corrections");
function customer() {
  const say = chat();
  return async (text: string) => {
    const posted = await say(text);
    expect(posted.status).toBe(200);
    return { text: posted.replies(), raw: posted.text };
  };
}

describe("a customer correcting the direction of the port mid-diagnosis", () => {
  it("goes on as a port-out, not asked the port-in reasons again nor answered an article", async () => {
    const turn = customer();
    await turn("my port was rejected");
    expect((await turn("port in")).text).toContain("Which of these reasons does the rejection give?");
    const corrected = await turn("sorry I meant port out");
    expect(corrected.text).not.toContain("Sorry, I didn't get that");
    expect(corrected.raw).not.toContain("Incorrect Billing Telephone Number (BTN)");
    const direct = customer();
    await direct("my port was rejected");
    const portOut = await direct("port out");
    expect(corrected.text).toBe(portOut.text);
  });

  it("still answers a question naming the other direction, and comes back to the same question", async () => {
    const turn = customer();
    await turn("my port was rejected");
    await turn("port in");
    const aside = await turn("how do I port out my number?");
    expect(aside.text).toContain("Back to your diagnosis:");
    expect(aside.text.slice(aside.text.indexOf("Back to your diagnosis:"))).toContain("Which of these reasons does the rejection give?");
  });
});
