import type { Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

/** A plain-text conversation with the real engine and knowledge on Thursday 2026-03-05 (the harness's clock). */
const chat = () => testBot({ kb, channelId: "test" });
const estimateOf = (replies: Partial<Activity>[]) => replies.map((r) => (r.channelData as Record<string, any> | undefined)?.estimate).find(Boolean);

describe("fee and time requests in other words", () => {
  it("starts the estimate from 'what's the damage' and 'ETA' with every fact the request states", async () => {
    const replies = await chat().send("whats the damage for moving a couple of cellphones over from Phoenix? we'd send everything next tuesday, ETA?");
    expect(estimateOf(replies)?.input).toMatchObject({ numbers: { wireless: 2 }, country: "US", submitted: "2026-03-10" });
    expect(estimateOf(replies)?.completion).toBe("2026-03-17");
  });

  it("prices an expected rejection said as 'kicked back' and a count of several words, with the advice for many numbers", async () => {
    const replies = await chat().send("how much if it gets kicked back twice? two dozen DIDs in Richmond, Virginia");
    expect(estimateOf(replies)?.input).toMatchObject({ numbers: { local: 24 }, country: "US", rejections: 2 });
    expect(estimateOf(replies)?.total).toBe(17.5);
    expect(textOf(replies)).toContain("Porting many numbers?");
  });

  it("asks once which kind the numbers counted without one are, then prices them with the others", async () => {
    const c = chat();
    const asked = textOf(await c.send("we're a dental office in Quebec with 2 phone lines and 1 fax, what would it cost?"));
    expect(asked).toContain("Which kind are the 2 other numbers?");
    expect(asked).not.toContain("That's all");
    const estimate = estimateOf(await c.send("Local"));
    expect(estimate?.input).toMatchObject({ numbers: { local: 2, fax: 1 }, country: "CA" });
    expect(estimate?.total).toBe(15);
  });

  it("reads a province named in French in the reply to 'Where are the numbers from?'", async () => {
    const c = chat();
    expect(textOf(await c.send("how much for a hundred and fifty DIDs, we need it expedited"))).toContain("Where are the numbers from?");
    expect(estimateOf(await c.send("Colombie-Britannique"))?.input).toMatchObject({ numbers: { local: 150 }, country: "CA", expedite: true });
  });

  it("leaves a port out's fees to the answer engine", async () => {
    const replies = await chat().send("old carrier charges a port out fee and 30 day notice, how much is that?");
    expect(estimateOf(replies)).toBeUndefined();
    expect(textOf(replies)).not.toContain("Where are the numbers from?");
  });
});
