import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { ChecklistState, nextCheck, replyToCheck, startChecklist, type ChecklistStep } from "../../src/diagnosis/checklist.js";
import type { DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { FIXTURE_KB, knowledgeFrom } from "./drive.js";

function play(kb: DiagnosisKnowledge, replies: string[]): { state: ChecklistState; steps: ChecklistStep[] } {
  let state = startChecklist();
  const steps = [nextCheck(kb, state)];
  for (const text of replies) {
    state = replyToCheck(kb, state, text).state;
    steps.push(nextCheck(kb, state));
  }
  return { state, steps };
}

const checkIds = (steps: ChecklistStep[]) => steps.flatMap((s) => (s.kind === "check" ? [s.id] : []));

describe("pre-port checklist on a fixture knowledge base", () => {
  let kb: DiagnosisKnowledge;
  beforeAll(async () => {
    kb = await knowledgeFrom(FIXTURE_KB);
  });

  it("asks country and kind, then the checks in their order, skipping those for other kinds", () => {
    const { steps } = play(kb, ["US", "landline", "yes", "yes", "no"]);
    expect(steps[0]).toMatchObject({ kind: "context", id: "country" });
    expect(steps[1]).toMatchObject({ kind: "context", id: "kind" });
    expect(checkIds(steps)).toEqual(["service-address", "btn-known", "voice-and-fax-together"]);
  });

  it("asks the SMS check for a wireless number", () => {
    expect(checkIds(play(kb, ["US", "mobile", "yes", "yes", "yes", "no"]).steps)).toEqual(["service-address", "btn-known", "sms-ready", "voice-and-fax-together"]);
  });

  it("ends with each item ok or at risk with the reason", () => {
    const { steps } = play(kb, ["US", "landline", "yes", "not sure", "yes"]);
    const last = steps[steps.length - 1]!;
    if (last.kind !== "done") throw new Error(`expected the checklist, got ${last.kind}`);
    expect(last.checklist.items.map((i) => [i.id, i.status])).toEqual([
      ["service-address", "ok"],
      ["btn-known", "at-risk"],
      ["voice-and-fax-together", "at-risk"],
    ]);
    expect(last.checklist.items[1]!.reason).toMatch(/^Not checked yet\. Ask your current provider/);
    expect(last.checklist.items[2]!.reason).toBe("Port one, wait until it completes, then submit the other.");
    expect(last.checklist.atRisk).toBe(2);
  });

  it("asks again after a reply that is not a choice, twice, and hands off after a third", () => {
    const twice = play(kb, ["US", "landline", "purple", "green"]);
    expect(twice.steps[3]).toMatchObject({ kind: "check", id: "service-address" });
    expect(twice.steps[4]).toMatchObject({ kind: "check", id: "service-address" });
    const thrice = play(kb, ["US", "landline", "purple", "green", "blue"]);
    expect(thrice.steps[5]!.kind).toBe("handoff");
  });

  it("restores its state from JSON and rejects a corrupted one", () => {
    const { state } = play(kb, ["CA", "fax"]);
    expect(ChecklistState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(ChecklistState.safeParse({ answers: { x: "maybe" } }).success).toBe(false);
  });
});

describe("pre-port checklist on the real knowledge base", () => {
  let kb: DiagnosisKnowledge;
  beforeAll(async () => {
    kb = await knowledgeFrom(knowledgeDir({}));
  });

  it("covers the avoid-this-rejection checks, service address first and many numbers last", () => {
    const ids = kb.checks.map((c) => c.id);
    expect(ids[0]).toBe("service-address-from-csr");
    expect(ids[ids.length - 1]).toBe("many-numbers-batch");
    expect(ids).toEqual(
      expect.arrayContaining([
        "btn-known",
        "account-number-known",
        "wireless-pin-or-imei",
        "other-numbers-or-services",
        "no-pending-orders",
        "number-active",
        "sms-approval-ready",
        "voice-and-fax-together",
      ]),
    );
  });

  it("a careful wireless customer gets an all-ok list; the fax-and-voice customer is warned", () => {
    let state = startChecklist();
    for (const text of ["US", "wireless"]) state = replyToCheck(kb, state, text).state;
    for (let step = nextCheck(kb, state); step.kind === "check"; step = nextCheck(kb, state)) {
      const check = kb.checks.find((c) => c.id === step.id)!;
      const answer = check.id === "voice-and-fax-together" ? (check.ok === "yes" ? "no" : "yes") : check.ok;
      state = replyToCheck(kb, state, answer).state;
    }
    const done = nextCheck(kb, state);
    if (done.kind !== "done") throw new Error(`expected the checklist, got ${done.kind}`);
    expect(done.checklist.items.some((i) => i.id === "sms-approval-ready")).toBe(true);
    expect(done.checklist.items.filter((i) => i.status === "at-risk").map((i) => i.id)).toEqual(["voice-and-fax-together"]);
    expect(done.checklist.items.find((i) => i.id === "voice-and-fax-together")!.reason).toMatch(/wait until it is complete/);
  });
});

describe("check ids", () => {
  it("two entries with the same check id fail the load, naming the file and the id", async () => {
    const dir = await mkdtemp(join(tmpdir(), "checks-kb-"));
    try {
      await cp(FIXTURE_KB, dir, { recursive: true });
      const btn = await readFile(join(dir, "port-rejection", "incorrect-btn.md"), "utf8");
      await writeFile(join(dir, "port-rejection", "incorrect-btn.md"), btn.replace("id: btn-known", "id: service-address"));
      await expect(loadKnowledgeBase(dir)).rejects.toThrow(/mismatch-information\.md: checks: duplicate check id 'service-address' \(also in port-rejection.incorrect-btn\.md\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
