import { describe, expect, it } from "vitest";
import type { DiagnosisCase } from "../../src/diagnosis/evaluate.js";
import { evaluateFirstMessages, formatFirstMessages, type FirstTurn } from "../../src/diagnosis/first-message.js";

const cases: DiagnosisCase[] = [
  { text: "a", expected_cause: "partial-port", kind: "notice" },
  { text: "b", expected_cause: "partial-port", kind: "story" },
  { text: "c", expected_cause: "pin", kind: "story" },
  { text: "d", expected_cause: "pin", kind: "story" },
  { text: "e", expected_cause: null, kind: "notice" },
];

describe("a rejection sent as the first message", () => {
  it("counts the cause shown first, whichever way the bot took the message, and unknown notices given one", () => {
    const turns: Record<string, FirstTurn> = {
      a: { to: "diagnosis", causes: ["partial-port", "pin"] },
      b: { to: "answer", entries: ["what-is-a-partial-port"] },
      c: { to: "choices", entries: ["pin"] },
      d: { to: "unknown" },
      e: { to: "answer", entries: ["lnp"] },
    };
    const sameAnswer = (entry: string, cause: string) => entry === "what-is-a-partial-port" && cause === "partial-port";
    const report = evaluateFirstMessages(cases, (text) => turns[text]!, sameAnswer);
    expect(report.known).toBe(4);
    expect(report.shownFirst).toBe(2);
    expect(report.routes).toEqual({ diagnosis: 1, answer: 1, choices: 1, unknown: 1, other: 0 });
    expect(report.unknownGivenCause).toBe(1);
    expect(report.misses.map((m) => m.text)).toEqual(["c", "d", "e"]);
    const printed = formatFirstMessages(report, true);
    expect(printed).toContain('"d"\n      no answer; expected pin');
    expect(printed).toContain('"e"\n      answer: lnp; expected no cause');
    expect(formatFirstMessages(report)).not.toContain('"d"');
  });
});
