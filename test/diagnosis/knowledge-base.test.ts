import { beforeAll, describe, expect, it } from "vitest";
import { knowledgeDir } from "../../src/paths.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { Country, Direction, KnowledgeBase, NumberKind } from "../../src/knowledge/schema.js";
import { CONTEXT_QUESTIONS } from "../../src/diagnosis/context.js";
import { diagnosisKnowledge, type Cause, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { DiagnosisState, MAX_QUESTIONS, nextStep, reply, startDiagnosis } from "../../src/diagnosis/flow.js";
import { TODAY, drive, pathTo, questionIds, questionsBeforeResult } from "./drive.js";

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

const titleOf = (id: string) => kb.causes.find((c) => c.id === id)!.title;

describe("a path of answers to each cause", () => {
  // Generated from the data, so a new rejection entry is covered without touching this file.
  it.each([["US"], ["CA"]] as const)("with a %s number, picking each cause's reason reaches it with its fix, within six questions", (country) => {
    let covered = 0;
    for (const cause of kb.causes) {
      if (cause.diagnosis.when?.countries && !cause.diagnosis.when.countries.includes(country)) continue;
      const [direction, countryLabel, kind] = contextFor(cause, country);
      const run = pathTo(kb, cause.id, { direction, country: countryLabel, kind, reason: cause.title, date: "2026-03-02" });
      const outcome = outcomeOf(run);
      expect(outcome.causes.map((c) => c.id), `path to ${cause.id}`).toEqual([cause.id]);
      const variant = cause.diagnosis.variants.find((v) => v.when.countries?.includes(country) && !v.when.kinds && (!v.when.directions || v.when.directions.includes("in")));
      if (!cause.diagnosis.when?.directions?.includes("out")) expect(outcome.causes[0]!.fix).toBe(variant?.fix ?? cause.diagnosis.fix);
      expect(questionsBeforeResult(run)).toBeLessThanOrEqual(MAX_QUESTIONS);
      covered += 1;
    }
    expect(covered).toBe(kb.causes.filter((c) => !c.diagnosis.when?.countries || c.diagnosis.when.countries.includes(country)).length);
  });

  it("without a reason given, the yes/no questions find the common causes", () => {
    const found = (id: string, customer: Parameters<typeof pathTo>[2]) => {
      const run = pathTo(kb, id, { date: "skip", ...customer });
      expect(questionsBeforeResult(run), id).toBeLessThanOrEqual(MAX_QUESTIONS);
      return outcomeOf(run).causes[0]?.id;
    };
    expect(found("incorrect-billing-telephone-number-btn", { direction: "port in", country: "US", kind: "landline" })).toBe("incorrect-billing-telephone-number-btn");
    expect(found("rejection-for-mismatch-information", { direction: "port in", country: "US", kind: "landline" })).toBe("rejection-for-mismatch-information");
    expect(found("rejection-for-sms-not-answered", { known: { direction: "in", country: "US", kind: "wireless" } })).toBe("rejection-for-sms-not-answered");
    expect(found("port-out-rejection-for-pin", { direction: "port out" })).toBe("port-out-rejection-for-pin");
  });

  it("the BTN mismatch is found in a few questions", () => {
    const run = drive(kb, ["port in", "not sure", "no", "no", "landline", "yes", "2026-03-02"]);
    expect(questionIds(run)).toEqual(["mismatch-po-box", "btn-confirmed-with-provider", "btn-several-numbers"]);
    const outcome = outcomeOf(run);
    expect(outcome.causes[0]!.title).toBe("Incorrect Billing Telephone Number (BTN)");
    expect(outcome.deadline?.date).toBe("2026-03-09");
  });

  it("a Canadian number with a rejection about abbreviations gets the Canadian rule, a US number the exact-match one", () => {
    const ca = pathTo(kb, "abbreviations", { known: { direction: "in", country: "CA", kind: "local" }, date: "skip" });
    expect(questionIds(ca)).not.toContain("abbreviations-differ-from-csr");
    const fix = (country: string) => outcomeOf(pathTo(kb, "abbreviations", { direction: "port in", reason: titleOf("abbreviations"), country, date: "skip" })).causes[0]!.fix;
    expect(fix("Canada")).toMatch(/not the reason/);
    expect(fix("US")).toMatch(/exactly as it is listed/);
  });

  it("a Canadian prepaid mobile gets the IMEI variant of the account-number fix", () => {
    const id = "account-number-reseller-mismatch";
    const run = pathTo(kb, id, { direction: "port in", reason: titleOf(id), country: "Canada", kind: "wireless", date: "skip" });
    expect(outcomeOf(run).causes[0]!.fix).toMatch(/IMEI/);
  });

  it("landline port-ins are never asked about the approval SMS or a mobile PIN", () => {
    for (const cause of kb.causes) {
      const ids = questionIds(pathTo(kb, cause.id, { known: { direction: "in", country: "US", kind: "local" }, date: "skip" }));
      expect(ids.filter((id) => id.startsWith("sms-"))).toEqual([]);
      expect(ids).not.toContain("account-wireless-pin");
    }
  });

  it("a port-out is asked only the questions of causes that reject port-outs, and the PIN one settles it", () => {
    const run = drive(kb, ["port out", "not sure", "no", "yes"]);
    expect(questionIds(run)).toEqual(["mismatch-po-box", "port-out-pin-asked"]);
    expect(outcomeOf(run).causes.map((c) => c.id)).toEqual(["port-out-rejection-for-pin"]);
    const mismatch = pathTo(kb, "rejection-for-mismatch-information", { direction: "port out" });
    expect(questionIds(mismatch)).not.toContain("mismatch-business-contact");
    const cause = outcomeOf(mismatch).causes[0]!;
    expect(cause.fix).toMatch(/Contact Information/);
    expect(cause.send.join(" ")).not.toMatch(/CSR/);
  });
});

describe("a decisive answer", () => {
  const stateWith = (context: object, answers: Record<string, string>) =>
    DiagnosisState.parse({ context, asked: ["direction", "country", "kind"], reasonAsked: true, answers, rejectionDate: "unknown" });

  it("a PO box on the request, a guaranteed mismatch, ends the questions", () => {
    const run = pathTo(kb, "rejection-for-mismatch-information", { direction: "port in", country: "US", kind: "landline", date: "2026-03-02" });
    expect(questionIds(run)).toEqual(["mismatch-po-box"]);
    expect(outcomeOf(run).causes.map((c) => [c.id, c.probability])).toEqual([["rejection-for-mismatch-information", 1]]);
  });

  it("settles the mismatch even after an answer that pointed to another cause", () => {
    const step = nextStep(kb, stateWith({ direction: "in", country: "US", kind: "local" }, { "btn-confirmed-with-provider": "no", "mismatch-po-box": "yes" }), TODAY);
    expect(step.kind).toBe("outcome");
    if (step.kind === "outcome") expect(step.outcome.causes.map((c) => c.id)).toEqual(["rejection-for-mismatch-information"]);
  });

  it("'No' to replying to the SMS within 90 minutes settles the SMS cause, even after 'No' to receiving texts", () => {
    const context = { direction: "in", country: "US", kind: "wireless" };
    const paths: Array<Record<string, string>> = [{ "sms-replied-in-time": "no" }, { "sms-replied-in-time": "no", "sms-number-could-receive": "no" }];
    for (const answers of paths) {
      const step = nextStep(kb, stateWith(context, answers), TODAY);
      expect(step.kind).toBe("outcome");
      if (step.kind === "outcome") expect(step.outcome.causes.map((c) => [c.id, c.probability])).toEqual([["rejection-for-sms-not-answered", 1]]);
    }
  });

  it("'No' to 'Is the number still working?' settles the disconnected-number cause", () => {
    const step = nextStep(kb, stateWith({ direction: "in", country: "US", kind: "local" }, { "disconnected-number-active": "no" }), TODAY);
    expect(step.kind).toBe("outcome");
    if (step.kind === "outcome") expect(step.outcome.causes.map((c) => c.id)).toEqual(["disconnected-inactive-numbers"]);
  });
});

describe("every path", () => {
  it(`asks at most ${MAX_QUESTIONS} questions before a result, and a port-out result carries no port-in advice`, () => {
    const seen = new Set<string>();
    let results = 0;
    let portOuts = 0;
    const walk = (state: DiagnosisState, shown: number) => {
      const key = JSON.stringify(state);
      if (seen.has(key)) return;
      seen.add(key);
      const step = nextStep(kb, state, TODAY);
      let options: string[] = [];
      if (step.kind === "question" || step.kind === "confirm") options = ["yes", "no", "not sure"];
      else if (step.kind === "context" || step.kind === "reason") options = [...new Map(step.choices.map((c) => [c.value, c.label])).values()];
      else if (step.kind === "date") options = ["skip"];
      if (step.kind === "date" || !options.length) {
        results += 1;
        expect(shown, key).toBeLessThanOrEqual(MAX_QUESTIONS);
      }
      if (step.kind === "outcome" && state.context.direction === "out") {
        portOuts += 1;
        expect(step.outcome.deadline).toBeUndefined();
        expect(step.outcome.resubmission).toEqual({});
        expect(step.outcome.where).toBeUndefined();
        for (const c of step.outcome.causes) expect(`${c.fix} ${c.send.join(" ")}`, c.id).not.toMatch(/\bCSR\b|7 days|resubmi/i);
      }
      for (const text of options) walk(reply(kb, state, text, TODAY).state, step.kind === "date" ? shown : shown + 1);
    };
    // No opening, a notice whose first cause may be refused for the next ranked ones, and a customer's story.
    for (const opening of [undefined, "Jeopardy - end user withdrew auth", "calls hop to the next phone when the first is busy and the carrier turned us down"]) {
      walk(startDiagnosis(kb, opening, TODAY), 0);
    }
    expect(results).toBeGreaterThan(100);
    expect(portOuts).toBeGreaterThan(0);
  });
});

describe("the ranking behind a notice's first cause", () => {
  it("is offered, most likely first, when the customer refuses the first cause", () => {
    const run = drive(kb, ["no"], "Jeopardy - end user withdrew auth");
    const [first, second] = run.steps;
    if (first?.kind !== "confirm" || second?.kind !== "confirm") throw new Error(`expected two confirmations, got ${first?.kind}, ${second?.kind}`);
    expect(first.causeId).toBe("more-recent-authorization");
    expect(first.ranked.length).toBeGreaterThan(1);
    expect(first.ranked[0]).toBe(first.causeId);
    expect(second.causeId).toBe(first.ranked[1]);
    expect(second.text).toMatch(/^Could it be ".+" instead\?$/);
  });
});

describe("pasted notices on the real knowledge base", () => {
  // After the confirmation only what changes the fix is asked: the country, and the direction where a variant depends on it.
  it.each([
    ["Rejected - BTN mismatch", "incorrect-billing-telephone-number-btn", ["yes", "US", "yesterday"]],
    ["LSR rejected: address does not match CSR", "rejection-for-mismatch-information", ["yes", "port in", "US", "yesterday"]],
    ["Reject reason: hunt group members would be stranded", "hunt-members-stranded-services", ["yes", "US", "yesterday"]],
    ["Rejected: pending order on account", "freeze-on-the-account-pending-order", ["yes", "Canada", "yesterday"]],
    ["Port out rejected for PIN", "port-out-rejection-for-pin", ["yes"]],
    ["LSR reject - PIN invalid", "account-number-reseller-mismatch", ["yes", "US", "yesterday"]],
    ["Jeopardy: Invalid BTN", "incorrect-billing-telephone-number-btn", ["yes", "US", "yesterday"]],
    ["ACCT # DOESNT MATCH", "account-number-reseller-mismatch", ["yes", "US", "yesterday"]],
  ])("%s goes straight to its cause", (notice, id, replies) => {
    const run = drive(kb, replies, notice);
    expect(run.steps[0]).toMatchObject({ kind: "confirm", causeId: id });
    expect(outcomeOf(run).causes.map((c) => c.id)).toEqual([id]);
  });

  it("every cause can be reached through one of its own notice patterns, once the direction is told where it is asked", () => {
    for (const cause of kb.causes) {
      const notice = `Rejected - ${cause.diagnosis.notice_patterns[0]}`;
      const direction = cause.diagnosis.when?.directions?.[0] === "out" ? "port out" : "port in";
      const first = drive(kb, [], notice);
      const run = first.last.kind === "context" ? drive(kb, [direction], notice) : first;
      expect(run.last, cause.id).toMatchObject({ kind: "confirm", causeId: cause.id });
    }
  });

  it("asks the direction first when a notice names causes of both directions, then puts only that direction's cause", () => {
    const notice = "REJECT - PIN REQUIRED/INVALID PASSCODE";
    expect(drive(kb, [], notice).last).toMatchObject({ kind: "context" });
    expect(drive(kb, ["port out"], notice).last).toMatchObject({ kind: "confirm", causeId: "port-out-rejection-for-pin" });
    expect(drive(kb, ["port in"], notice).last).toMatchObject({ kind: "confirm", causeId: "account-number-reseller-mismatch" });
  });
});
