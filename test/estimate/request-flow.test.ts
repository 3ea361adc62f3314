import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, nextQuestion, startRequest, type RequestState } from "../../src/estimate/request-flow.js";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "../reading/reader.js";

// Thursday
const TODAY = "2026-03-05";
let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});

const facts = (text: string) => reader.read(text, { today: TODAY }).facts;
const start = (text?: string) => startRequest(text === undefined ? undefined : facts(text));
const answer = (state: RequestState, reply: string) => answerQuestion(state, reply, facts(reply), TODAY);

function answerAll(state: RequestState, replies: string[]): RequestState {
  return replies.reduce((s, reply) => {
    const answered = answer(s, reply);
    if (!answered.understood) throw new Error(`not understood: ${reply} (${answered.problem?.message})`);
    return answered.state;
  }, state);
}

describe("request flow", () => {
  it("asks kind, count, more kinds, country and date when nothing is known", () => {
    let state = start().state;
    const asked: string[] = [];
    for (const reply of ["fax", "3", "local", "2", "that's all", "US", "2026-12-22"]) {
      asked.push(nextQuestion(state, TODAY).field);
      state = answerAll(state, [reply]);
    }
    expect(asked).toEqual(["kind", "count", "kind", "count", "kind", "country", "submitted"]);
    expect(nextQuestion(state, TODAY)).toEqual({
      field: "done",
      input: { numbers: { fax: 3, local: 2 }, country: "US", submitted: "2026-12-22", timeZone: "America/Toronto", expedite: false, rejections: 0, cancel: false },
      context: [],
    });
  });

  it("offers to finish the list of kinds only once one is counted, without the kinds already given", () => {
    const state = answerAll(start().state, ["toll-free", "4"]);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "kind", kinds: ["local", "wireless", "fax"], canFinish: true });
    expect(nextQuestion(start().state, TODAY)).toMatchObject({ canFinish: false });
  });

  it("asks only the country after a fee question that named the numbers, and takes today as the date", () => {
    const { state } = start("how much to port 3 fax numbers and 2 toll free");
    expect(nextQuestion(state, TODAY)).toEqual({ field: "country" });
    expect(nextQuestion(answerAll(state, ["Canada"]), TODAY)).toMatchObject({
      field: "done",
      input: { submitted: TODAY, country: "CA" },
      context: ["No submission date was given: today in America/Toronto is used."],
    });
  });

  it("asks once the kind of numbers counted without one beside counted kinds, and adds them to the kind picked", () => {
    const { state } = start("2 phone lines and 1 fax in Quebec, how much?");
    expect(nextQuestion(state, TODAY)).toEqual({ field: "kind", kinds: ["local", "wireless", "toll-free", "fax"], canFinish: false, pending: { count: 2, others: true } });
    expect(nextQuestion(answerAll(state, ["local"]), TODAY)).toMatchObject({ field: "done", input: { numbers: { local: 2, fax: 1 }, country: "CA" } });
    expect(nextQuestion(answerAll(state, ["fax"]), TODAY)).toMatchObject({ field: "done", input: { numbers: { fax: 3 } } });
  });

  it("ends the list of kinds when the numbers of no kind are answered with kinds and counts", () => {
    const { state } = start("how much for half a dozen numbers in Ohio");
    expect(nextQuestion(state, TODAY)).toMatchObject({ field: "kind", canFinish: false, pending: { count: 6, others: false } });
    expect(nextQuestion(answerAll(state, ["4 local and 2 cell"]), TODAY)).toMatchObject({ field: "done", input: { numbers: { local: 4, wireless: 2 } } });
  });

  it("asks no submission day for numbers outside the US and Canada, which are quoted with no dates", () => {
    expect(nextQuestion(start("how long to port 2 local numbers from Spain").state, TODAY)).toMatchObject({ field: "done", input: { country: "INTL", place: "Spain" } });
    expect(nextQuestion(start("how long to port 2 local numbers from Ohio").state, TODAY)).toEqual({ field: "submitted" });
  });

  it("reads rough counts, an area code alone and replies that give no day as answers", () => {
    const faxes = start("how much to port my fax numbers in Ohio").state;
    for (const [reply, count] of [["about 10", 10], ["a dozen or so", 12], ["10ish", 10], ["we have twelve", 12]] as const) {
      expect(answerAll(faxes, [reply]).draft.numbers).toEqual({ fax: count });
    }
    const cells = start("how much for 2 cells").state;
    expect(nextQuestion(answerAll(cells, ["416"]), TODAY)).toMatchObject({ field: "done", input: { numbers: { wireless: 2 }, country: "CA" } });
    const dids = start("how long for 2 DIDs in Ohio").state;
    expect(nextQuestion(answerAll(dids, ["not sure yet"]), TODAY)).toMatchObject({ field: "done", input: { submitted: TODAY }, context: ["No submission date was given: today in America/Toronto is used."] });
    expect(nextQuestion(answerAll(dids, ["asap"]), TODAY)).toMatchObject({ field: "done", input: { submitted: TODAY, expedite: false }, context: [] });
  });

  it("asks no count when only dates are asked: they are the same for any count, shown for one and said so", () => {
    const { state } = start("how long does a canadian wireless port take");
    expect(nextQuestion(state, TODAY)).toEqual({ field: "submitted" });
    expect(nextQuestion(answerAll(state, ["friday"]), TODAY)).toMatchObject({
      field: "done",
      input: { numbers: { wireless: 1 }, country: "CA", submitted: "2026-03-06" },
      context: ["How many wireless numbers was not said: the dates are the same for any number, so they are shown for one."],
    });
    const both = start("how long will it take to port toll free numbers and fax numbers from Canada, sending in on the 9th").state;
    expect(nextQuestion(both, TODAY)).toMatchObject({ field: "done", input: { numbers: { "toll-free": 1, fax: 1 } }, context: [expect.stringContaining("toll-free and fax numbers")] });
  });

  it("still asks the count when fees are asked, since fees are per number", () => {
    expect(nextQuestion(start("how much to port my fax numbers in Canada").state, TODAY)).toEqual({ field: "count", kind: "fax" });
    expect(nextQuestion(start("how much and how long for our cell numbers in Canada").state, TODAY)).toEqual({ field: "count", kind: "wireless" });
  });

  it("quotes Alaska, Hawaii and the US territories with no dates, like other countries' numbers", () => {
    expect(nextQuestion(start("how long to port 2 DIDs in Anchorage").state, TODAY)).toMatchObject({ field: "done", input: { country: "INTL", place: "Alaska" } });
    expect(nextQuestion(start("price for 3 lines in Honolulu").state, TODAY)).toMatchObject({ field: "kind", pending: { count: 3 } });
  });

  it("gives a total's remainder to the one kind named without a count", () => {
    const { state } = start("what are the charges for ten numbers from Ottawa? mostly landlines, two are fax");
    expect(nextQuestion(state, TODAY)).toMatchObject({ field: "done", input: { numbers: { local: 8, fax: 2 }, country: "CA" } });
  });

  it("asks the count of a kind given with a bad count in the opening message", () => {
    const { state, problems } = start("how much for -2 fax numbers in the US");
    expect(problems).toEqual([{ field: "fax", message: "cannot be negative (got -2)" }]);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "count", kind: "fax" });
  });

  it("refuses bad answers with the field and the reason, keeping the state", () => {
    const atCount = answerAll(start().state, ["fax"]);
    expect(answer(atCount, "x")).toEqual({ state: atCount, understood: false, problem: { field: "fax", message: "must be a number, e.g. 3 (got 'x')" } });
    expect(answer(atCount, "-1").problem).toEqual({ field: "fax", message: "cannot be negative (got -1)" });
    const atCountry = answerAll(atCount, ["1", "that's all"]);
    expect(answer(atCountry, "Atlantis").problem?.field).toBe("country");
    const atDate = answerAll(atCountry, ["US"]);
    expect(answer(atDate, "2026-02-30").problem).toEqual({ field: "submitted", message: "2026-02-30 is not a date that exists" });
    expect(answer(atDate, "soonish")).toEqual({ state: atDate, understood: false, problem: { field: "submitted", message: "I couldn't read a date in that: try 'tomorrow', 'next Monday' or 'Dec 14'.", plain: true } });
    // A reply holding a phone number or a PIN is never quoted back.
    expect(JSON.stringify(answer(atDate, "call 514-555-0199, pin 4821"))).not.toMatch(/514|4821|YYYY/);
    // A question asked there picks no day and is no unclear reply: the dialog answers it aside.
    expect(answer(atDate, "what is an LOA?")).toEqual({ state: atDate, understood: false });
    expect(answer(start().state, "pager").problem?.field).toBe("kind");
  });

  it("reads a weekday as the submission day and 'another country' as a question for its name", () => {
    const state = answerAll(start().state, ["mobile", "1", "done", "another country"]);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "country-name" });
    expect(nextQuestion(answerAll(state, ["Germany"]), TODAY)).toMatchObject({ field: "done", input: { numbers: { wireless: 1 }, country: "INTL", place: "Germany" } });
    const us = nextQuestion(answerAll(start().state, ["mobile", "1", "done", "US", "friday"]), TODAY);
    expect(us).toMatchObject({ field: "done", input: { country: "US", submitted: "2026-03-06" } });
  });

  it("gives a count said without a kind to the kind picked next, without asking the count again", () => {
    const { state } = start("how much will it cost to port 4 numbers?");
    expect(nextQuestion(state, TODAY).field).toBe("kind");
    const after = answerAll(state, ["local"]);
    expect(after.draft.numbers).toEqual({ local: 4 });
    expect(nextQuestion(after, TODAY).field).toBe("country");
  });

  it("takes counts and kinds together at the kind question, and other facts said with an answer", () => {
    expect(answerAll(start().state, ["5 local numbers"]).draft.numbers).toEqual({ local: 5 });
    const atCountry = start("how long for 3 fax numbers").state;
    const both = answerAll(atCountry, ["TX, submitting friday"]);
    expect(both.draft).toMatchObject({ country: "US", submitted: "2026-03-06" });
    expect(nextQuestion(both, TODAY).field).toBe("done");
  });

  it("asks which Georgia is meant, and settles it with the button's words", () => {
    const { state } = start("how much for 2 landlines in Georgia");
    expect(nextQuestion(state, TODAY)).toEqual({ field: "place", name: "Georgia", regionCountry: "US", country: "Georgia" });
    expect(answerAll(state, ["Georgia, US"]).draft.country).toBe("US");
    expect(answerAll(state, ["Georgia the country"]).draft).toMatchObject({ country: "INTL", place: "Georgia" });
  });

  it("settles which Georgia with 'the state' or 'the country' typed instead of the name", () => {
    const { state } = start("how much for 2 landlines in Georgia");
    expect(answerAll(state, ["the state"]).draft).toMatchObject({ country: "US" });
    expect(answerAll(state, ["The country."]).draft).toMatchObject({ country: "INTL", place: "Georgia" });
    expect(nextQuestion(answerAll(state, ["the state"]), TODAY).field).not.toBe("place");
  });

  it("takes today in the customer's time zone when no date is given", () => {
    const now = new Date("2026-03-06T03:00:00Z");
    const state = startRequest(facts("how much for 1 fax number in Canada"), "Pacific/Kiritimati").state;
    expect(nextQuestion(state, now)).toMatchObject({ field: "done", input: { submitted: "2026-03-06" }, context: ["No submission date was given: today in Pacific/Kiritimati is used."] });
  });
});
