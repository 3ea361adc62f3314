import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answer/engine.js";
import { evaluate, parseEvalSet } from "../../src/answer/evaluate.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";

describe("the engine on the shared development set", () => {
  it("ranks the right entry first for at least 90% of in-scope questions and answers at most 5% wrongly", async () => {
    const kb = await loadKnowledgeBase("knowledge");
    const cases = parseEvalSet(await readFile("../shared/eval/dev.jsonl", "utf8"), "dev.jsonl");
    const report = evaluate(createAnswerEngine(kb), kb, cases);
    expect(report.unknownSections).toEqual([]);
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.wrongConfident).toBeLessThanOrEqual(0.05);
  });
});
