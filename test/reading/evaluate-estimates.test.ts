import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";
import { evaluateEstimates, formatEstimateReport, parseEstimateSet, type EstimateCase } from "../../src/reading/evaluate-estimates.js";
import { createReader, type Reader } from "../../src/reading/read.js";

let kb: KnowledgeBase;
let reader: Reader;
beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  reader = createReader(kb.reading!);
});

const expected = (over: Partial<EstimateCase["expected"]>): EstimateCase["expected"] => ({
  counts: { local: 0, toll_free: 0, fax: 0, wireless: 0 },
  country: "US",
  submitted: null,
  expedite: false,
  rejections: 0,
  cancel: false,
  total_usd: 0,
  completion: null,
  ...over,
});

describe("estimate evaluation", () => {
  it("gets at least 90% of the shared development requests right, every one routed to the estimate", async () => {
    const cases = parseEstimateSet(await readFile("../shared/eval/estimates-dev.jsonl", "utf8"), "estimates-dev.jsonl");
    const report = evaluateEstimates(kb, reader, cases);
    expect(report.share).toBeGreaterThanOrEqual(0.9);
    expect(report.routes.estimate).toBe(cases.length);
  });

  it("answers one follow-up from the expected values, and counts a wrong total, a wrong route and a second question as misses", () => {
    const cases: EstimateCase[] = [
      { text: "how much to port 3 fax numbers", today: "2026-03-05", expected: expected({ counts: { local: 0, toll_free: 0, fax: 3, wireless: 0 }, total_usd: 45 }), essential: ["counts", "total"] },
      { text: "how much to port 3 fax numbers in the US", today: "2026-03-05", expected: expected({ counts: { local: 0, toll_free: 0, fax: 3, wireless: 0 }, total_usd: 10 }), essential: ["total"] },
      { text: "what is a BTN", today: "2026-03-05", expected: expected({ total_usd: 0 }), essential: ["total"] },
      { text: "how long does it take if I submit friday", today: "2026-03-05", expected: expected({ counts: { local: 2, toll_free: 0, fax: 0, wireless: 0 }, submitted: "2026-03-06", completion: "2026-03-13" }), essential: ["completion"] },
    ];
    const report = evaluateEstimates(kb, reader, cases);
    expect(report.outcomes.map((o) => o.problems.length === 0)).toEqual([true, false, false, false]);
    expect(report.outcomes[0]!.followUps).toBe(1);
    expect(report.outcomes[1]!.problems[0]).toContain("total 45 instead of 10");
    expect(report.outcomes[2]!.problems[0]).toBe("routed to question");
    expect(report.outcomes[3]!.problems.join()).toContain("more than one follow-up");
    expect(report.routes).toEqual({ estimate: 3, question: 1 });
    expect(formatEstimateReport("set", report, true)).toContain("right total and completion date 25.0% (1/4)");
  });

  it("names the line of a malformed set", () => {
    expect(() => parseEstimateSet('{"text": "x"}\n', "bad.jsonl")).toThrow(/bad.jsonl:1:/);
  });
});
