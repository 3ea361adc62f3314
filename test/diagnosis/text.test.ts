import { describe, expect, it } from "vitest";
import { deadlineText, resubmissionText } from "../../src/diagnosis/text.js";
import { nextStep, startDiagnosis, type DiagnosisState } from "../../src/diagnosis/flow.js";
import type { Duration, Fee, Rule } from "../../src/knowledge/schema.js";
import type { DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { compileRejectionReader } from "../../src/diagnosis/notice.js";

const window = (max: number): Duration => ({ id: "w", label: "Reply", event: "rejection-reply", max, unit: "days", applies_to: {} });
const fee = (amount: number): Fee => ({ id: "f", label: "Resubmitting a port", event: "resubmission", amount, currency: "USD", unit: "per-resubmission", quote: false, applies_to: {} });

describe("diagnosis wording", () => {
  it("writes fees like the estimate: cents only when the amount is not whole", () => {
    expect(resubmissionText({ fee: { fee: fee(50), entryId: "cost" } })).toBe("Resubmitting a port: $50 USD each time.");
    expect(resubmissionText({ fee: { fee: fee(8.75), entryId: "cost" } })).toBe("Resubmitting a port: $8.75 USD each time.");
    const rule: Rule = { id: "r", label: "The interval starts again.", rule: "resubmission-restarts-interval", applies_to: {} };
    expect(resubmissionText({ restarts: { rule, entryId: "notes" } })).toBe("The interval starts again.");
  });

  it("writes the reply window the same way in the question and the deadline, singular for one day", () => {
    const causes: DiagnosisKnowledge["causes"] = [{ id: "c", title: "C", url: "u", diagnosis: { cause: "c", prior: 0.5, notice_patterns: [], stories: [], questions: [{ id: "q", text: "Q?", why: "W.", points_to: "yes", weight: 1 }], fix: "f", send: ["s"], avoid: "a", variants: [] }, related: [] }];
    const knowledge: DiagnosisKnowledge = {
      causes,
      reader: compileRejectionReader(causes),
      checks: [],
      replyWindow: { fact: window(1), entryId: "important" },
      resubmissionFees: [],
      titles: new Map(),
    };
    const state = { ...startDiagnosis(knowledge, undefined, "2026-03-05"), asked: ["direction", "country", "kind"], answers: { q: "yes" } } satisfies DiagnosisState;
    const step = nextStep(knowledge, state, "2026-03-05");
    expect(step).toMatchObject({ kind: "date", why: "You have 1 day to answer a rejection; with the date I can tell you the last day." });
    expect(deadlineText({ duration: window(1), entryId: "important" })).toBe("Reply within 1 day of the rejection.");
  });
});
