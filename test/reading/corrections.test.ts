import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

// Tuesday
const TUESDAY = "2026-12-01";
let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const read = (text: string, today = TUESDAY) => reader.read(text, { today });

describe("a message correcting what was said", () => {
  it.each([
    ["sorry I meant 3 not 30", 3],
    ["sorry, I meant 3", 3],
    ["3 instead of 30", 3],
  ])("'%s' is a correction whose count is the corrected one", (text, count) => {
    expect(read(text).facts).toMatchObject({ count, correction: true });
  });

  it("reads the kind and the place a correction names", () => {
    expect(read("actually it's toll free").facts).toMatchObject({ numbers: { "toll-free": 1 }, defaulted: ["toll-free"], correction: true });
    expect(read("no wait, Canada").facts).toMatchObject({ country: "CA", correction: true });
  });

  it("lets the corrected count inside one request win over the one it corrects", () => {
    const reading = read("how much for 4 toll free, sorry I mean 3 toll free, in Nevada");
    expect(reading.intent).toBe("estimate");
    expect(reading.facts.numbers).toEqual({ "toll-free": 3 });
  });

  it("takes nothing back from a message that corrects nothing", () => {
    const reading = read("how long to port 2 local numbers from Ohio, I'm not 100% sure");
    expect(reading.facts.numbers).toEqual({ local: 2 });
    expect(reading.facts.correction).toBeUndefined();
  });
});

describe("telephone numbers written out", () => {
  it("counts the numbers listed, not their area code, and gives them the kind named beside them", () => {
    expect(read("how much to port 312-555-0142, 312-555-0143 and 312-555-0199, all landlines").facts.numbers).toEqual({ local: 3 });
    expect(read("I need to port 613-555-0123 / 613-555-0188 / 613-555-0190 (all cell) — price?").facts).toMatchObject({ numbers: { wireless: 3 }, country: "CA" });
  });

  it("reads a question about a port under way, with its number, as no estimate request", () => {
    expect(read("when will my port of 416-555-0100 be done?").intent).not.toBe("estimate");
    expect(read("status of port 312 555 0142 submitted last week, when will it be done").intent).not.toBe("estimate");
    // A price asked, or a day still to come, is an order.
    expect(read("Quote please for porting (416) 555-0100 and (416) 555-0101").intent).toBe("estimate");
  });

  it("reads an area code said after 'they're' as a place, not a count", () => {
    expect(read("How long would porting 5 DIDs take? They're 305 numbers. Sending paperwork Tuesday.", "2026-12-05").facts).toMatchObject({ numbers: { local: 5 }, country: "US", submitted: "2026-12-08" });
    expect(read("They're 305 numbers.").facts.count).toBeUndefined();
  });
});

describe("the direction of the port", () => {
  it("reads a port out said around the number ('porting my number out'), which prices nothing", () => {
    const reading = read("I'm porting my number out to Bell, they need the transfer PIN, how long will it take?");
    expect(reading.facts.direction).toBe("out");
    expect(reading.intent).not.toBe("estimate");
  });

  it("reads leaving another carrier, or porting out of one, as a port in", () => {
    const reading = read("So we're finally leaving Comcast after like ten years, and I need to find out what it costs to bring over our 4 landlines from Denver.");
    expect(reading.facts.direction).toBe("in");
    expect(reading.intent).toBe("estimate");
    expect(read("how long to port my numbers out of Rogers").facts.direction).toBe("in");
  });
});

describe("submission days", () => {
  it("reads a weekday after 'if I put in' as the coming one", () => {
    expect(read("If I put in the order Thursday for 2 faxes in Quebec, what date will they be ported?").facts.submitted).toBe("2026-12-03");
    expect(read("we submitted it last thursday").facts.submitted).toBe("2026-11-26");
  });

  it("reads a date in digits by the weekday named before it, whatever language the message seems to be in", () => {
    // "Mon" makes the message look French, where 12/7 is the 12th of July; Monday is the 7th of December.
    expect(read("Agent note: cust wants est for 7 local + 2 TF, US (Dallas), submit Mon 12/7, no expedite", "2026-12-03").facts.submitted).toBe("2026-12-07");
    expect(read("envoi lun 7/12", "2026-12-03").facts.submitted).toBe("2026-12-07");
  });
});
