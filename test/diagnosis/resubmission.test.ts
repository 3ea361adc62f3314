import { describe, expect, it } from "vitest";
import { diagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { resubmissionFor } from "../../src/diagnosis/outcome.js";
import { entry, knowledgeBase } from "../estimate/kb-builder.js";

/** The diagnosis picks the resubmission fee and rule with the same rules as the estimator. */
const kb = knowledgeBase([
  entry("general", { fees: [{ id: "any", label: "Resubmission", event: "resubmission", amount: 5, unit: "per-resubmission" }] }),
  entry("canada", { fees: [{ id: "ca", label: "Canadian resubmission", event: "resubmission", amount: 7, unit: "per-resubmission", applies_to: { countries: ["CA"] } }] }),
  entry("uk", { fees: [{ id: "uk", label: "UK resubmission", event: "resubmission", amount: 9, unit: "per-resubmission", applies_to: { countries: ["INTL"], places: ["United Kingdom"] } }] }),
  entry("later", { fees: [{ id: "later", label: "Future resubmission", event: "resubmission", amount: 11, unit: "per-resubmission", since: "2027-01-01" }] }),
]);
const knowledge = diagnosisKnowledge(kb, "2026-03-05");

describe("the resubmission fee shown after a diagnosis", () => {
  it("is the most specific fee in force for the customer's country", () => {
    expect(resubmissionFor(knowledge, { country: "CA" }).fee?.fee.id).toBe("ca");
    expect(resubmissionFor(knowledge, { country: "US" }).fee?.fee.id).toBe("any");
  });

  it("never is a fee for a named place, which the diagnosis does not ask", () => {
    expect(resubmissionFor(knowledge, { country: "INTL" }).fee?.fee.id).toBe("any");
    expect(knowledge.resubmissionFees.map((f) => f.fact.id)).not.toContain("later");
  });
});
