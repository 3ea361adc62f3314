import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { CONTEXT_QUESTIONS, withContextAnswer } from "../../src/diagnosis/context.js";
import { rankCauses } from "../../src/diagnosis/ranking.js";
import { DiagnosisState, MAX_MISSES, MAX_QUESTIONS, nextStep, questionsAsked, reply, startDiagnosis, type ReplyResult } from "../../src/diagnosis/flow.js";
import { FIXTURE_KB, TODAY, drive, knowledgeFrom, pathTo, questionIds, questionsBeforeResult } from "./drive.js";

let kb: DiagnosisKnowledge;
beforeAll(async () => {
  kb = await knowledgeFrom(FIXTURE_KB);
});

const kinds = (run: ReturnType<typeof drive>) => run.steps.map((s) => (s.kind === "context" ? s.id : s.kind));

describe("the first questions", () => {
  it("asks the direction, then which reason the rejection gives, among the causes of that direction", () => {
    const run = drive(kb, ["port in"]);
    expect(kinds(run)).toEqual(["direction", "reason"]);
    if (run.last.kind !== "reason") return;
    expect(run.last.choices.map((c) => c.value)).toEqual(["incorrect-btn", "mismatch-information", "sms-not-answered", "abbreviations", "not-sure"]);
    const out = drive(kb, ["port out"]).last;
    // In this knowledge base only the PIN cause names a direction: the others can reject either.
    expect(out.kind === "reason" && out.choices.map((c) => c.value)).toEqual(["incorrect-btn", "mismatch-information", "port-out-pin", "abbreviations", "not-sure"]);
  });

  it("maps VoIP and landline to a local number, cell to wireless", () => {
    const choice = (text: string) => CONTEXT_QUESTIONS.kind.choices.find((c) => [c.label, ...(c.aliases ?? [])].some((a) => text.includes(a.toLowerCase())))!;
    expect(withContextAnswer({}, "kind", choice("voip"))).toMatchObject({ kind: "local", kindLabel: "VoIP" });
    expect(withContextAnswer({}, "kind", choice("it's a cell phone"))).toMatchObject({ kind: "wireless" });
    expect(withContextAnswer({}, "kind", choice("toll free"))).toMatchObject({ kind: "toll-free" });
  });

  it("each question carries a one-line reason", () => {
    const run = drive(kb, ["in", "not sure", "yes", "no", "wireless", "yes"]);
    expect(run.steps.length).toBeGreaterThan(4);
    for (const step of run.steps) {
      if (step.kind === "context" || step.kind === "question" || step.kind === "reason") {
        expect(step.why.length).toBeGreaterThan(10);
        expect(step.why).not.toContain("\n");
      }
    }
  });
});

describe("picking the reason", () => {
  it("confirms its cause and asks only what its fix or fee depends on", () => {
    const run = drive(kb, ["in", "2", "Canada", "skip"]);
    expect(kinds(run)).toEqual(["direction", "reason", "country", "date", "outcome"]);
    if (run.last.kind !== "outcome") return;
    expect(run.last.outcome.causes.map((c) => [c.id, c.probability])).toEqual([["mismatch-information", 1]]);
    expect(run.last.outcome.causes[0]!.fix).toMatch(/reseller.*CLEC/);
  });

  it("reads a notice typed instead of a choice and asks to confirm its cause", () => {
    const run = drive(kb, ["in", "the notice says BTN mismatch"]);
    expect(run.last).toMatchObject({ kind: "confirm", causeId: "incorrect-btn" });
  });

  it("'not sure' goes on to the yes/no questions, the most common cause first", () => {
    const run = drive(kb, ["in", "not sure"]);
    expect(run.last).toMatchObject({ kind: "question", id: "btn-from-csr" });
  });
});

describe("question order and skipping", () => {
  it("asks the kind of number only when a question depends on it, and the SMS question only for wireless numbers", () => {
    const wireless = drive(kb, ["in", "not sure", "yes", "no", "wireless", "yes", "yes"]);
    expect(kinds(wireless).slice(0, 6)).toEqual(["direction", "reason", "question", "question", "kind", "question"]);
    expect(questionIds(wireless)).toContain("sms-replied");
    const landline = drive(kb, ["in", "not sure", "yes", "no", "landline", "no", "no"]);
    expect(questionIds(landline)).not.toContain("sms-replied");
  });

  it("asks the PIN question only for port-outs", () => {
    expect(questionIds(pathTo(kb, "port-out-pin", { direction: "port out" }))).toContain("pin-asked");
    expect(questionIds(pathTo(kb, "incorrect-btn", { direction: "port in", country: "US", kind: "landline" }))).not.toContain("pin-asked");
  });

  it("asks the US abbreviation question for US numbers and the Canadian one for Canadian numbers", () => {
    const us = questionIds(pathTo(kb, "abbreviations", { known: { direction: "in", country: "US", kind: "local" } }));
    const ca = questionIds(pathTo(kb, "abbreviations", { known: { direction: "in", country: "CA", kind: "local" } }));
    expect(us).toContain("abbreviated-us");
    expect(us).not.toContain("abbreviated-ca");
    expect(ca).toContain("abbreviated-ca");
    expect(ca).not.toContain("abbreviated-us");
  });

  it("never asks a question twice", () => {
    const ids = questionIds(drive(kb, ["in", "not sure", ...Array(12).fill("no")]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("a strong answer", () => {
  const asked = (answers: Record<string, "yes" | "no" | "not-sure">) =>
    DiagnosisState.parse({
      context: { direction: "in", country: "US", kind: "wireless" },
      asked: ["direction", "country", "kind"],
      reasonAsked: true,
      answers,
      rejectionDate: "unknown",
    });

  it("a 'No' that points to a cause settles it as a 'Yes' would", () => {
    const step = nextStep(kb, asked({ "sms-replied": "no" }), TODAY);
    expect(step.kind).toBe("outcome");
    if (step.kind === "outcome") expect(step.outcome.causes.map((c) => [c.id, c.probability])).toEqual([["sms-not-answered", 1]]);
  });

  it("two strong answers for two causes end the questions with both", () => {
    const step = nextStep(kb, asked({ "sms-replied": "no", "address-po-box": "yes" }), TODAY);
    expect(step.kind).toBe("outcome");
    if (step.kind === "outcome") expect(step.outcome.causes.map((c) => c.id).sort()).toEqual(["mismatch-information", "sms-not-answered"]);
  });

  it("the other answer to the same question settles nothing", () => {
    expect(nextStep(kb, asked({ "sms-replied": "yes" }), TODAY).kind).toBe("question");
  });
});

describe("at most six questions before a result", () => {
  it(`no path asks more than ${MAX_QUESTIONS}, whatever the answers`, () => {
    const replies = (step: ReturnType<typeof nextStep>): string[] => {
      if (step.kind === "question" || step.kind === "confirm") return ["yes", "no", "not sure"];
      if (step.kind === "context" || step.kind === "reason") return [...new Set(step.choices.map((c) => c.value))].map((v) => step.choices.find((c) => c.value === v)!.label);
      return [];
    };
    const seen = new Set<string>();
    let paths = 0;
    const walk = (state: DiagnosisState, shown: number) => {
      const key = JSON.stringify(state);
      if (seen.has(key)) return;
      seen.add(key);
      const step = nextStep(kb, state, TODAY);
      const options = replies(step);
      if (!options.length) {
        paths += 1;
        expect(shown, JSON.stringify(state)).toBeLessThanOrEqual(MAX_QUESTIONS);
        expect(questionsAsked(state)).toBeLessThanOrEqual(MAX_QUESTIONS);
        return;
      }
      for (const text of options) walk(reply(kb, state, text, TODAY).state, shown + 1);
    };
    walk(startDiagnosis(kb, undefined, TODAY), 0);
    walk(startDiagnosis(kb, "Rejected - BTN mismatch", TODAY), 0);
    expect(paths).toBeGreaterThan(50);
  });
});

describe("stopping and ranking", () => {
  it("stops as soon as one cause clearly leads", () => {
    const run = pathTo(kb, "incorrect-btn", { direction: "in", country: "US", kind: "landline", date: "skip" });
    expect(questionIds(run)).toEqual(["btn-from-csr"]);
    expect(run.last.kind).toBe("outcome");
  });

  it("ends with the leading cause ranked first and the answers that point to it", () => {
    const run = drive(kb, ["in", "not sure", "yes", "yes", "US", "2026-03-02"]);
    expect(run.last.kind).toBe("outcome");
    if (run.last.kind !== "outcome") return;
    expect(run.last.outcome.causes[0]!.id).toBe("mismatch-information");
    expect(run.last.outcome.causes[0]!.because.length).toBeGreaterThan(0);
  });

  it("applies the Canadian variant of a fix, and the default for a US number", () => {
    const fix = (country: string) => {
      const run = pathTo(kb, "mismatch-information", { direction: "in", country, kind: "landline", date: "skip" });
      if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
      return run.last.outcome.causes[0]!.fix;
    };
    expect(fix("Canada")).toMatch(/reseller.*CLEC/);
    expect(fix("US")).toMatch(/upstream carrier/);
  });
});

describe("outcome", () => {
  function outcomeAfter(date: string) {
    const run = pathTo(kb, "incorrect-btn", { direction: "in", country: "US", kind: "landline", date });
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    return run.last.outcome;
  }

  it("gives the deadline as a date from the rejection date and the knowledge base's reply window", () => {
    expect(outcomeAfter("2026-03-02").deadline).toMatchObject({ rejectionDate: "2026-03-02", date: "2026-03-09", daysLeft: 4 });
  });

  it("gives the window without a date when the customer does not know it", () => {
    const outcome = outcomeAfter("I don't know");
    expect(outcome.deadline?.date).toBeUndefined();
    expect(outcome.deadline?.duration.typical).toBe(7);
  });

  it("includes the resubmission fee, the restart rule and where to send", () => {
    const outcome = outcomeAfter("yesterday");
    expect(outcome.resubmission.fee?.fee.amount).toBe(8.75);
    expect(outcome.resubmission.restarts?.entryId).toBe("cost");
    expect(outcome.where?.id).toBe("where-to-send");
    expect(outcome.contact).toBe("ports@example.test");
  });

  it("a port-out result carries no port-in advice: no date asked, no deadline, no resubmission fee, nowhere to send documents", () => {
    const run = pathTo(kb, "port-out-pin", { direction: "port out", reason: "not sure" });
    expect(run.steps.some((s) => s.kind === "date")).toBe(false);
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.last.outcome.causes[0]!.id).toBe("port-out-pin");
    expect(run.last.outcome.deadline).toBeUndefined();
    expect(run.last.outcome.resubmission).toEqual({});
    expect(run.last.outcome.where).toBeUndefined();
  });

  it("finishes when the customer says the cause fits", () => {
    expect(pathTo(kb, "incorrect-btn", { direction: "in", country: "US", date: "skip", verdict: "that's it" }).last.kind).toBe("done");
  });

  it("hands off when none of the causes fits", () => {
    const run = pathTo(kb, "incorrect-btn", { direction: "in", country: "US", date: "skip", verdict: "none of these" });
    if (run.last.kind !== "handoff") throw new Error(`expected a hand-off, got ${run.last.kind}`);
    expect(run.last.handoff.summary).toContain("Incorrect Billing Telephone Number");
    expect(run.last.handoff.contact).toBe("ports@example.test");
  });
});

describe("pasted rejection notice", () => {
  it("goes straight to the cause it names and asks to confirm", () => {
    expect(drive(kb, [], "Rejected - BTN mismatch").last).toMatchObject({ kind: "confirm", causeId: "incorrect-btn" });
  });

  it("after confirming, asks only what changes the fix, then the outcome", () => {
    const run = drive(kb, ["yes", "in", "Canada", "2026-03-01"], "LSR rejected: address does not match CSR");
    expect(run.steps.map((s) => s.kind)).toEqual(["confirm", "context", "context", "date", "outcome"]);
    expect(run.steps[1]).toMatchObject({ id: "direction" });
    expect(run.steps[2]).toMatchObject({ id: "country" });
    if (run.last.kind !== "outcome") return;
    expect(run.last.outcome.causes[0]!.fix).toMatch(/reseller.*CLEC/);
  });

  it("a confirmed port-out cause tells the direction: the outcome carries no port-in advice", () => {
    const run = drive(kb, ["yes"], "Transfer to Cricket failed: PIN required");
    expect(run.steps[0]).toMatchObject({ kind: "confirm", causeId: "port-out-pin" });
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.state.context.direction).toBe("out");
    expect(run.last.outcome.deadline).toBeUndefined();
  });

  it("takes the rejection date from the opening message", () => {
    const run = drive(kb, ["yes", "US"], "my port was rejected on 2026-03-03: Rejected - BTN mismatch");
    expect(run.steps.map((s) => s.kind)).toEqual(["confirm", "context", "outcome"]);
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.last.outcome.causes.map((c) => c.id)).toEqual(["incorrect-btn"]);
    expect(run.last.outcome.deadline?.date).toBe("2026-03-10");
  });

  it("asks a story's cause in the customer's terms", () => {
    const step = drive(kb, [], "I gave our PO box as the address and it was rejected").last;
    expect(step.kind === "confirm" && step.text).toMatch(/^What you describe points to/);
  });

  it("falls back to the questions when the customer says the notice says something else", () => {
    expect(drive(kb, ["no"], "Rejected - BTN mismatch").last).toMatchObject({ kind: "context", id: "direction" });
  });

  it("is recognised when pasted in place of an answer", () => {
    expect(drive(kb, ["in", "not sure", "the notice says: Rejected - BTN mismatch"]).last).toMatchObject({ kind: "confirm", causeId: "incorrect-btn" });
  });

  it("keeps the notice text without identifiers", () => {
    const run = drive(kb, [], "Rejected - BTN mismatch for 514-555-0199 account 99887766");
    expect(run.state.notice?.text).not.toMatch(/555|99887766/);
  });

  it("starts with what the caller already knows of the case", () => {
    const state = startDiagnosis(kb, undefined, TODAY, { direction: "out" });
    expect(nextStep(kb, state, TODAY)).toMatchObject({ kind: "reason" });
  });
});

describe("hand-off", () => {
  it("after three replies in a row that are none of the choices, the first two asked again", () => {
    const first = drive(kb, ["in", "banana"]);
    expect(first.last).toMatchObject({ kind: "reason" });
    expect(first.state.misses).toBe(1);
    expect(drive(kb, ["in", "banana", "purple"]).last).toMatchObject({ kind: "reason" });
    expect(drive(kb, ["in", "banana", "purple", "orange"]).last.kind).toBe("handoff");
  });

  it("a good answer resets the count of misses", () => {
    const run = drive(kb, ["in", "banana", "not sure", "kiwi"]);
    expect(run.last).toMatchObject({ kind: "question" });
    expect(run.state.misses).toBe(1);
  });

  it("when the customer is not sure of anything, with a summary of the answers and no identifiers", () => {
    const run = drive(kb, ["in", "not sure", "not sure", "not sure", "not sure", "not sure"]);
    if (run.last.kind !== "handoff") throw new Error(`expected a hand-off, got ${run.last.kind}`);
    const summary = run.last.handoff.summary;
    expect(summary).toContain("Direction: port in");
    expect(summary.match(/Not sure/g)).toHaveLength(3);
  });

  it("when every answer rules the causes out", () => {
    const run = drive(kb, ["in", "not sure", "yes", "no", "not sure", "yes"]);
    expect(questionsBeforeResult(run)).toBeLessThanOrEqual(MAX_QUESTIONS);
    expect(run.last.kind).toBe("handoff");
  });
});

describe("state", () => {
  it("survives a round trip through JSON, as conversation storage does", () => {
    const run = drive(kb, ["in", "not sure", "yes"]);
    expect(run.last.kind).toBe("question");
    const restored = DiagnosisState.parse(JSON.parse(JSON.stringify(run.state)));
    expect(nextStep(kb, restored, TODAY)).toEqual(run.last);
  });

  it("reads a state saved before the reason question existed", () => {
    const saved = DiagnosisState.parse({ context: { direction: "in" }, asked: ["direction"], notice: { text: "x", candidates: ["incorrect-btn"] } });
    expect(saved.reasonAsked).toBe(false);
    expect(saved.notice?.kind).toBe("notice");
  });

  it("rejects a corrupted state with the field named", () => {
    const bad = DiagnosisState.safeParse({ context: { country: "FR" } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["context", "country"]);
  });

  it("a reply after the end changes nothing", () => {
    const run = drive(kb, ["in", "banana", "purple", "orange"]);
    const after = reply(kb, run.state, "yes", TODAY);
    expect(after.understood).toBe(false);
    expect(after.state).toEqual(run.state);
    expect(run.state.misses).toBe(MAX_MISSES);
  });

  it("hands off when a saved conversation confirmed a cause the knowledge base no longer has", () => {
    const saved = DiagnosisState.parse({ confirmed: "retired-cause", asked: ["country"], rejectionDate: "unknown" });
    expect(nextStep(kb, saved, TODAY)).toMatchObject({ kind: "handoff", handoff: { reason: "the confirmed cause is no longer in the knowledge base" } });
  });

  it("starts empty without an opening message", () => {
    expect(startDiagnosis(kb, undefined, TODAY)).toEqual(DiagnosisState.parse({}));
  });
});

describe("a reply", () => {
  it("gives the next state and whether it was understood", () => {
    expectTypeOf(reply).returns.toEqualTypeOf<ReplyResult>();
    const result = reply(kb, startDiagnosis(kb, undefined, TODAY), "port in", TODAY);
    expect(result.understood).toBe(true);
    expect(result.state.context.direction).toBe("in");
    expect(rankCauses(kb.causes, result.state.context, {}).map((r) => r.cause.id)).not.toContain("port-out-pin");
  });
});
