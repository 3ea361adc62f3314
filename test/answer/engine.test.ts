import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { RERANKED_GROUPS } from "../../src/answer/fused-ranking.js";
import { AskJson } from "../../src/answer/result.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";

const FIXTURE = "test/answer/fixtures/kb";
let engine: AnswerEngine;

beforeAll(async () => {
  engine = createAnswerEngine(await loadKnowledgeBase(FIXTURE));
});

describe("answer engine", () => {
  it("answers customer wording, typos included, with the right entry", () => {
    expect(engine.ask("how much to transfer my number").answer?.id).toBe("cost");
    expect(engine.ask("how lnog does a port take").answer?.id).toBe("duration");
    expect(engine.ask("rejected wrong btn").answer?.id).toBe("incorrect-btn");
    expect(engine.ask("wat is a foc").answer?.id).toBe("foc");
  });

  it("refuses questions outside porting", () => {
    const result = engine.ask("what is the weather today");
    expect(result.status).toBe("fallback");
    expect(result.answer).toBeNull();
    expect(engine.ask("").status).toBe("fallback");
    expect(engine.ask("?!").status).toBe("fallback");
  });

  it("answers French and Spanish from the English entry with the translated article", () => {
    const fr = engine.ask("combien de temps prend un transfert");
    expect(fr).toMatchObject({ status: "answered", language: "fr", translation: "https://wiki.example.test/article/FAQ_fr" });
    expect(fr.answer?.id).toBe("duration");
    const es = engine.ask("¿cuánto cuesta portar mi número?");
    expect(es).toMatchObject({ language: "es", translation: "https://wiki.example.test/article/FAQ_es" });
    expect(es.answer?.id).toBe("cost");
    expect(engine.ask("how long does a port take").translation).toBeUndefined();
  });

  it("returns exactly the AskJson shape, scores between 0 and 1", () => {
    for (const q of ["how much is porting", "what is a FOC", "hockey scores", "port"]) {
      const result = engine.ask(q);
      // Beyond the contract, the result holds only what renderers and the second opinion need (AskResult): the
      // decision's chance, choices' labels and a "which of these?"'s candidates; nothing else may creep in.
      const { masked: _masked, language: _language, translation: _translation, english: _english, chance, candidates, ...contract } = result;
      const alternatives = contract.alternatives.map(({ label: _label, ...a }) => a);
      expect(AskJson.strict().safeParse({ ...contract, alternatives }).success).toBe(true);
      expect(chance === undefined || (chance >= 0 && chance <= 1)).toBe(true);
      expect(candidates === undefined).toBe(result.status !== "clarify");
      for (const a of result.alternatives) expect(a.id).not.toBe(result.answer?.id);
    }
  });
});

describe("customer identifiers", () => {
  const cases: Array<[string, string]> = [
    ["how long does the port of 514-555-1234 take", "how long does the port take"],
    // A value given with its label ("my pin is 4321") is data, not the question's topic: both go.
    ["my pin is 4321, rejected wrong btn", "rejected wrong btn"],
    ["account 99887766: how much to transfer my number", "how much to transfer my number"],
    ["how much to transfer +1 (438) 555 0199 and 2125550100", "how much to transfer"],
  ];

  it("do not change which entry is matched, nor the score", () => {
    for (const [withIds, without] of cases) {
      const a = engine.ask(withIds);
      const b = engine.ask(without);
      expect(a.status).toBe(b.status);
      expect(a.answer?.id).toBe(b.answer?.id);
      expect(a.confidence).toBe(b.confidence);
    }
  });

  it("never appear in the result", () => {
    for (const [withIds] of cases) {
      const text = JSON.stringify(engine.ask(withIds));
      for (const id of ["514-555-1234", "4321", "99887766", "438", "2125550100"]) expect(text).not.toContain(id);
    }
  });
});

describe("archived entries", () => {
  it("are never given to customers, not even among the choices", () => {
    const result = engine.ask("what is a nasc procedure");
    expect(result.answer?.id).not.toBe("nasc-until-2019");
    expect(result.alternatives.map((a) => a.id)).not.toContain("nasc-until-2019");
    expect(engine.ask("what is a nasc procedure", { audience: "customer" }).status).not.toBe("answered");
  });

  it("are shown to agents, labelled archived in the title", () => {
    const result = engine.ask("what is a nasc procedure", { audience: "agent" });
    expect(result.status).toBe("answered");
    expect(result.answer?.id).toBe("nasc-until-2019");
    expect(result.answer?.title).toMatch(/^\(archived until 2019-08-27\)/);
  });
});

describe("the engine on the committed knowledge base", () => {
  let real: AnswerEngine;
  beforeAll(async () => {
    real = createAnswerEngine(await loadKnowledgeBase("knowledge"));
  });

  it("gives a 'which of these?' its first answer groups as candidates, the shown choices first, for re-ranking", () => {
    const asked = real.ask("the other company says they never got the request");
    expect(asked.status).toBe("clarify");
    const ids = asked.candidates!.map((c) => c.id);
    expect(ids.slice(0, asked.alternatives.length)).toEqual(asked.alternatives.map((a) => a.id));
    expect(ids.length).toBeGreaterThan(asked.alternatives.length);
    expect(ids.length).toBeLessThanOrEqual(RERANKED_GROUPS);
    expect(new Set(ids).size).toBe(ids.length);
    const scores = asked.candidates!.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("does not answer a question whose one known word is not about porting", () => {
    expect(real.ask("my internet is down").status).not.toBe("answered");
  });

  it("reads spoken 'cause' as 'because' and a misspelt 'acount', finding the name mismatch rejection", () => {
    const result = real.ask("my port got rejected cause the name on the acount was wrong");
    expect(result.answer?.id ?? result.alternatives[0]?.id).toBe("rejection-for-mismatch-information");
  });

  it("refuses a customer asking about what only archived entries describe, rather than answering today's port time", () => {
    const result = real.ask("how long does the nasc take");
    expect(result).toMatchObject({ status: "fallback", answer: null });
  });

  it("gives agents the current entry of a section the archive also holds, the archived text beside it", () => {
    const result = real.ask("special price for porting many numbers", { audience: "agent" });
    expect(result.answer?.id ?? result.alternatives[0]?.id).toBe("i-am-porting-many-numbers");
    expect(result.alternatives.map((a) => a.id)).toContain("i-am-porting-many-numbers-until-2020-05-28");
  });
});
