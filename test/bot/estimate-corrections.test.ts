import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { channelData, conversations, estimateOf, start, type Running } from "./http.js";

/**
 * Customers correct themselves ("sorry I meant 3 not 30", "actually it's toll free", "no wait, Canada") after an
 * estimate or in the middle of one: through the bot's HTTP server, the order is re-computed with the corrected fact
 * and keeps the rest.
 */
let bot: Running;
beforeAll(async () => {
  bot = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => bot.close());

const chat = conversations(() => bot, "estimate-corrections");

describe("a correction after an estimate", () => {
  it("re-computes with the corrected count, kind or place and keeps the rest of the order", async () => {
    const say = chat();
    expect(estimateOf(await say("how much to port 30 local numbers in Ohio with expedite"))).toMatchObject({ input: { numbers: { local: 30 }, country: "US", expedite: true } });
    expect(estimateOf(await say("sorry I meant 3 not 30"))).toMatchObject({ input: { numbers: { local: 3 }, country: "US", expedite: true } });
    expect(estimateOf(await say("actually it's toll free"))).toMatchObject({ input: { numbers: { "toll-free": 3 }, country: "US", expedite: true } });
    expect(estimateOf(await say("no wait, Canada"))).toMatchObject({ input: { numbers: { "toll-free": 3 }, country: "CA", expedite: true } });
  });
});

describe("a correction in the middle of an estimate", () => {
  it("takes the corrected count at the country question, asks the country again, then estimates", async () => {
    const say = chat();
    expect((await say("how much to port 30 local numbers")).replies()).toContain("Where are the numbers from?");
    const corrected = await say("sorry I meant 3 not 30");
    expect(corrected.replies()).toContain("Where are the numbers from?");
    expect(corrected.replies()).not.toContain("is not a country I know");
    expect(estimateOf(await say("no wait, Canada"))).toMatchObject({ input: { numbers: { local: 3 }, country: "CA" } });
  });

  it("answers a question asked at the kind step, asks the kind again, and takes the kind then given", async () => {
    const say = chat();
    expect((await say("how much to port 3 numbers in Ohio")).replies()).toContain("Which kind of number");
    const aside = await say("what is a DID?");
    expect(estimateOf(aside)).toBeUndefined();
    expect(aside.replies()).not.toContain("doesn't work for the kind");
    expect(aside.replies()).toContain("Back to your estimate:");
    expect(channelData(aside).some((d) => d.answer?.id)).toBe(true);
    expect(estimateOf(await say("fax"))).toMatchObject({ input: { numbers: { fax: 3 }, country: "US" } });
  });
});

describe("first messages that name a number but price nothing", () => {
  it("does not start an estimate for a port-out asking for the transfer PIN, nor for a port's status with its number", async () => {
    for (const text of ["I'm porting my number out to Bell, they need the transfer PIN, how long will it take?", "when will my port of 416-555-0100 be done?"]) {
      const reply = await chat()(text);
      expect(estimateOf(reply)).toBeUndefined();
      expect(reply.replies()).not.toContain("Let's work out the fees");
    }
  });

  it("starts the estimate for numbers told with their place that no article answers ('Toronto number moving to Vancouver, 416')", async () => {
    const reply = await chat()("Toronto number moving to Vancouver, 416");
    expect(reply.replies()).toContain("Let's work out the fees");
    expect(reply.replies()).not.toContain("I don't know that one");
  });
});
