import { describe, expect, it } from "vitest";
import { answerQuestion, nextQuestion, startRequest, type RequestState } from "../../src/estimate/request-flow.js";

// Thursday
const TODAY = "2026-03-05";

function answerAll(state: RequestState, replies: string[]): RequestState {
  return replies.reduce((s, reply) => {
    const answered = answerQuestion(s, reply, TODAY);
    if (!answered.understood) throw new Error(`not understood: ${reply} (${answered.problem?.message})`);
    return answered.state;
  }, state);
}

describe("request flow", () => {
  it("asks kind, count, more kinds, country and date when nothing is known", () => {
    let state = startRequest(undefined, TODAY).state;
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
    const state = answerAll(startRequest(undefined, TODAY).state, ["toll-free", "4"]);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "kind", kinds: ["local", "wireless", "fax"], canFinish: true });
    expect(nextQuestion(startRequest(undefined, TODAY).state, TODAY)).toMatchObject({ canFinish: false });
  });

  it("asks only the country after a fee question that named the numbers, and takes today as the date", () => {
    const { state } = startRequest("how much to port 3 fax numbers and 2 toll free", TODAY);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "country" });
    expect(nextQuestion(answerAll(state, ["Canada"]), TODAY)).toMatchObject({
      field: "done",
      input: { submitted: TODAY, country: "CA" },
      context: ["No submission date was given: today in America/Toronto is used."],
    });
  });

  it("asks the count of a kind given with a bad count in the opening message", () => {
    const { state, problems } = startRequest("how much for -2 fax numbers in the US", TODAY);
    expect(problems).toEqual([{ field: "fax", message: "cannot be negative (got -2)" }]);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "count", kind: "fax" });
  });

  it("refuses bad answers with the field and the reason, keeping the state", () => {
    const atCount = answerAll(startRequest(undefined, TODAY).state, ["fax"]);
    expect(answerQuestion(atCount, "x", TODAY)).toEqual({ state: atCount, understood: false, problem: { field: "fax", message: "must be a number, e.g. 3 (got 'x')" } });
    expect(answerQuestion(atCount, "-1", TODAY).problem).toEqual({ field: "fax", message: "cannot be negative (got -1)" });
    const atCountry = answerAll(atCount, ["1", "that's all"]);
    expect(answerQuestion(atCountry, "Atlantis", TODAY).problem?.field).toBe("country");
    const atDate = answerAll(atCountry, ["US"]);
    expect(answerQuestion(atDate, "2026-02-30", TODAY).problem).toEqual({ field: "submitted", message: "2026-02-30 is not a date that exists" });
    expect(answerQuestion(atDate, "soonish", TODAY).problem?.message).toContain("YYYY-MM-DD");
    expect(answerQuestion(startRequest(undefined, TODAY).state, "pager", TODAY).problem?.field).toBe("kind");
  });

  it("reads a weekday as the submission day and 'another country' as a question for its name", () => {
    const state = answerAll(startRequest(undefined, TODAY).state, ["mobile", "1", "done", "another country"]);
    expect(nextQuestion(state, TODAY)).toEqual({ field: "country-name" });
    const done = nextQuestion(answerAll(state, ["Germany", "friday"]), TODAY);
    expect(done).toMatchObject({ field: "done", input: { numbers: { wireless: 1 }, country: "INTL", place: "Germany", submitted: "2026-03-06" } });
  });

  it("gives a count said without a kind to the kind picked next, without asking the count again", () => {
    const { state } = startRequest("how much will it cost to port 4 numbers?", TODAY);
    expect(nextQuestion(state, TODAY).field).toBe("kind");
    const after = answerAll(state, ["local"]);
    expect(after.draft.numbers).toEqual({ local: 4 });
    expect(nextQuestion(after, TODAY).field).toBe("country");
    const uk = startRequest("estimate porting 1 number from the UK", TODAY).state;
    expect(answerAll(uk, ["wireless"]).draft).toMatchObject({ numbers: { wireless: 1 }, country: "INTL", place: "United Kingdom" });
  });

  it("takes counts and kinds together at the kind question", () => {
    const state = answerAll(startRequest(undefined, TODAY).state, ["5 local numbers"]);
    expect(state.draft.numbers).toEqual({ local: 5 });
  });

  it("finishes the request when the opening message gave a bad rejection count, reporting it", () => {
    const { state, problems } = startRequest("how much for 2 fax numbers in the US with 1.5 rejections", TODAY);
    expect(problems).toEqual([{ field: "rejections", message: "must be a whole number (got 1.5)" }]);
    expect(nextQuestion(state, TODAY)).toMatchObject({ field: "done", input: { numbers: { fax: 2 }, rejections: 0 } });
  });

  it("reads 'today' and 'tomorrow' in the customer's time zone, and in the porting department's by default", () => {
    // Thursday 2026-03-05 at 22:00 in Toronto is already Friday 2026-03-06 in Kiritimati (UTC+14).
    const now = new Date("2026-03-06T03:00:00Z");
    const theirs = startRequest("when will 1 US fax number be done if I submit tomorrow", now, "Pacific/Kiritimati").state;
    expect(nextQuestion(theirs, now)).toMatchObject({ field: "done", input: { submitted: "2026-03-07", timeZone: "Pacific/Kiritimati" } });
    const ours = startRequest("when will 1 US fax number be done if I submit tomorrow", now).state;
    expect(nextQuestion(ours, now)).toMatchObject({ field: "done", input: { submitted: "2026-03-06", timeZone: "America/Toronto" } });
    const asked = answerQuestion(startRequest("1 US fax number, how long?", now, "Pacific/Kiritimati").state, "today", now);
    expect(asked.state.draft.submitted).toBe("2026-03-06");
  });

  it("takes today in the customer's time zone when no date is given", () => {
    const now = new Date("2026-03-06T03:00:00Z");
    const state = startRequest("how much for 1 fax number in Canada", now, "Pacific/Kiritimati").state;
    expect(nextQuestion(state, now)).toMatchObject({ field: "done", input: { submitted: "2026-03-06" }, context: ["No submission date was given: today in Pacific/Kiritimati is used."] });
  });
});
