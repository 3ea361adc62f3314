import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { asksForDefinition, compilePortingTerms, namesPorting, questionWords } from "../../src/answer/intent.js";
import { normalize, stem } from "../../src/answer/normalize.js";
import { compileSynonyms } from "../../src/answer/vocabulary.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";

describe("asksForDefinition", () => {
  it("recognises questions about what a term means, in English, French and Spanish", () => {
    for (const q of ["what is a FOC", "BTN meaning", "what does LOA stand for", "c'est quoi un NIP", "qu'est-ce qu'une date FOC", "qué es un BTN"]) {
      expect(asksForDefinition(normalize(q), 3), q).toBe(true);
    }
  });

  it("treats a single term as a lookup", () => {
    expect(asksForDefinition(normalize("resporg"), 1)).toBe(true);
  });

  it("does not treat a question that only mentions a term as a definition question", () => {
    for (const q of ["where do I email the CSR", "I have 200 DIDs to bring over", "my BTN got rejected", "est-ce que je peux transférer mon BTN"]) {
      expect(asksForDefinition(normalize(q), 3), q).toBe(false);
    }
  });

  it("reads 'what do I / we / you' as asking what to do, while 'what do the letters stand for' still asks a meaning", () => {
    for (const q of ["leaving for another carrier, what do I do on your side", "what do we send for the LOA", "what do you need from the gaining carrier"]) {
      expect(asksForDefinition(normalize(q), 3), q).toBe(false);
    }
    expect(asksForDefinition(normalize("what do FOC and LOA mean"), 3)).toBe(true);
    expect(asksForDefinition(normalize("what do these letters PON stand for"), 3)).toBe(true);
  });
});

describe("namesPorting", () => {
  const synonyms = compileSynonyms({
    synonyms: [
      { canonical: "port", variants: ["transfer", "portabilidad"] },
      { canonical: "losing carrier", variants: ["old provider"] },
    ],
    outside_porting: [],
  });
  const porting = compilePortingTerms(synonyms, ["BTN"]);
  const terms = (words: string) => words.split(" ").map(stem);

  it("reads porting words through the vocabulary", () => {
    expect(namesPorting(terms("port number"), porting)).toBe(true);
    expect(porting.has("lose") && porting.has("carrier")).toBe(true);
    expect(namesPorting(terms("reject btn"), porting)).toBe(true);
  });

  it("counts the glossary's one-word terms, not the everyday words of a longer name", () => {
    const withGlossary = compilePortingTerms(synonyms, ["XYZ", "Service address"]);
    expect(namesPorting(terms("xyz"), withGlossary)).toBe(true);
    expect(namesPorting(terms("xyz"), porting)).toBe(false);
    expect(namesPorting(terms("address"), withGlossary)).toBe(false);
  });

  it("does not count telecom words the knowledge base uses in passing", () => {
    expect(namesPorting(terms("fax email send"), porting)).toBe(false);
    expect(namesPorting(terms("voicemail greeting"), porting)).toBe(false);
    expect(namesPorting([], porting)).toBe(false);
  });
});

describe("porting words of a knowledge base", () => {
  it("include a glossary term the knowledge base defines, with no code change", async () => {
    const kb = await loadKnowledgeBase("test/answer/fixtures/kb");
    const engine = createAnswerEngine(kb);
    // The fixture's only glossary entry defines FOC: a question with just that word is in scope and answered.
    expect(engine.ask("foc").status).toBe("answered");
    const withoutGlossary = createAnswerEngine({ ...kb, entries: kb.entries.filter((e) => e.type !== "glossary") });
    expect(withoutGlossary.ask("foc").status).not.toBe("answered");
  });

  it("leave out a glossary term marked porting_term: false, so everyday uses of it stay out of scope", async () => {
    const kb = await loadKnowledgeBase("knowledge");
    const pin = kb.byId.get("pin")!;
    expect(pin.glossary?.porting_term).toBe(false);
    expect(createAnswerEngine(kb).ask("set the pin on my voicemail").status).toBe("fallback");
    const marked = { ...pin, glossary: { ...pin.glossary!, porting_term: true } };
    const entries = kb.entries.map((e) => (e.id === "pin" ? marked : e));
    expect(createAnswerEngine({ ...kb, entries }).ask("set the pin on my voicemail").status).not.toBe("fallback");
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

describe("out-of-scope questions in the real knowledge base", () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = createAnswerEngine(await loadKnowledgeBase("knowledge"));
  });

  it("are refused when made of telecom words but not about porting", () => {
    expect(engine.ask("how do I send a fax by email").status).toBe("fallback");
    expect(engine.ask("is there an API for sending text messages").status).toBe("fallback");
  });

  it("do not include long questions that name porting among other words", () => {
    const long = engine.ask("porting 200 numbers for our call center, what should we know before we start on Monday");
    expect(long.status).not.toBe("fallback");
    expect([long.answer?.id, ...long.alternatives.map((a) => a.id)]).toContain("i-am-porting-many-numbers");
  });
});

describe("question words", () => {
  it("lists the question words a normalised text asks with", () => {
    expect(questionWords(normalize("Why can't I port it, and how long will it take?"))).toEqual(["why", "how"]);
    expect(questionWords(normalize("port out pin"))).toEqual([]);
  });
});
