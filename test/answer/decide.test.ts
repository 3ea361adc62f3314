import { describe, expect, it } from "vitest";
import { decide, THRESHOLDS, type QuestionSignals, type Ranked } from "../../src/answer/decide.js";

const t = THRESHOLDS;
const c = (score: number, topic: string, coverage = 1): Ranked => ({ score, coverage, topic });
const asked = (porting: boolean, knownTerms = 3, hiddenTopic = false, definition = false): QuestionSignals => ({ porting, knownTerms, hiddenTopic, definition });

describe("decide", () => {
  it("answers a strong top candidate well ahead of the next", () => {
    expect(decide([c(t.answerScore + 0.2, "a"), c(t.answerScore + 0.2 - t.answerMargin - 0.01, "b")], asked(true))).toEqual({ status: "answered", shown: 1 });
  });

  it("asks which one when the runner-up is within the margin", () => {
    const top = t.answerScore + 0.2;
    const d = decide([c(top, "a"), c(top - t.answerMargin / 2, "b"), c(top - t.answerMargin / 2 - 0.01, "c"), c(0.01, "d")], asked(true));
    expect(d).toEqual({ status: "clarify", shown: 3 });
  });

  it("asks which one when the top score is too weak to answer", () => {
    expect(decide([c((t.minScore + t.answerScore) / 2, "a")], asked(true)).status).toBe("clarify");
  });

  it("does not let entries from the same wiki section compete for the margin", () => {
    const top = t.answerScore + 0.2;
    expect(decide([c(top, "a"), c(top, "a"), c(top - t.answerMargin - 0.01, "b")], asked(true)).status).toBe("answered");
  });

  it("falls back when nothing matched, the score is low, or the question is mostly words the knowledge base lacks", () => {
    expect(decide([], asked(true))).toEqual({ status: "fallback", shown: 0 });
    expect(decide([c(t.minScore - 0.01, "a")], asked(true)).status).toBe("fallback");
    expect(decide([c(0.99, "a", t.minCoverage - 0.01)], asked(true)).status).toBe("fallback");
  });

  it("asks a question naming porting back even when its entry holds only some of its words", () => {
    expect(decide([c(0.4, "a", t.minCoverage + 0.01)], asked(true)).status).toBe("clarify");
    expect(decide([c(0.4, "a", t.minCoverage - 0.01)], asked(true)).status).toBe("fallback");
  });

  it("refuses a question that does not name porting unless its entry holds nearly all of its words", () => {
    const middling = (t.minCoverage + t.minCoverageWithoutPorting) / 2;
    expect(decide([c(0.4, "a", middling)], asked(false)).status).toBe("fallback");
    expect(decide([c(0.4, "a", middling)], asked(true)).status).toBe("clarify");
    expect(decide([c(0.4, "a", t.minCoverageWithoutPorting + 0.01)], asked(false)).status).toBe("clarify");
  });

  it("never answers a question whose one known word is not a porting word, asking back instead", () => {
    const strong = [c(0.99, "a"), c(0.1, "b")];
    expect(decide(strong, asked(false, 1)).status).toBe("clarify");
    expect(decide(strong, asked(false, 2)).status).toBe("answered");
    expect(decide(strong, asked(true, 1)).status).toBe("answered");
    expect(decide(strong, asked(false, 1, false, true)).status).toBe("answered");
  });

  it("refuses a question whose rarest word only entries hidden from the asker hold", () => {
    expect(decide([c(0.99, "a"), c(0.1, "b")], asked(true, 3, true))).toEqual({ status: "fallback", shown: 0 });
  });
});
