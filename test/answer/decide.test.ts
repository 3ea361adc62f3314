import { describe, expect, it } from "vitest";
import { answerChance, decide, THRESHOLDS, type Evidence, type QuestionSignals, type Ranked } from "../../src/answer/decide.js";

const t = THRESHOLDS;
const c = (score: number, coverage = 1): Ranked => ({ score, coverage });
const asked = (porting: boolean, knownTerms = 3, hiddenTopic = false, definition = false): QuestionSignals => ({ porting, knownTerms, hiddenTopic, definition });
const strong: Evidence = { score: 0.9, lead: 0.4, agree: true, classifier: 0.9, rareCoverage: 1, unique: true, porting: true };
const weak: Evidence = { score: 0.5, lead: 0.02, agree: false, classifier: 0.1, rareCoverage: 0.5, unique: false, porting: true };

describe("answerChance", () => {
  it("grows with each piece of evidence for the first group", () => {
    const base = answerChance(weak);
    expect(answerChance({ ...weak, lead: 0.3 })).toBeGreaterThan(base);
    expect(answerChance({ ...weak, agree: true, classifier: 0.8 })).toBeGreaterThan(base);
    expect(answerChance({ ...weak, rareCoverage: 1 })).toBeGreaterThan(base);
    expect(answerChance({ ...weak, unique: true })).toBeGreaterThan(base);
    expect(answerChance(strong)).toBeGreaterThan(t.answerBar);
    expect(answerChance(weak)).toBeLessThan(t.answerBar);
  });

  it("answers a clear lead with a modest score, which a fixed score bar would ask back", () => {
    const modest: Evidence = { score: 0.54, lead: 0.28, agree: true, classifier: 0.7, rareCoverage: 1, unique: false, porting: true };
    expect(decide([c(0.54), c(0.26)], asked(true), modest).status).toBe("answered");
  });
});

describe("decide", () => {
  it("answers when the evidence clears the bar", () => {
    expect(decide([c(0.9), c(0.5)], asked(true), strong)).toEqual({ status: "answered", shown: 1 });
  });

  it("asks which one, offering the close candidates, when the evidence is weak", () => {
    expect(decide([c(0.5), c(0.48), c(0.45), c(0.01)], asked(true), weak)).toEqual({ status: "clarify", shown: 3 });
    expect(decide([c(0.5), c(0.1)], asked(true), weak)).toEqual({ status: "clarify", shown: 2 });
  });

  it("falls back when nothing matched, the score is low, or the question is mostly words the knowledge base lacks", () => {
    expect(decide([], asked(true), strong)).toEqual({ status: "fallback", shown: 0 });
    expect(decide([c(t.minScore - 0.01)], asked(true), strong).status).toBe("fallback");
    expect(decide([c(0.99, t.minCoverage - 0.01)], asked(true), strong).status).toBe("fallback");
  });

  it("refuses a question that does not name porting unless its entry holds nearly all of its words", () => {
    const middling = (t.minCoverage + t.minCoverageWithoutPorting) / 2;
    expect(decide([c(0.4, middling)], asked(false), weak).status).toBe("fallback");
    expect(decide([c(0.4, middling)], asked(true), weak).status).toBe("clarify");
    expect(decide([c(0.4, t.minCoverageWithoutPorting + 0.01)], asked(false), weak).status).toBe("clarify");
  });

  it("never answers a question whose one known word is not a porting word, asking back instead", () => {
    const ranked = [c(0.99), c(0.1)];
    expect(decide(ranked, asked(false, 1), strong).status).toBe("clarify");
    expect(decide(ranked, asked(false, 2), strong).status).toBe("answered");
    expect(decide(ranked, asked(true, 1), strong).status).toBe("answered");
    expect(decide(ranked, asked(false, 1, false, true), strong).status).toBe("answered");
  });

  it("refuses a question whose rarest word only entries hidden from the asker hold", () => {
    expect(decide([c(0.99), c(0.1)], asked(true, 3, true), strong)).toEqual({ status: "fallback", shown: 0 });
  });
});
