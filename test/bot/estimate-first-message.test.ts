import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextBusinessDay } from "../../src/calendar/business-days.js";
import { addDays, dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { realKnowledge } from "./harness.js";
import { channelData, conversations, estimateOf, start, type Running } from "./http.js";

/**
 * Fee and time requests typed as the first message, and the turns right after an estimate, through the bot's HTTP
 * server: cells named by carrier are counted one by one, "of them" counts, "next business day" is a date, toll-free
 * numbers said twice are counted once, cancelling in customers' words is priced, a price asked in
 * another currency is given in USD, and "how much in total now?" repeats the estimate just given.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge());
});
afterAll(() => app.close());

const chat = conversations(() => app, "estimate-first-message");

describe("a reply at a question of the estimate", () => {
  it.each(["I don't know", "I dont know", "no lo sé", "je ne sais pas"])("'%s' asks the question again, never answering an article", async (reply) => {
    const say = chat();
    expect((await say("how much to port 3 numbers")).replies()).toContain("Which kind of number do you want to port?");
    const res = await say(reply);
    expect(res.replies()).toContain("Which kind of number do you want to port?");
    expect(channelData(res).find((d) => d.status === "answered")).toBeUndefined();
  });
});

describe("first messages", () => {
  it("counts toll-free numbers named again in brackets once", async () => {
    const say = chat();
    const result = estimateOf(await say("How much for 6 numbers in Atlanta, 4 DIDs and 2 toll free (a 1-800 and a 1-866)?"));
    expect(result).toMatchObject({ input: { numbers: { local: 4, "toll-free": 2 }, country: "US" } });
  });

  it("counts cells named by carrier one by one, and dates 'next business day' on the place's calendar", async () => {
    const say = chat();
    const result = estimateOf(await say("Fido cell + Koodo cell in Toronto, when would they be done if I submit next business day?"));
    const today = dateInZone(new Date(), PORTING_TIME_ZONE);
    expect(result).toMatchObject({ input: { numbers: { wireless: 2 }, country: "CA", submitted: nextBusinessDay({ holidays: "CA" }, addDays(today, 1)) } });
  });

  it("reads 'five of them, all mobile' as five wireless numbers", async () => {
    const say = chat();
    const result = estimateOf(await say("How much to port my numbers from Montreal? five of them, all mobile"));
    expect(result).toMatchObject({ input: { numbers: { wireless: 5 }, country: "CA" }, total: 0 });
  });

  it("prices pulling the plug on the port halfway", async () => {
    const say = chat();
    const result = estimateOf(await say("how much if we pull the plug on the port halfway through? 3 local numbers in Ohio"));
    expect(result).toMatchObject({ input: { numbers: { local: 3 }, cancel: true }, total: 50 });
  });

  it.each(["how much in CAD to port 2 cells in Toronto", "what's the price in pesos for 2 local numbers in Ohio", "price in AUD for 2 toll free numbers in Australian dollars, Texas"])(
    "estimates '%s' in USD",
    async (text) => {
      const say = chat();
      const res = await say(text);
      const result = estimateOf(res);
      expect(result).toBeDefined();
      expect(result).toMatchObject({ total: 0, currency: "USD" });
    },
  );

  it("starts an estimate quoted by the LNP department for a +61 number", async () => {
    const say = chat();
    const res = await say("what's it cost to port +61 2 5550 1234 to voip.ms");
    const understood = channelData(res).find((d) => d.understood)?.understood;
    expect(understood).toMatchObject({ intent: "estimate" });
  });

  it("reads no country into a ticket number and a status question", async () => {
    const say = chat();
    const res = await say("ticket 55123, what is the status of my port?");
    const understood = channelData(res).find((d) => d.understood)?.understood;
    expect(understood?.intent).not.toBe("estimate");
    expect(understood?.facts?.country).toBeUndefined();
  });
});

describe("after an estimate", () => {
  it("repeats the total for 'how much in total now?' instead of starting over", async () => {
    const say = chat();
    await say("how much to port 3 fax numbers in Ohio");
    const expedited = estimateOf(await say("and if expedited?"));
    const again = await say("how much in total now?");
    const result = estimateOf(again);
    expect(result).toMatchObject({ input: { numbers: { fax: 3 }, country: "US", expedite: true, submitted: expedited.input.submitted }, total: expedited.total });
  });

  it("shows the estimate again in USD for 'what's that in CAD?'", async () => {
    const say = chat();
    const first = estimateOf(await say("how much to port 2 toll free numbers in Calgary, expedited"));
    const res = await say("what's that in CAD?");
    expect(estimateOf(res)).toMatchObject({ input: first.input, total: first.total, currency: "USD" });
  });

  it("answers 'how much in total now?' with no estimate before it as a question, starting no estimate", async () => {
    const say = chat();
    const res = await say("how much in total now?");
    expect(estimateOf(res)).toBeUndefined();
    expect(channelData(res).find((d) => d.understood)?.understood?.intent).not.toBe("estimate");
  });
});
