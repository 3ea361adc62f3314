import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { LiveKnowledge } from "../../bot/live-knowledge.js";
import { createLogger } from "../../bot/log.js";
import { loadSentenceEncoder, type SentenceEncoder } from "../../src/answer/sentence-encoder.js";
import { VectorCache } from "../../src/answer/vector-cache.js";
import { knowledgeDir, vectorCacheFile } from "../../src/paths.js";
import { say, startInstance, textOf, type Instance } from "./instances.js";

/** The engine alone asks "which of these?"; with the second opinion it is answered outright (see second-opinion-turn). */
const QUESTION = "the name on my account is wrong on the port, what now";
const ANSWERED = "Rejection for Mismatch Information";
const ASKED_BACK = "Which one did you mean?";
const ENTRY = "port-rejection/rejection-for-mismatch-information.md";

let encoder: SentenceEncoder;
let bot: Instance | undefined;
beforeAll(async () => {
  encoder = await loadSentenceEncoder();
}, 120_000);
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const ask = async () => textOf(await say(bot!.url, `c-${Math.random()}`, QUESTION));
const readiness = async () => (await (await fetch(`${bot!.url}/readyz`)).json()) as { status: string; opinion: string };
const attachedGauge = async () => /^porting_bot_second_opinion_attached (\d)/m.exec(await (await fetch(`${bot!.url}/metrics`)).text())?.[1];

/** The real encoder, whose embedding waits while it is paused. */
function pausable(real: SentenceEncoder) {
  let gate = Promise.resolve();
  let resume = () => {};
  return {
    encoder: {
      model: real.model,
      embed: (sentences, options) => gate.then(() => real.embed(sentences, options)),
      warmUp: () => gate.then(() => real.warmUp()),
    } satisfies SentenceEncoder,
    pause() {
      gate = new Promise((resolve) => (resume = resolve));
    },
    resume: () => resume(),
  };
}

describe("the second opinion prepared while the bot serves", { timeout: 60_000 }, () => {
  it("answers with the engine alone before the sentence vectors are ready, and with the opinion once attached", async () => {
    let ready!: (vectors: VectorCache) => void;
    const vectors = new Promise<VectorCache>((resolve) => (ready = resolve));
    const live = await LiveKnowledge.load(knowledgeDir({}), createLogger(() => undefined), vectors);
    bot = await startInstance({ live });

    expect(await readiness()).toMatchObject({ status: "ready", opinion: "pending" });
    expect(await attachedGauge()).toBe("0");
    const alone = await ask();
    expect(alone).toContain(ASKED_BACK);

    ready(new VectorCache(encoder, vectorCacheFile({})));
    await live.opinionSettled();
    expect(await readiness()).toMatchObject({ status: "ready", opinion: "attached" });
    expect(await attachedGauge()).toBe("1");
    const reviewed = await ask();
    expect(reviewed).not.toContain(ASKED_BACK);
    expect(reviewed).toContain(ANSWERED);
  });

  it("serves reloaded knowledge at once and never reviews it with the opinion of the version it replaced", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "porting-bot-kb-")), "knowledge");
    cpSync(knowledgeDir({}), dir, { recursive: true });
    const model = pausable(encoder);
    const live = await LiveKnowledge.load(dir, createLogger(() => undefined), new VectorCache(model.encoder, vectorCacheFile({})));
    bot = await startInstance({ live });
    await live.opinionSettled();
    expect(live.opinionStatus()).toBe("attached");
    expect(await ask()).toContain(ANSWERED);

    // A new title is a phrasing without a vector: the reloaded knowledge's opinion waits for the paused encoder.
    const file = join(dir, ENTRY);
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Rejection for Mismatch Information", "title: Mismatched Information Rejection"));
    model.pause();
    await expect(live.reload()).resolves.toMatchObject({ status: "reloaded" });
    expect(live.latest().kb.byId.get("rejection-for-mismatch-information")?.title).toContain("Mismatched Information Rejection");
    expect(live.latest().opinion).toBeUndefined();
    expect(await readiness()).toMatchObject({ status: "ready", opinion: "pending" });
    const served = await ask();
    expect(served).toContain(ASKED_BACK);
    expect(served).toContain("Mismatched Information Rejection");

    model.resume();
    await live.opinionSettled();
    expect(await readiness()).toMatchObject({ opinion: "attached" });
    expect(await ask()).not.toContain(ASKED_BACK);
  });
});
