import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { channelData, conversations, estimateOf, start, type Posted, type Running } from "./http.js";

/**
 * Fee and time requests as customers type them, through the bot's HTTP server: every reply is read by the same
 * reader, only missing facts are asked, once, with buttons. The server runs on the real clock, so no day is asserted
 * where the message names a weekday.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge());
});
afterAll(() => app.close());

const chat = conversations(() => app, "estimate-requests");
/** The titles of the buttons in the replies' cards (ActionSets in the body, or the card's own actions). */
const buttonTitles = (res: Posted): string[] =>
  res
    .json()
    .activities.flatMap((a) => (a.attachments ?? []).flatMap((at: any) => [...(at.content?.actions ?? []), ...(at.content?.body ?? []).flatMap((e: any) => e.actions ?? [])]))
    .map((b: any) => b.title);

describe("fee and time requests through the HTTP server", () => {
  it("estimates an order told without a fee or time word, asking only the kind, once, with buttons", async () => {
    const say = chat();
    const asked = await say("we need to move 6 lines from Bell in Toronto, submitting Monday");
    expect(channelData(asked)[0].understood).toMatchObject({ intent: "estimate", facts: { count: 6, country: "CA", region: "Ontario" } });
    expect(asked.replies()).toContain("Which kind of number do you want to port?");
    expect(asked.replies()).not.toMatch(/Where are the numbers from|When will you submit/);
    expect(buttonTitles(asked)).toEqual(["Local", "Wireless (cell)", "Toll-free", "Fax"]);
    const done = estimateOf(await say("local"));
    expect(done).toMatchObject({ input: { numbers: { local: 6 }, country: "CA" }, total: 0 });
    expect(done.completion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("answers 'I got a FOC date, can I cancel the port?' as a question, opening no estimate", async () => {
    const res = await chat()("I got a FOC date, can I cancel the port?");
    expect(channelData(res)[0].understood.intent).toBe("question");
    expect(estimateOf(res)).toBeUndefined();
    expect(res.replies()).not.toContain("Let's work out the fees");
  });

  it("reads '25 numbers, mostly local, a couple fax' as 23 local and 2 fax", async () => {
    const estimate = estimateOf(await chat()("25 numbers in Dallas, mostly local, a couple fax, how much?"));
    expect(estimate).toMatchObject({ input: { numbers: { local: 23, fax: 2 }, country: "US" }, total: 30 });
  });

  it("asks no count for 'how long does a canadian wireless port take' and says what it assumed", async () => {
    const say = chat();
    const asked = await say("how long does a canadian wireless port take");
    expect(asked.replies()).toContain("When will you submit the port request?");
    expect(asked.replies()).not.toContain("How many");
    const done = await say("not sure");
    expect(estimateOf(done)).toMatchObject({ input: { numbers: { wireless: 1 }, country: "CA" } });
    expect(estimateOf(done).completion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(done.json().activities)).toContain("the dates are the same for any number, so they are shown for one");
  });

  it.each([
    ["how much to port 2 local numbers from Honolulu", "Hawaii"],
    ["Anchorage, AK - 2 DIDs and a fax, cost?", "Alaska"],
    ["how much for a toll free number and 2 DIDs based in Guam", "Guam"],
  ])("quotes '%s' by hand (%s): no free total, no date, the LNP department named", async (text, place) => {
    const res = await chat()(text);
    const estimate = estimateOf(res);
    expect(estimate).toMatchObject({ input: { country: "INTL", place }, total: null, completion: null });
    expect(res.replies()).toContain("ports@voip.ms");
    expect(res.replies()).not.toContain("$0 USD");
  });

  it("reads 'a Mexican mobile number' as a number in Mexico, quoted by hand, asking no place", async () => {
    const res = await chat()("what would it cost to port a Mexican mobile number?");
    expect(channelData(res)[0].understood).toMatchObject({ intent: "estimate", facts: { country: "INTL", place: "Mexico" } });
    expect(res.replies()).not.toContain("Where are the numbers from?");
    expect(estimateOf(res)).toMatchObject({ input: { country: "INTL", place: "Mexico", numbers: { wireless: 1 } }, total: null, completion: null });
    expect(res.replies()).toContain("ports@voip.ms");
  });
});
