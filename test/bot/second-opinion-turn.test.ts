import type { Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSentenceEncoder } from "../../src/answer/sentence-encoder.js";
import { VectorCache } from "../../src/answer/vector-cache.js";
import { knowledgeDir, vectorCacheFile } from "../../src/paths.js";
import { LiveKnowledge } from "../../bot/live-knowledge.js";
import { createLogger } from "../../bot/log.js";
import { testBot } from "./harness.js";

let live: LiveKnowledge;
const status = (replies: Partial<Activity>[]) => (replies[0]!.channelData as { status?: string; answer?: { id: string } }) ?? {};

beforeAll(async () => {
  // The project's own cache: the knowledge's vectors are then embedded once for every test and run.
  const vectors = new VectorCache(await loadSentenceEncoder(), vectorCacheFile({}));
  live = await LiveKnowledge.load(knowledgeDir({}), createLogger(() => undefined), vectors);
  await live.opinionSettled();
}, 120_000);

describe("the bot with the sentence encoder's second opinion", () => {
  const question = "the name on my account is wrong on the port, what now";

  it("answers outright what the engine alone would ask back about, when both agree", async () => {
    const alone = await testBot({ kb: live.latest().kb }).send(question);
    expect(status(alone).status).toBe("clarify");
    const reviewed = await testBot({ kb: live.latest().kb, knowledge: live }).send(question);
    expect(status(reviewed)).toMatchObject({ status: "answered", answer: { id: "rejection-for-mismatch-information" } });
  });

  it("keeps its second opinion across a reload of the knowledge", async () => {
    await expect(live.reload()).resolves.toMatchObject({ status: "reloaded" });
    await live.opinionSettled();
    expect(live.opinionStatus()).toBe("attached");
    expect(live.latest().opinion).toBeDefined();
    const replies = await testBot({ kb: live.latest().kb, knowledge: live }).send(question);
    expect(status(replies).status).toBe("answered");
  });

  it("answers an agreement below the usual bar when the engine leans to the same entry", async () => {
    const leaning = "where do i find the imei on my iphone";
    expect(status(await testBot({ kb: live.latest().kb }).send(leaning)).status).toBe("clarify");
    expect(status(await testBot({ kb: live.latest().kb, knowledge: live }).send(leaning))).toMatchObject({ status: "answered", answer: { id: "what-is-the-imei" } });
  });

  it("refuses a question about a topic outside porting, with the hand-off, instead of offering porting entries", async () => {
    const replies = await testBot({ kb: live.latest().kb, knowledge: live }).send("how do i transfer my domain name to another registrar");
    expect(status(replies).status).toBe("fallback");
    expect(replies.map((r) => r.text ?? "").join(" ")).not.toMatch(/Which one did you mean/);
  });
});
