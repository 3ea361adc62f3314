import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { decide } from "../../src/answer/decide.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

let engine: AnswerEngine;

beforeAll(async () => {
  engine = createAnswerEngine(await loadKnowledgeBase(knowledgeDir({})));
});

describe("a question asking what a term means", () => {
  it.each([
    ["what is a BTN?", "btn"],
    ["what does LOA mean", "loa"],
  ])("'%s' is answered with the term's glossary entry, although other entries use the term as much", (question, id) => {
    expect(engine.ask(question)).toMatchObject({ status: "answered", answer: { id } });
  });

  it("answers on the definition even when the evidence model alone would ask back", () => {
    const ranked = [{ score: 0.9, coverage: 1 }, { score: 0.82, coverage: 1 }];
    const weak = { score: 0.9, lead: 0.08, agree: false, classifier: 0.2, rareCoverage: 1, unique: false, porting: true };
    const question = { porting: true, knownTerms: 1, definition: true, hiddenTopic: false };
    expect(decide(ranked, question, weak).status).toBe("clarify");
    expect(decide(ranked, { ...question, definesTopTerm: true }, weak).status).toBe("answered");
  });

  it("still refuses a 'what is' question outside porting", () => {
    expect(engine.ask("what is the weather tomorrow")).toMatchObject({ status: "fallback", answer: null });
  });
});
