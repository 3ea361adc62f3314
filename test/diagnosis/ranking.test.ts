import { beforeAll, describe, expect, it } from "vitest";
import type { DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { recognizeNotice } from "../../src/diagnosis/notice.js";
import { CLEAR_LEAD, OTHER, SETTLES, beliefsAfter, clearLeader, informationGain, questionsFor, rankCauses, settle, settledCauses } from "../../src/diagnosis/ranking.js";
import { FIXTURE_KB, knowledgeFrom } from "./drive.js";

let kb: DiagnosisKnowledge;
beforeAll(async () => {
  kb = await knowledgeFrom(FIXTURE_KB);
});

const usLandline = { direction: "in", country: "US", kind: "local" } as const;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe("beliefs over causes", () => {
  it("start from the priors of the causes that apply, plus something else, and add up to one", () => {
    const beliefs = beliefsAfter(kb.causes, usLandline, {});
    expect([...beliefs.keys()].sort()).toEqual(["abbreviations", "incorrect-btn", "mismatch-information", OTHER].sort());
    expect(sum(beliefs)).toBeCloseTo(1, 10);
    expect(beliefs.get("incorrect-btn")!).toBeGreaterThan(beliefs.get("mismatch-information")!);
  });

  it("move towards the cause an answer points to, and away from it for the other answer", () => {
    const before = beliefsAfter(kb.causes, usLandline, {}).get("incorrect-btn")!;
    expect(beliefsAfter(kb.causes, usLandline, { "btn-from-csr": "no" }).get("incorrect-btn")!).toBeGreaterThan(before);
    expect(beliefsAfter(kb.causes, usLandline, { "btn-from-csr": "yes" }).get("incorrect-btn")!).toBeLessThan(before);
  });

  it("do not move for 'not sure'", () => {
    expect(beliefsAfter(kb.causes, usLandline, { "btn-from-csr": "not-sure" })).toEqual(beliefsAfter(kb.causes, usLandline, {}));
  });

  it("a heavier question moves them further", () => {
    const po = beliefsAfter(kb.causes, usLandline, { "address-po-box": "yes" }).get("mismatch-information")!;
    const invoice = beliefsAfter(kb.causes, usLandline, { "address-from-invoice": "yes" }).get("mismatch-information")!;
    expect(po).toBeGreaterThan(invoice);
  });
});

describe("question choice", () => {
  it("ranks a question about a common cause above the same question about a rare one", () => {
    const beliefs = beliefsAfter(kb.causes, usLandline, {});
    const asked = questionsFor(kb.causes, usLandline);
    const gain = (id: string) => informationGain(beliefs, asked.find((a) => a.question.id === id)!);
    expect(gain("btn-from-csr")).toBeGreaterThan(gain("abbreviated-us"));
    expect(gain("btn-from-csr")).toBeGreaterThan(0);
  });

  it("a cause leads clearly only when it passes the threshold with an answer behind it", () => {
    expect(clearLeader(rankCauses(kb.causes, usLandline, {}))).toBeUndefined();
    const ranked = rankCauses(kb.causes, usLandline, { "btn-from-csr": "no", "btn-several-numbers": "yes" });
    expect(ranked[0]!.probability).toBeGreaterThanOrEqual(CLEAR_LEAD);
    expect(clearLeader(ranked)?.cause.id).toBe("incorrect-btn");
  });
});

describe("settling", () => {
  const poBox = { "address-po-box": "yes" } as const;
  const withWeight = (weight: number) =>
    kb.causes.map((c) => ({ ...c, diagnosis: { ...c.diagnosis, questions: c.diagnosis.questions.map((q) => (q.id === "address-po-box" ? { ...q, weight } : q)) } }));

  it("a pointing answer to a strong question leaves only its cause, certain", () => {
    const settled = settle(rankCauses(withWeight(SETTLES), usLandline, poBox));
    expect(settled.map((r) => [r.cause.id, r.probability])).toEqual([["mismatch-information", 1]]);
    expect(clearLeader(settled)?.cause.id).toBe("mismatch-information");
  });

  it("a pointing 'no' settles as a pointing 'yes' does", () => {
    const settled = settledCauses(rankCauses(kb.causes, usLandline, { "btn-from-csr": "no" }));
    expect(settled?.map((r) => [r.cause.id, r.probability])).toEqual([["incorrect-btn", 1]]);
  });

  it("leaves the ranking alone below the strong weight, and for the other answer", () => {
    const ranked = rankCauses(withWeight(SETTLES - 0.05), usLandline, poBox);
    expect(settle(ranked)).toBe(ranked);
    expect(settledCauses(ranked)).toBeUndefined();
    const refused = rankCauses(withWeight(1), usLandline, { "address-po-box": "no" });
    expect(settle(refused)).toBe(refused);
  });
});

describe("notice recognition", () => {
  it("prefers the longest matching pattern and ignores word order noise around it", () => {
    const found = recognizeNotice(kb, "LSR REJECTED: end user ADDRESS does not match the CSR");
    expect(found[0]!.cause.id).toBe("mismatch-information");
    for (const other of found.slice(1)) expect(other.score).toBeLessThan(found[0]!.score / 2);
    expect(found[0]!.pattern).toMatch(/^address (does not match|mismatch)$/);
  });

  it("finds nothing in an unrelated message", () => {
    expect(recognizeNotice(kb, "how long does a port take?")).toEqual([]);
    expect(recognizeNotice(kb.causes, "how long does a port take?")).toEqual([]);
  });
});
