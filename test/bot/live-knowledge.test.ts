import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LiveKnowledge } from "../../bot/live-knowledge.js";
import { createLogger } from "../../bot/log.js";
import { knowledgeDir } from "../../src/paths.js";
import { say, startInstance, textOf, type Instance } from "./instances.js";

const QUESTION = "How long does it take to port a number?";
const ENTRY = "porting-faq/how-long-does-the-port-process-take.md";
const ADMIN_API_KEY = "test-admin-key-0123456789";

let dir: string;
let logs: string[];
let live: LiveKnowledge;
let bot: Instance;
let stopWatching: (() => void) | undefined;

beforeEach(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "porting-bot-kb-")), "knowledge");
  cpSync(knowledgeDir({}), dir, { recursive: true });
  logs = [];
  live = await LiveKnowledge.load(dir, createLogger((line) => logs.push(line)));
  bot = await startInstance({ live, env: { ADMIN_API_KEY } });
});
afterEach(async () => {
  stopWatching?.();
  stopWatching = undefined;
  await bot.stop();
});

const entryFile = () => join(dir, ENTRY);
function appendToBody(sentence: string): void {
  writeFileSync(entryFile(), `${readFileSync(entryFile(), "utf8").trimEnd()}\n\n${sentence}\n`);
}
function breakEntry(): void {
  writeFileSync(entryFile(), readFileSync(entryFile(), "utf8").replace("type: faq", "type: rumour"));
}
const answer = async () => textOf(await say(bot.url, `c-${Math.random()}`, QUESTION));

async function within(ms: number, condition: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

const metric = async (name: string) => {
  const text = await (await fetch(`${bot.url}/metrics`)).text();
  return text.split("\n").filter((line) => line.startsWith(name)).join("\n");
};

describe("live knowledge, watched", { timeout: 60_000 }, () => {
  beforeEach(() => {
    stopWatching = live.watch(200);
  });

  it("an edited entry changes the answer within 5 seconds, without a restart", async () => {
    expect(await answer()).toContain("How long does the port process take?");
    appendToBody("Seen after an edit while running.");
    const swapped = async () => live.latest().kb.byId.get("how-long-does-the-port-process-take")!.body.includes("Seen after an edit while running.");
    expect(await within(5000, swapped)).toBe(true);
    expect(await answer()).toContain("Seen after an edit while running.");
    expect(logs.join("\n")).toContain("knowledge reloaded");
    expect(await metric('porting_bot_knowledge_reloads_total{result="reloaded"}')).toMatch(/ 1$/);
  });

  it("an invalid edit changes nothing, and the loader's messages are logged", async () => {
    const before = await answer();
    breakEntry();
    expect(await within(5000, async () => logs.some((l) => l.includes("knowledge not reloaded")))).toBe(true);
    expect(logs.join("\n")).toContain(`${ENTRY}: type:`);
    expect(await answer()).toBe(before);
    expect(await metric('porting_bot_knowledge_reloads_total{result="invalid"}')).toMatch(/ 1$/);
  });
});

describe("POST /admin/reload", { timeout: 60_000 }, () => {
  const reload = (authorization?: string) =>
    fetch(`${bot.url}/admin/reload`, { method: "POST", headers: authorization ? { authorization } : {} });

  it("refuses a caller without the key", async () => {
    appendToBody("Only after an authorised reload.");
    for (const authorization of [undefined, "Bearer wrong-key-wrong-key-123", ADMIN_API_KEY, `Basic ${ADMIN_API_KEY}`]) {
      const res = await reload(authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
    }
    expect(await answer()).not.toContain("Only after an authorised reload.");
  });

  it("reloads the folder now for a caller with the key", async () => {
    appendToBody("Only after an authorised reload.");
    const res = await reload(`Bearer ${ADMIN_API_KEY}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "reloaded", entries: live.latest().kb.entries.length, otherInstances: 0 });
    expect(await answer()).toContain("Only after an authorised reload.");
  });

  it("answers 422 with the loader's messages for an invalid folder, and keeps serving the previous knowledge", async () => {
    const before = await answer();
    breakEntry();
    const res = await reload(`Bearer ${ADMIN_API_KEY}`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { status: string; problems: string[] };
    expect(body.status).toBe("invalid");
    expect(body.problems).toContainEqual(expect.stringContaining(`${ENTRY}: type:`));
    expect(await answer()).toBe(before);
  });

  it("does not exist without ADMIN_API_KEY", async () => {
    const other = await startInstance({ live });
    try {
      const res = await fetch(`${other.url}/admin/reload`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_API_KEY}` } });
      expect(res.status).toBe(404);
    } finally {
      await other.stop();
    }
  });
});
