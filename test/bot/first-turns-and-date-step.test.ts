import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labels, realKnowledge } from "./harness.js";
import { channelData, conversations, estimateOf, start, type Posted, type Running } from "./http.js";

/**
 * First messages a new customer types, through the bot's HTTP server: a wish to check a port before sending it starts
 * the checklist in English and Spanish, a bare fact about a number starts nothing, a denied cause starts no
 * diagnosis; and at "When will you submit?" a reply with no date is asked again in plain words without quoting it.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge());
});
afterAll(() => app.close());

const chat = conversations(() => app, "first-turns-and-date-step");
const lastButtons = (res: Posted) => labels(res.json().activities.at(-1)!);

describe("a wish to check a port before sending it", () => {
  it.each(["Hi, I'd like to make sure my port won't get rejected before I send it in", "Quiero verificar mi portabilidad antes de enviarla"])("'%s' starts the pre-port checklist", async (text) => {
    const res = await chat()(text);
    expect(res.replies()).toContain("Let's check your port before you submit it");
    expect(res.replies()).not.toContain("IMPORTANT");
    expect(channelData(res).some((d) => d.status === "clarify")).toBe(false);
  });
});

describe("a rejection wished away or denied is no rejection told", () => {
  it("'I don't want my port to get rejected' starts the pre-port checklist, not a diagnosis", async () => {
    const res = await chat()("I don't want my port to get rejected");
    expect(res.replies()).toContain("Let's check your port before you submit it");
    expect(res.replies()).not.toContain("why your port was rejected");
    expect(channelData(res).some((d) => d.diagnosis)).toBe(false);
  });

  it("'my port wasn't rejected, it's stuck' is answered as a question about how long a port takes", async () => {
    const res = await chat()("my port wasn't rejected, it's stuck");
    expect(res.replies()).not.toContain("why your port was rejected");
    expect(channelData(res)[0]).toMatchObject({ understood: { intent: "question" }, status: "answered", answer: { id: "how-long-does-the-port-process-take" } });
  });
});

describe("statements that ask for nothing", () => {
  it("'The number is a US number, it's in Texas' starts no estimate: nothing is being asked", async () => {
    const res = await chat()("The number is a US number, it's in Texas");
    expect(estimateOf(res)).toBeUndefined();
    expect(res.replies()).not.toMatch(/How many|What kind of number|When will you submit/);
    expect(res.replies()).toContain("I'm not asking you anything right now");
  });

  it("'Toronto number moving to Vancouver, 416' still starts an estimate", async () => {
    const res = await chat()("Toronto number moving to Vancouver, 416");
    expect(res.replies()).not.toContain("I'm not asking you anything right now");
    expect(channelData(res).some((d) => d.understood)).toBe(true);
  });

  it.each(["no, ninguna orden pendiente", "ninguna orden pendiente"])("'%s' starts no diagnosis", async (text) => {
    const res = await chat()(text);
    expect(res.replies()).not.toContain("Your rejection notice points to");
    expect(channelData(res).some((d) => d.causes || d.diagnosis)).toBe(false);
  });
});

describe("'When will you submit?' in the estimate", () => {
  it("a reply with no date is asked again in plain words, with the buttons, never quoting the reply", async () => {
    const say = chat();
    const asked = await say("how long does a canadian wireless port take");
    expect(asked.replies()).toContain("When will you submit the port request?");
    const missed = await say("call me at 514-555-0199, pin 4821");
    const text = missed.replies();
    expect(text).toContain("I couldn't read a date in that: try 'tomorrow', 'next Monday' or 'Dec 14'.");
    expect(text).not.toMatch(/YYYY-MM-DD|got '|514-555-0199|4821/);
    expect(text).toContain("When will you submit the port request?");
    expect(lastButtons(missed)).toEqual(lastButtons(asked));
    const done = await say("tomorrow");
    expect(estimateOf(done)).toMatchObject({ input: { numbers: { wireless: 1 }, country: "CA" } });
  });

  it("a question typed there is answered aside and the day asked again", async () => {
    const say = chat();
    await say("how long does a canadian wireless port take");
    const aside = await say("what is a BTN?");
    const text = aside.replies();
    expect(text).toContain("Billing Telephone Number");
    expect(text).not.toContain("I couldn't read a date");
    expect(text).toContain("When will you submit the port request?");
    expect(estimateOf(await say("next Monday"))).toMatchObject({ input: { country: "CA" } });
  });
});
