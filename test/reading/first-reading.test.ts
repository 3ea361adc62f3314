import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const read = (text: string, today: string) => reader.read(text, { today });

describe("toll-free numbers in their written forms", () => {
  it.each([
    ["How much for 6 numbers in Atlanta, 4 DIDs and 2 toll free (a 1-800 and a 1-866)?", { local: 4, "toll-free": 2 }],
    ["price for 4 local and 2 toll free numbers (1-800 & 1-877) Ohio", { local: 4, "toll-free": 2 }],
    ["we have 1 toll free, it's an 800 number, in Ohio. how much?", { "toll-free": 1 }],
    ["what would it cost to port our 877 number? it's a Canadian toll free line", { "toll-free": 1 }],
    ["price for two 1-800 numbers in Ohio", { "toll-free": 2 }],
    ["how much to port 1 toll free number 1-888-555-0100, Ohio", { "toll-free": 1 }],
  ])("'%s' counts each number once: %j", (text, numbers) => {
    expect(read(text, "2026-06-11").facts.numbers).toEqual(numbers);
  });

  it("still adds a second item of the same kind outside brackets", () => {
    expect(read("price to port 1 cell from Telus and 1 cell from Rogers in Calgary", "2026-06-11").facts.numbers).toEqual({ wireless: 2 });
  });

  it("reads three digits between a city and a kind in the singular as its area code, not a count", () => {
    expect(read("Winnipeg 204 landline + my wife's Telus cell, cost?", "2026-06-11").facts.numbers).toEqual({ local: 1, wireless: 1 });
    expect(read("how much for 200 local in Ohio", "2026-06-11").facts.numbers).toEqual({ local: 200 });
  });
});

describe("submission days", () => {
  it.each([
    // Monday
    ["2 cells in Winnipeg, submitting the coming monday, how much?", "2026-06-08", "2026-06-15"],
    ["2 cells in Winnipeg, submitting monday, how much?", "2026-06-08", "2026-06-15"],
    ["2 cells in Winnipeg, submitting this monday, how much?", "2026-06-08", "2026-06-08"],
    // Friday
    ["how long for 2 toll frees in Phoenix if we send the order next friday", "2026-06-05", "2026-06-12"],
  ])("'%s' said on %s is %s", (text, today, day) => {
    expect(read(text, today).facts.submitted).toBe(day);
  });

  it.each([
    ["how long for 2 local numbers in Ohio, submitted on January 8", "2026-12-21", "2027-01-08"],
    ["2 local numbers in Ohio, the LOA gets submitted jan 8th, when done?", "2026-12-21", "2027-01-08"],
    ["what would 3 fax numbers from Austin cost to port, submitted on 9/14", "2026-09-05", "2026-09-14"],
  ])("reads a day and month just ahead as the coming one despite a past word: '%s'", (text, today, day) => {
    expect(read(text, today).facts.submitted).toBe(day);
  });

  it("still reads a day and month long ahead, said in the past, as last year's", () => {
    expect(read("we submitted on June 12, how long for 2 local in Ohio", "2026-04-10").facts.submitted).toBe("2025-06-12");
  });

  it.each([
    ["how long for 2 local numbers in Ohio if we submit on 3rd", "2026-12-21", "2027-01-03"],
    ["how long for 2 local numbers in Ohio if we submit 3rd", "2026-05-20", "2026-06-03"],
    ["how long for 2 local numbers in Ohio if we submit the 3rd of March", "2026-12-10", "2027-03-03"],
  ])("reads a day of the month without 'the': '%s'", (text, today, day) => {
    expect(read(text, today).facts.submitted).toBe(day);
  });

  it("reads no day from 'the 2nd try'", () => {
    expect(read("2 local numbers in Ohio, rejected on the 2nd try, how much", "2026-12-10").facts.submitted).toBeUndefined();
  });
});

describe("cancelling the port in customers' words", () => {
  it.each([
    "how much if we pull the plug on the port halfway through? 3 local numbers in Ohio",
    "what's the charge to call off a port request for 2 landlines in Toronto after it's been submitted",
    "price for 2 toll free US numbers, and if we change our mind and stop the port midway?",
  ])("'%s' prices the cancellation", (text) => {
    const reading = read(text, "2026-07-14");
    expect(reading.intent).toBe("estimate");
    expect(reading.facts.cancel).toBe(true);
  });

  it.each([
    "I'll cancel my Telus account once it's done - how much to port 2 cells from Edmonton?",
    "how much to port 2 cells from Edmonton? we want to stop the service with Telus after",
  ])("'%s' prices no cancellation", (text) => {
    expect(read(text, "2026-07-14").facts.cancel).toBeUndefined();
  });
});

describe("places", () => {
  it("reads a city named right before a country as that country's", () => {
    expect(read("How much to port a mobile number from Manchester, UK?", "2026-09-25").facts).toMatchObject({ country: "INTL", place: "United Kingdom" });
    expect(read("how much to port 2 landlines from London Ontario", "2026-09-25").facts.country).toBe("CA");
    expect(read("how much to port 2 landlines from Paris, Texas", "2026-09-25").facts.country).toBe("US");
  });

  it("counts an international telephone number as one number of its country", () => {
    const reading = read("what's it cost to port +61 2 5550 1234 to voip.ms", "2026-07-14");
    expect(reading.intent).toBe("estimate");
    expect(reading.facts).toMatchObject({ count: 1, country: "INTL", place: "Australia" });
    expect(read("how much to port +44 20 7946 0958 and +44 20 7946 0959", "2026-07-14").facts.count).toBe(2);
  });

  it("reads a calling code before a word as a country and one number, never as a count", () => {
    expect(read("+61 number, how much to port it?", "2026-07-14").facts).toMatchObject({ count: 1, place: "Australia" });
    expect(read("how much for 2 local +3 fax in Ohio", "2026-07-14").facts.numbers).toEqual({ local: 2, fax: 3 });
  });
});

describe("urgency said as a day", () => {
  it("reads 'need them done yesterday' as an expedite, and no submission day", () => {
    const facts = read("how much to port 2 local in Ottawa, I need them done yesterday", "2026-12-01").facts;
    expect(facts.expedite).toBe(true);
    expect(facts.submitted).toBeUndefined();
  });

  it("still reads 'submitted yesterday' as the submission day", () => {
    expect(read("we submitted 2 local numbers in Ottawa yesterday, when done?", "2026-12-01").facts.submitted).toBe("2026-11-30");
  });
});

describe("words that name no place", () => {
  it("reads no country from a currency the price is asked in", () => {
    expect(read("how much in Australian dollars to port 2 local numbers", "2026-07-14").facts.country).toBeUndefined();
    expect(read("price in pesos for 2 cells", "2026-07-14").facts.country).toBeUndefined();
    expect(read("how much in CAD to port 2 cells in Toronto", "2026-07-14").facts.country).toBe("CA");
  });

  it("reads no 'the states' from 'what is the status'", () => {
    expect(read("ticket 55123, what is the status of my port?", "2026-07-14").facts.country).toBeUndefined();
    expect(read("how much for 2 cells in the staets", "2026-07-14").facts.country).toBe("US");
  });

  it("reads 'now' as no submission day", () => {
    expect(read("how much in total now?", "2026-07-14").facts.submitted).toBeUndefined();
  });
});

describe("notice words", () => {
  it("reads 'reset my password' as a question: a short notice word ('rejet') is matched without typos", () => {
    expect(read("reset my password", "2026-12-01").intent).toBe("question");
    expect(read("rejet de portabilité", "2026-12-01").intent).toBe("diagnosis");
  });

  it("reads 'support' as no notice word: a short one ('supp') matches only as typed, a longer one also by its stem", () => {
    expect(read("whats your support phone number", "2026-12-01").intent).toBe("question");
    expect(read("SUPP required: new due date", "2026-12-01").intent).toBe("diagnosis");
    expect(read("the carrier said they need a supplement", "2026-12-01").intent).toBe("diagnosis");
  });

  it("reads a notice word after a negated one ('not rejected ... rejected: name mismatch') as a notice", () => {
    expect(read("they said it would not be rejected, and it was rejected: end user name mismatch", "2026-12-01").intent).toBe("diagnosis");
  });
});
