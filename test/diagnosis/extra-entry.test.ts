import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knowledgeDir } from "../../src/paths.js";
import type { DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { DiagnosisState, nextStep } from "../../src/diagnosis/flow.js";
import { TODAY, drive, knowledgeFrom, pathTo } from "./drive.js";

/** A rejection entry added as Markdown joins the diagnosis and the checklist with no code change. */

const EXTRA = `---
id: negative-balance-hold
type: rejection
title: Losing Carrier Balance Hold
source:
  article: Port Rejection
  section: Losing Carrier Balance Hold
  url: https://wiki.voip.ms/article/Port_Rejection#Losing_Carrier_Balance_Hold
  revision: 2022-07-19T16:00:39Z
  first_seen: 2022-07-19T16:00:39Z
  last_changed: 2022-07-19T16:00:39Z
diagnosis:
  cause: The losing carrier put the account on hold over an unpaid balance.
  prior: 0.04
  when:
    directions: [in]
  notice_patterns: [balance hold, account on hold]
  questions:
    - id: balance-hold-unpaid
      text: Has your current provider put the account on hold because of an unpaid bill?
      why: Some carriers hold every order on an account with money owing.
      points_to: "yes"
      weight: 0.9
  fix: Ask your current provider to lift the hold, then tell us so we can resubmit.
  send: [The provider's confirmation that the hold is lifted]
  avoid: Check that the account is not on hold before you submit.
checks:
  - id: account-not-on-hold
    text: Is the account with your current provider free of any hold?
    why: A held account blocks the port.
    ok: "yes"
    risk: Ask the provider to lift the hold first.
    order: 55
---

Some carriers hold an account with money owing.
`;

let dir: string;
let kb: DiagnosisKnowledge;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "diagnosis-kb-"));
  await cp(knowledgeDir({}), dir, { recursive: true });
  await writeFile(join(dir, "port-rejection", "negative-balance-hold.md"), EXTRA);
  kb = await knowledgeFrom(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("an extra rejection entry written as Markdown", () => {
  it("its question is asked and its cause ranked first when the answers point to it", () => {
    const reason = drive(kb, ["port in"]).last;
    expect(reason.kind === "reason" && reason.choices.map((c) => c.value)).toContain("negative-balance-hold");
    const answered = DiagnosisState.parse({ context: { direction: "in", country: "US", kind: "local" }, asked: ["direction", "country", "kind"], reasonAsked: true, answers: { "balance-hold-unpaid": "yes" }, rejectionDate: "unknown" });
    expect(nextStep(kb, answered, TODAY)).toMatchObject({ kind: "outcome", outcome: { causes: [{ id: "negative-balance-hold" }] } });
    const run = pathTo(kb, "negative-balance-hold", { direction: "port in", reason: "Losing Carrier Balance Hold", country: "US", date: "2026-03-02" });
    if (run.last.kind !== "outcome") throw new Error(`expected an outcome, got ${run.last.kind}`);
    expect(run.last.outcome.causes[0]).toMatchObject({ id: "negative-balance-hold", title: "Losing Carrier Balance Hold" });
    expect(run.last.outcome.causes[0]!.fix).toBe("Ask your current provider to lift the hold, then tell us so we can resubmit.");
  });

  it("its notice pattern goes straight to it", () => {
    const run = drive(kb, [], "Rejected: account on hold");
    expect(run.last).toMatchObject({ kind: "confirm", causeId: "negative-balance-hold" });
  });

  it("its check joins the pre-port checklist in the order it asks for", () => {
    const ids = kb.checks.map((c) => c.id);
    expect(ids).toContain("account-not-on-hold");
    const position = ids.indexOf("account-not-on-hold");
    expect(kb.checks[position - 1]!.order).toBeLessThanOrEqual(55);
    expect(kb.checks[position + 1]!.order ?? Infinity).toBeGreaterThanOrEqual(55);
  });
});
