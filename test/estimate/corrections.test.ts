import { beforeAll, describe, expect, it } from "vitest";
import { followUpWords, readFollowUp } from "../../src/estimate/follow-up.js";
import { EstimateInput } from "../../src/estimate/input.js";
import { answerQuestion, correctedNumbers, followUpRequest, nextQuestion, startRequest } from "../../src/estimate/request-flow.js";
import type { Reader } from "../../src/reading/read.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { realReader } from "../reading/reader.js";

let kb: ReturnType<typeof loadKnowledgeBase> | undefined;
const knowledge = () => (kb ??= loadKnowledgeBase(knowledgeDir({})));

// Tuesday
const TODAY = "2026-12-01";
let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const facts = (text: string) => reader.read(text, { today: TODAY }).facts;
const previous = (numbers: EstimateInput["numbers"]) => EstimateInput.parse({ numbers, country: "US", submitted: TODAY });

describe("a correction of the estimate just given", () => {
  async function corrected(before: EstimateInput, text: string) {
    const change = readFollowUp(text, facts(text), facts, followUpWords((await knowledge()).reading!.intents));
    if (!change) throw new Error(`no change read in ${text}`);
    expect(change.adding).toBe(false);
    const question = nextQuestion(followUpRequest(before, change).state, TODAY);
    if (question.field !== "done") throw new Error(`asks ${question.field}`);
    return question.input;
  }

  it("replaces the count ('sorry I meant 3 not 30') and keeps the rest of the order", async () => {
    const input = await corrected(EstimateInput.parse({ numbers: { local: 30 }, country: "US", submitted: TODAY, expedite: true }), "sorry I meant 3 not 30");
    expect(input).toMatchObject({ numbers: { local: 3 }, country: "US", expedite: true, submitted: TODAY });
  });

  it("moves the count to the kind named ('actually it's toll free')", async () => {
    expect((await corrected(previous({ local: 3 }), "actually it's toll free")).numbers).toEqual({ "toll-free": 3 });
  });

  it("changes the place ('no wait, Canada')", async () => {
    expect(await corrected(previous({ fax: 2 }), "no wait, Canada")).toMatchObject({ numbers: { fax: 2 }, country: "CA" });
  });
});

describe("which numbers a correction leaves", () => {
  it("applies a bare count or a kind alone to an order of one kind only", () => {
    expect(correctedNumbers({ local: 30 }, facts("I meant 3"))).toEqual({ local: 3 });
    expect(correctedNumbers({ local: 2, fax: 1 }, facts("I meant 3"))).toBeUndefined();
    expect(correctedNumbers({ local: 2, fax: 1 }, facts("sorry, 3 fax"))).toEqual({ local: 2, fax: 3 });
    expect(correctedNumbers({ local: 3 }, facts("actually it's local"))).toBeUndefined();
  });
});

describe("a correction in the middle of the request", () => {
  it("corrects the count at the country question, then asks the country again", () => {
    let state = startRequest(facts("how much to port 30 local numbers")).state;
    expect(nextQuestion(state, TODAY).field).toBe("country");
    const answered = answerQuestion(state, "sorry I meant 3 not 30", facts("sorry I meant 3 not 30"), TODAY);
    expect(answered.understood).toBe(true);
    state = answered.state;
    expect(state.draft.numbers).toEqual({ local: 3 });
    expect(nextQuestion(state, TODAY).field).toBe("country");
  });
});

describe("a question at the kind step", () => {
  it.each(["what counts as local?", "what is a DID?", "is a cell number wireless?"])("'%s' picks no kind: it is for the answer engine", (text) => {
    const state = startRequest(facts("how much to port 3 numbers in Ohio")).state;
    const answered = answerQuestion(state, text, facts(text), TODAY);
    expect(answered.understood).toBe(false);
    expect(answered.problem).toBeUndefined();
  });

  it("still takes a kind asked as a fragment ('what about fax?', 'local?')", () => {
    const state = startRequest(facts("how much to port 3 numbers in Ohio")).state;
    for (const text of ["what about fax?", "local?"]) expect(answerQuestion(state, text, facts(text), TODAY).understood).toBe(true);
  });
});
