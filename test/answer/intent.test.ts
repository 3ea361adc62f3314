import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { asksForDefinition } from "../../src/answer/intent.js";
import { normalize } from "../../src/answer/normalize.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";

describe("asksForDefinition", () => {
  it("recognises questions about what a term means, in English, French and Spanish", () => {
    for (const q of ["what is a FOC", "BTN meaning", "what does LOA stand for", "c'est quoi un NIP", "qué es un BTN"]) {
      expect(asksForDefinition(normalize(q), 3), q).toBe(true);
    }
  });

  it("treats a single term as a lookup", () => {
    expect(asksForDefinition(normalize("resporg"), 1)).toBe(true);
  });

  it("does not treat a question that only mentions a term as a definition question", () => {
    for (const q of ["where do I email the CSR", "I have 200 DIDs to bring over", "my BTN got rejected"]) {
      expect(asksForDefinition(normalize(q), 3), q).toBe(false);
    }
  });
});

describe("glossary entries in the real knowledge base", () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = createAnswerEngine(await loadKnowledgeBase("knowledge"));
  });

  it("answer definition questions", () => {
    expect(engine.ask("what is a did").answer?.id).toBe("did");
    expect(engine.ask("wat is a foc").answer?.id).toBe("foc");
  });

  it("do not answer a question that merely uses the term", () => {
    const bulk = engine.ask("I have 200 DIDs to bring over");
    expect(bulk.answer?.id).toBe("i-am-porting-many-numbers");
    const send = engine.ask("where do I email the csr you asked for");
    expect(send.answer?.id ?? send.alternatives[0]?.id).toBe("where-to-send-my-documentation");
  });
});
