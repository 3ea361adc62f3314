import { beforeAll, describe, expect, it } from "vitest";
import { knowledgeDir } from "../../src/paths.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { Country, Direction, KnowledgeBase, NumberKind } from "../../src/knowledge/schema.js";
import { CONTEXT_QUESTIONS } from "../../src/diagnosis/context.js";
import { diagnosisKnowledge, type Cause, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { DiagnosisState, nextStep } from "../../src/diagnosis/flow.js";
import { TODAY, drive, pathTo, questionIds } from "./drive.js";

/** Diagnosis on the real knowledge base: every cause in it must be reachable, with no code per cause. */

let base: KnowledgeBase;
let kb: DiagnosisKnowledge;
beforeAll(async () => {
  base = await loadKnowledgeBase(knowledgeDir({}));
  kb = diagnosisKnowledge(base, TODAY);
});

const label = (id: "direction" | "country" | "kind", value: string) => CONTEXT_QUESTIONS[id].choices.find((c) => c.value === value)!.label;

/** Context replies a customer with this cause could give: the first value each `when` allows, or a common one. */
function contextFor(cause: Cause, country?: Country): string[] {
  const when = cause.diagnosis.when ?? {};
  const direction: Direction = when.directions?.[0] ?? "in";
  const kind: NumberKind = when.kinds?.[0] ?? "local";
  return [label("direction", direction), label("country", country ?? when.countries?.[0] ?? "US"), label("kind", kind)];
}

function outcomeOf(run: ReturnType<typeof drive>) {
  if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
  return run.last.outcome;
}

describe("the knowledge base's rejection causes", () => {
  it("every current rejection entry carries diagnosis data", () => {
    const rejections = base.entries.filter((e) => e.type === "rejection" && e.status === "current");
    expect(rejections.length).toBeGreaterThanOrEqual(11);
    expect(kb.causes.map((c) => c.id).sort()).toEqual(rejections.map((e) => e.id).sort());
  });

  it("the BTN mismatch, which the articles call the most common, has the highest prior among port-in causes", () => {
    const portIn = kb.causes.filter((c) => !c.diagnosis.when?.directions || c.diagnosis.when.directions.includes("in"));
    const top = [...portIn].sort((a, b) => b.diagnosis.prior - a.diagnosis.prior)[0]!;
    expect(top.title).toMatch(/BTN/);
  });

  it("every question and check says in one short line why it is asked", () => {
    const whys = [...kb.causes.flatMap((c) => c.diagnosis.questions.map((q) => q.why)), ...kb.checks.map((c) => c.why)];
    expect(whys.length).toBeGreaterThan(20);
    for (const why of whys) {
      expect(why).not.toContain("\n");
      expect(why.length).toBeLessThanOrEqual(140);
    }
  });

  it("the facts the outcome needs are in the knowledge base", () => {
    expect(kb.whereToSend?.title).toBe("Where to send my Documentation?");
    expect(kb.contact).toMatch(/@/);
    expect(kb.replyWindow?.fact.event).toBe("rejection-reply");
    expect(kb.resubmissionFees.length).toBeGreaterThan(0);
    expect(kb.restartRule?.fact.rule).toBe("resubmission-restarts-interval");
  });
});

describe("a path of answers to each cause", () => {
  // Generated from the data, so a new rejection entry is covered without touching this file.
  it.each([["US"], ["CA"]] as const)("with a %s number, each cause that can apply is reachable and ranked first", (country) => {
    let covered = 0;
    for (const cause of kb.causes) {
      if (cause.diagnosis.when?.countries && !cause.diagnosis.when.countries.includes(country)) continue;
      const run = pathTo(kb, cause.id, [...contextFor(cause, country), "2026-03-02"]);
      const outcome = outcomeOf(run);
      expect(outcome.causes[0]?.id, `path to ${cause.id}`).toBe(cause.id);
      const variant = cause.diagnosis.variants.find((v) => v.when.countries?.includes(country) && !v.when.kinds && !v.when.directions);
      expect(outcome.causes[0]!.fix).toBe(variant?.fix ?? cause.diagnosis.fix);
      covered += 1;
    }
    expect(covered).toBe(kb.causes.filter((c) => !c.diagnosis.when?.countries || c.diagnosis.when.countries.includes(country)).length);
  });

  it("the BTN mismatch is found in a few questions", () => {
    const run = drive(kb, ["port in", "US", "landline", "no", "no", "yes", "2026-03-02"]);
    expect(questionIds(run)).toEqual(["mismatch-po-box", "btn-confirmed-with-provider", "btn-several-numbers"]);
    const outcome = outcomeOf(run);
    expect(outcome.causes[0]!.title).toBe("Incorrect Billing Telephone Number (BTN)");
    expect(outcome.deadline?.date).toBe("2026-03-09");
  });

  it("a Canadian number with a rejection about abbreviations gets the Canadian rule", () => {
    const run = pathTo(kb, "abbreviations", ["port in", "Canada", "landline", "skip"]);
    expect(questionIds(run)).toContain("abbreviations-resubmitted");
    expect(questionIds(run)).not.toContain("abbreviations-differ-from-csr");
    expect(outcomeOf(run).causes[0]!.fix).toMatch(/not the reason/);
  });

  it("a US number with the same rejection must match the CSR exactly", () => {
    const run = pathTo(kb, "abbreviations", ["port in", "US", "landline", "skip"]);
    expect(questionIds(run)).toContain("abbreviations-differ-from-csr");
    expect(questionIds(run)).not.toContain("abbreviations-resubmitted");
    expect(outcomeOf(run).causes[0]!.fix).toMatch(/exactly as it is listed/);
  });

  it("a Canadian prepaid mobile gets the IMEI variant of the account-number fix", () => {
    const run = pathTo(kb, "account-number-reseller-mismatch", ["port in", "Canada", "wireless", "skip"]);
    expect(outcomeOf(run).causes[0]!.fix).toMatch(/IMEI/);
  });

  it("wireless port-ins are asked about the approval SMS; landlines never are", () => {
    const wireless = pathTo(kb, "rejection-for-sms-not-answered", ["port in", "US", "wireless", "skip"]);
    expect(outcomeOf(wireless).causes[0]!.id).toBe("rejection-for-sms-not-answered");
    for (const cause of kb.causes) {
      const ids = questionIds(pathTo(kb, cause.id, ["port in", "US", "landline", "skip"]));
      expect(ids.filter((id) => id.startsWith("sms-"))).toEqual([]);
      expect(ids).not.toContain("account-wireless-pin");
    }
  });

  it("a port-out is asked only the questions of causes that reject port-outs, and the PIN one settles it", () => {
    const run = drive(kb, ["port out", "US", "VoIP", "no", "yes", "skip"]);
    expect(questionIds(run)).toEqual(["mismatch-po-box", "port-out-pin-asked"]);
    expect(outcomeOf(run).causes[0]!.id).toBe("port-out-rejection-for-pin");
    const answeredNo = pathTo(kb, "rejection-for-mismatch-information", ["port out", "US", "VoIP", "skip"]);
    expect(questionIds(answeredNo).every((id) => id.startsWith("port-out-") || id.startsWith("mismatch-"))).toBe(true);
    expect(questionIds(answeredNo)).not.toContain("mismatch-business-contact");
    expect(outcomeOf(answeredNo).causes[0]!.fix).toMatch(/Contact Information/);
  });
});

describe("a decisive answer", () => {
  it("a PO box on the request, a guaranteed mismatch, ends the questions", () => {
    const run = pathTo(kb, "rejection-for-mismatch-information", ["port in", "US", "landline", "2026-03-02"]);
    expect(questionIds(run)).toEqual(["mismatch-po-box"]);
    expect(outcomeOf(run).causes.map((c) => [c.id, c.probability])).toEqual([["rejection-for-mismatch-information", 1]]);
  });

  it("settles the mismatch even after an answer that pointed to another cause", () => {
    const asked = { ...DiagnosisState.parse({}), context: { direction: "in", country: "US", kind: "local", kindLabel: "Landline" }, asked: ["direction", "country", "kind"] } as const;
    const state = DiagnosisState.parse({ ...asked, answers: { "btn-confirmed-with-provider": "no", "mismatch-po-box": "yes" }, rejectionDate: "unknown" });
    const step = nextStep(kb, state, TODAY);
    expect(step.kind).toBe("outcome");
    if (step.kind === "outcome") expect(step.outcome.causes.map((c) => c.id)).toEqual(["rejection-for-mismatch-information"]);
  });
});

describe("pasted notices on the real knowledge base", () => {
  // After the confirmation only what changes the fix is asked: the country, and the direction where a variant depends on it.
  it.each([
    ["Rejected - BTN mismatch", "incorrect-billing-telephone-number-btn", ["yes", "US", "yesterday"]],
    ["LSR rejected: address does not match CSR", "rejection-for-mismatch-information", ["yes", "port in", "US", "yesterday"]],
    ["Reject reason: hunt group members would be stranded", "hunt-members-stranded-services", ["yes", "US", "yesterday"]],
    ["Rejected: pending order on account", "freeze-on-the-account-pending-order", ["yes", "Canada", "yesterday"]],
    ["Port out rejected for PIN", "port-out-rejection-for-pin", ["yes", "US", "yesterday"]],
  ])("%s goes straight to its cause", (notice, id, replies) => {
    const run = drive(kb, replies, notice);
    expect(run.steps[0]).toMatchObject({ kind: "confirm", causeId: id });
    expect(outcomeOf(run).causes.map((c) => c.id)).toEqual([id]);
  });

  it("every cause can be reached through one of its own notice patterns", () => {
    for (const cause of kb.causes) {
      const run = drive(kb, [], `Rejected - ${cause.diagnosis.notice_patterns[0]}`);
      expect(run.last, cause.id).toMatchObject({ kind: "confirm", causeId: cause.id });
    }
  });
});
