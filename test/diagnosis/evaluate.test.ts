import { describe, expect, it } from "vitest";
import { evaluateDiagnosis, formatDiagnosisReport, parseDiagnosisSet, type DiagnosisCase } from "../../src/diagnosis/evaluate.js";
import { FIXTURE_KB, knowledgeFrom } from "./drive.js";

const cases: DiagnosisCase[] = [
  { text: "Rejected - BTN mismatch", expected_cause: "incorrect-btn", kind: "notice" },
  { text: "Rejected: address mismatch and BTN mismatch", expected_cause: "mismatch-information", kind: "notice" },
  { text: "Reject 99: due date on a weekend", expected_cause: null, kind: "notice" },
  { text: "Rejected: invalid PIN, and the name mismatch", expected_cause: null, kind: "notice" },
  { text: "I gave a PO box as the address", expected_cause: "mismatch-information", kind: "story" },
  { text: "they said something about my hunt group", expected_cause: "hunt-group", kind: "story" },
];

describe("scoring a diagnosis set", () => {
  it("counts the cause first, in the top 3, and unknown notices given no cause, by kind", async () => {
    const kb = await knowledgeFrom(FIXTURE_KB);
    const report = evaluateDiagnosis(kb.reader, new Set(kb.causes.map((c) => c.id)), cases);
    expect(report.all).toEqual({ known: 4, first: 2, top3: 3, unknown: 2, unknownRefused: 1 });
    expect(report.byKind.notice).toEqual({ known: 2, first: 1, top3: 2, unknown: 2, unknownRefused: 1 });
    expect(report.byKind.story).toEqual({ known: 2, first: 1, top3: 1, unknown: 0, unknownRefused: 0 });
    expect(report.unknownIds).toEqual(["hunt-group"]);
    expect(report.misses.map((m) => m.text)).toEqual([cases[1]!.text, cases[3]!.text, cases[5]!.text]);
    const text = formatDiagnosisReport("set.jsonl", report, true);
    expect(text).toContain("all: cause first 50.0%   in top 3 75.0% (of 4)   unknown given no cause 1/2");
    expect(text).toContain('warning: no rejection cause "hunt-group" in the knowledge base');
    expect(text).toContain("expected: no cause");
  });

  it("names the line of a set that is not valid", () => {
    expect(parseDiagnosisSet('{"text": "x", "expected_cause": null, "kind": "notice"}\n\n', "s.jsonl")).toHaveLength(1);
    expect(() => parseDiagnosisSet('{"text": "x", "expected_cause": null, "kind": "notice"}\n{"text": "y", "kind": "email"}', "s.jsonl")).toThrow(/^s\.jsonl:2: /);
    expect(() => parseDiagnosisSet("not json", "s.jsonl")).toThrow("s.jsonl:1: not valid JSON");
  });
});
