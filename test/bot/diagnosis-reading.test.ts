import type { Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

/** A plain-text conversation with the real engine and knowledge. */
const chat = () => testBot({ kb, channelId: "test" });
const data = (replies: Partial<Activity>[]) => replies.map((r) => r.channelData as Record<string, any>);
const diagnosisOf = (replies: Partial<Activity>[]) => data(replies).find((d) => d?.diagnosis)?.diagnosis;

describe("what the diagnosis takes as a rejection", () => {
  it("answers 'what is a hunt group' asked mid-diagnosis with the answer engine, then resumes the same step", async () => {
    const c = chat();
    const before = textOf(await c.send("my port was rejected"));
    expect(before).toContain("porting the number in");
    const replies = await c.send("what is a hunt group");
    expect(data(replies)[0]).toMatchObject({ status: "answered", answer: { id: "hunt-members-stranded-services" } });
    const text = textOf(replies);
    expect(text).not.toMatch(/points to/);
    expect(text).toContain("Back to your diagnosis:");
    expect(text).toContain("porting the number in");
  });

  it("names no cause for a notice confirming a detail, and still diagnoses the same detail refused", async () => {
    const confirmed = await chat().send("LSR update: BTN confirmed, FOC set for the 9th, nothing further needed");
    expect(textOf(confirmed)).not.toMatch(/points to/);
    expect(diagnosisOf(confirmed)?.causes ?? []).toEqual([]);
    const refused = await chat().send("LSR reject: BTN does not match the CSR");
    expect(diagnosisOf(refused)?.causes?.[0]).toMatchObject({ id: "incorrect-billing-telephone-number-btn" });
  });

  it("does not start a diagnosis for a number not working after the port, nor take it as a rejection mid-flow", async () => {
    const c = chat();
    const first = await c.send("my number still isn't working with you after the port");
    expect(data(first)[0]!.understood.intent).toBe("question");
    expect(textOf(first)).not.toMatch(/why your port was rejected|points to/);
    await c.send("my port was rejected");
    const mid = textOf(await c.send("my number still isn't working with you after the port"));
    expect(mid).not.toMatch(/points to/);
    expect(mid).toContain("porting the number in");
  });

  it("reads 'bring my number over' as a port-in: a refused PIN is the losing account's, not the port-out one", async () => {
    const replies = await chat().send("Sprint rejected my port, the PIN was wrong when you tried to bring my number over");
    expect(data(replies)[0]!.understood).toMatchObject({ intent: "diagnosis", facts: { direction: "in" } });
    expect(textOf(replies)).toContain('points to "Account Number, Reseller Mismatch"');
    expect(diagnosisOf(replies).causes[0]).toEqual({ id: "account-number-reseller-mismatch" });
  });

  it.each(["we thought the port was done and now it got rejected", "Sprint rejected my port and they turned it down again yesterday"])(
    "starts the diagnosis for a rejection story with dates in it, not an estimate: %s",
    async (text) => {
      const replies = await chat().send(text);
      expect(data(replies)[0]!.understood.intent).toBe("diagnosis");
      expect(textOf(replies)).toMatch(/why your port was rejected/);
      expect(data(replies).some((d) => d?.estimate)).toBe(false);
    },
  );

  it("carries the ranked causes in channelData and offers the next one when the first is refused", async () => {
    const c = chat();
    const opened = await c.send("Jeopardy - end user withdrew auth");
    const ranked = diagnosisOf(opened);
    expect(ranked.asking).toBe("more-recent-authorization");
    expect(ranked.causes.length).toBeGreaterThan(1);
    expect(ranked.causes[0]).toEqual({ id: "more-recent-authorization" });
    const refused = await c.send("no");
    const next = ranked.causes[1].id as string;
    expect(diagnosisOf(refused).asking).toBe(next);
    expect(textOf(refused)).toContain(`Could it be "${kb.byId.get(next)!.title}" instead?`);
  });
});
