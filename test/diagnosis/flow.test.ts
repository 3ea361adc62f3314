import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { rankCauses } from "../../src/diagnosis/ranking.js";
import { DiagnosisState, MAX_MISSES, nextStep, reply, startDiagnosis, type ReplyResult } from "../../src/diagnosis/flow.js";
import { FIXTURE_KB, TODAY, drive, knowledgeFrom, pathTo, questionIds } from "./drive.js";

let kb: DiagnosisKnowledge;
beforeAll(async () => {
  kb = await knowledgeFrom(FIXTURE_KB);
});

describe("context questions", () => {
  it("asks direction, country and kind first, in that order", () => {
    const run = drive(kb, ["port in", "US", "landline"]);
    expect(run.steps.slice(0, 3).map((s) => (s.kind === "context" ? s.id : s.kind))).toEqual(["direction", "country", "kind"]);
    expect(run.last.kind).toBe("question");
  });

  it("maps VoIP and landline to a local number, cell to wireless", () => {
    expect(drive(kb, ["1", "1", "VoIP"]).state.context).toMatchObject({ kind: "local", kindLabel: "VoIP" });
    expect(drive(kb, ["1", "1", "it's a cell phone"]).state.context).toMatchObject({ kind: "wireless" });
    expect(drive(kb, ["1", "1", "toll free"]).state.context).toMatchObject({ kind: "toll-free" });
  });

  it("each question carries a one-line reason", () => {
    const run = drive(kb, ["in", "US", "wireless", "yes"]);
    for (const step of run.steps) {
      if (step.kind === "context" || step.kind === "question") {
        expect(step.why.length).toBeGreaterThan(10);
        expect(step.why).not.toContain("\n");
      }
    }
  });
});

describe("question order and skipping", () => {
  it("asks about the most common cause (the BTN) first", () => {
    expect(questionIds(drive(kb, ["in", "US", "landline"]))[0]).toBe("btn-from-csr");
  });

  it("asks the SMS question only for wireless numbers", () => {
    const allNo = (kind: string) => drive(kb, ["in", "US", kind, ...Array(10).fill("no")]);
    expect(questionIds(allNo("wireless"))).toContain("sms-replied");
    expect(questionIds(allNo("landline"))).not.toContain("sms-replied");
  });

  it("asks the PIN question only for port-outs", () => {
    const answers = (direction: string) => questionIds(drive(kb, [direction, "US", "landline", ...Array(10).fill("no")]));
    expect(answers("out")).toContain("pin-asked");
    expect(answers("in")).not.toContain("pin-asked");
  });

  it("asks the US abbreviation question for US numbers and the Canadian one for Canadian numbers", () => {
    const us = questionIds(drive(kb, ["in", "US", "landline", ...Array(10).fill("not sure")]));
    const ca = questionIds(drive(kb, ["in", "Canada", "landline", "yes", "no", "no", "no", "no", "no", "no"]));
    expect(us).not.toContain("abbreviated-ca");
    expect(ca).toContain("abbreviated-ca");
    expect(ca).not.toContain("abbreviated-us");
  });

  it("keeps questions and causes whose context is unknown", () => {
    const unknown = ["not sure", "not sure", "not sure"];
    for (const [cause, question] of [["sms-not-answered", "sms-replied"], ["port-out-pin", "pin-asked"], ["abbreviations", "abbreviated-ca"]] as const) {
      const run = pathTo(kb, cause, unknown);
      expect(questionIds(run)).toContain(question);
      expect(run.last.kind).toBe("date");
      expect(rankCauses(kb.causes, run.state.context, run.state.answers)[0]!.cause.id).toBe(cause);
    }
  });

  it("never asks a question twice", () => {
    const ids = questionIds(drive(kb, ["in", "US", "wireless", ...Array(12).fill("no")]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("stopping and ranking", () => {
  it("stops as soon as one cause clearly leads", () => {
    const run = pathTo(kb, "incorrect-btn", ["in", "US", "landline"]);
    const relevant = kb.causes.filter((c) => c.id !== "sms-not-answered" && c.id !== "port-out-pin").flatMap((c) => c.diagnosis.questions);
    expect(questionIds(run).length).toBeLessThan(relevant.length - 1);
    expect(run.last.kind).toBe("date");
  });

  it("ends with the leading cause ranked first and the answers that point to it", () => {
    const run = drive(kb, ["in", "US", "landline", "yes", "yes", "yes", "2026-03-02"]);
    expect(run.last.kind).toBe("outcome");
    if (run.last.kind !== "outcome") return;
    expect(run.last.outcome.causes[0]!.id).toBe("mismatch-information");
    expect(run.last.outcome.causes[0]!.because.length).toBeGreaterThan(0);
  });

  it("applies the Canadian variant of a fix", () => {
    const run = drive(kb, ["in", "Canada", "landline", "yes", "yes", "yes", "skip"]);
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.last.outcome.causes[0]!.fix).toMatch(/reseller.*CLEC/);
  });

  it("uses the default fix for a US number", () => {
    const run = drive(kb, ["in", "US", "landline", "yes", "yes", "yes", "skip"]);
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.last.outcome.causes[0]!.fix).toMatch(/upstream carrier/);
  });
});

describe("outcome", () => {
  function outcomeAfter(date: string) {
    const run = pathTo(kb, "incorrect-btn", ["in", "US", "landline", date]);
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    return run.last.outcome;
  }

  it("gives the deadline as a date from the rejection date and the knowledge base's reply window", () => {
    const outcome = outcomeAfter("2026-03-02");
    expect(outcome.deadline).toMatchObject({ rejectionDate: "2026-03-02", date: "2026-03-09", daysLeft: 4 });
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

  it("finishes when the customer says the cause fits", () => {
    const run = pathTo(kb, "incorrect-btn", ["in", "US", "landline", "skip", "that's it"]);
    expect(run.last.kind).toBe("done");
  });

  it("hands off when none of the causes fits", () => {
    const run = pathTo(kb, "incorrect-btn", ["in", "US", "landline", "skip", "none of these"]);
    if (run.last.kind !== "handoff") throw new Error(`expected a hand-off, got ${run.last.kind}`);
    expect(run.last.handoff.summary).toContain("Incorrect Billing Telephone Number");
    expect(run.last.handoff.contact).toBe("ports@example.test");
  });
});

describe("pasted rejection notice", () => {
  it("goes straight to the cause it names and asks to confirm", () => {
    const run = drive(kb, [], "Rejected - BTN mismatch");
    expect(run.last).toMatchObject({ kind: "confirm", causeId: "incorrect-btn" });
  });

  it("after confirming, asks only what changes the fix, then the outcome", () => {
    const run = drive(kb, ["yes", "in", "Canada", "2026-03-01"], "LSR rejected: address does not match CSR");
    expect(run.steps.map((s) => s.kind)).toEqual(["confirm", "context", "context", "date", "outcome"]);
    expect(run.steps[1]).toMatchObject({ id: "direction" });
    expect(run.steps[2]).toMatchObject({ id: "country" });
    if (run.last.kind !== "outcome") return;
    expect(run.last.outcome.causes[0]!.fix).toMatch(/reseller.*CLEC/);
  });

  it("takes the rejection date from the opening message", () => {
    const run = drive(kb, ["yes", "US"], "my port was rejected on 2026-03-03: Rejected - BTN mismatch");
    expect(run.steps.map((s) => s.kind)).toEqual(["confirm", "context", "outcome"]);
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.last.outcome.causes.map((c) => c.id)).toEqual(["incorrect-btn"]);
    expect(run.last.outcome.deadline?.date).toBe("2026-03-10");
  });

  it("falls back to the questions when the customer says the notice says something else", () => {
    const run = drive(kb, ["no"], "Rejected - BTN mismatch");
    expect(run.last).toMatchObject({ kind: "context", id: "direction" });
  });

  it("is recognised when pasted in place of an answer", () => {
    const run = drive(kb, ["in", "US", "landline", "the notice says: Rejected - BTN mismatch"]);
    expect(run.last).toMatchObject({ kind: "confirm", causeId: "incorrect-btn" });
  });

  it("keeps the notice text without identifiers", () => {
    const run = drive(kb, [], "Rejected - BTN mismatch for 514-555-0199 account 99887766");
    expect(run.state.notice?.text).not.toMatch(/555|99887766/);
  });
});

describe("hand-off", () => {
  it("after two replies that are none of the choices", () => {
    const first = drive(kb, ["in", "banana"]);
    expect(first.last).toMatchObject({ kind: "context", id: "country" });
    expect(first.state.misses).toBe(1);
    const second = drive(kb, ["in", "banana", "purple"]);
    expect(second.last.kind).toBe("handoff");
  });

  it("a good answer resets the count of misses", () => {
    const run = drive(kb, ["in", "banana", "US", "kiwi"]);
    expect(run.last).toMatchObject({ kind: "context", id: "kind" });
  });

  it("when the customer is not sure of anything, with a summary of the answers and no identifiers", () => {
    const run = drive(kb, ["in", "US", "wireless", "not sure", "not sure", "not sure"]);
    if (run.last.kind !== "handoff") throw new Error(`expected a hand-off, got ${run.last.kind}`);
    const summary = run.last.handoff.summary;
    expect(summary).toContain("Direction: port in");
    expect(summary).toContain("Kind of number: Wireless (mobile)");
    expect(summary.match(/Not sure/g)).toHaveLength(3);
  });

  it("when every answer rules the causes out", () => {
    const run = drive(kb, ["in", "US", "landline", "yes", "no", "no", "no", "no", "no", "no"]);
    expect(run.last.kind).toBe("handoff");
  });
});

describe("state", () => {
  it("survives a round trip through JSON, as conversation storage does", () => {
    const run = drive(kb, ["in", "US", "landline", "no", "yes"]);
    expect(run.last.kind).toBe("question");
    const restored = DiagnosisState.parse(JSON.parse(JSON.stringify(run.state)));
    expect(nextStep(kb, restored, TODAY)).toEqual(run.last);
  });

  it("rejects a corrupted state with the field named", () => {
    const bad = DiagnosisState.safeParse({ context: { country: "FR" } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["context", "country"]);
  });

  it("a reply after the end changes nothing", () => {
    const run = drive(kb, ["in", "banana", "purple"]);
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
  });
});
