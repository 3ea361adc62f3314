import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveKnowledge } from "../../bot/live-knowledge.js";
import { SharedLastMessages } from "../../bot/last-messages.js";
import { createLogger } from "../../bot/log.js";
import { SharedRecentActivities } from "../../bot/recent-activities.js";
import { knowledgeDir } from "../../src/paths.js";
import { say, startInstance, textOf, type Instance } from "./instances.js";
import { startRedis, type RedisProcess } from "./redis-server.js";

const ADMIN_API_KEY = "test-admin-key-0123456789";
const QUESTION = "How long does it take to port a number?";
const ENTRY = "porting-faq/how-long-does-the-port-process-take.md";

let redis: RedisProcess;
let dirs: string[];
let a: Instance;
let b: Instance;
beforeAll(async () => {
  redis = await startRedis();
  dirs = [0, 1].map(() => {
    const dir = join(mkdtempSync(join(tmpdir(), "porting-bot-kb-")), "knowledge");
    cpSync(knowledgeDir({}), dir, { recursive: true });
    return dir;
  });
  const start = async (dir: string) => startInstance({ live: await LiveKnowledge.load(dir, createLogger(() => undefined)), env: { REDIS_URL: redis.url, ADMIN_API_KEY } });
  [a, b] = await Promise.all([start(dirs[0]!), start(dirs[1]!)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

/** One message with an activity id, as a channel sends it and resends it after a timeout; stamped by the client when `localTimestamp` is given. */
async function post(url: string, conversation: string, id: string, text: string, localTimestamp?: string): Promise<unknown[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id,
      channelId: "test",
      serviceUrl: "http://127.0.0.1:9/unused",
      conversation: { id: conversation },
      from: { id: "user-1" },
      recipient: { id: "bot-1" },
      deliveryMode: "expectReplies",
      text,
      ...(localTimestamp ? { localTimestamp } : {}),
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: unknown[] }).activities;
}

async function within(ms: number, condition: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

describe("two instances sharing one Redis", { timeout: 60_000 }, () => {
  it("apply an activity resent to the other instance only once", async () => {
    const conversation = `retry-${Math.random()}`;
    expect(textOf(await say(a.url, conversation, "how much to port 3 numbers"))).toContain("Which kind of number");
    expect((await post(a.url, conversation, "activity-7", "1")).length).toBeGreaterThan(0);
    expect(await post(b.url, conversation, "activity-7", "1")).toEqual([]);
    expect(await post(a.url, conversation, "activity-7", "1")).toEqual([]);
    // The same id in another conversation is another activity.
    expect((await post(b.url, `other-${Math.random()}`, "activity-7", "hello")).length).toBeGreaterThan(0);
    const keys = await redis.client().keys("porting-bot:activity:*");
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const ttl = await redis.client().pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  it("run a message sent twice (two activities stamped 300 ms apart) once, when each copy reaches another instance", async () => {
    const conversation = `double-${Math.random()}`;
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 15, 0, 0) + ms).toISOString();
    expect(textOf(await say(a.url, conversation, "how much to port 3 numbers"))).toContain("Which kind of number");
    expect((await post(a.url, conversation, "send-1", "toll free", at(0))).length).toBeGreaterThan(0);
    expect(await post(b.url, conversation, "send-2", "toll free", at(300))).toEqual([]);
    // The same words a few seconds later are a new message.
    expect((await post(b.url, conversation, "send-3", "toll free", at(5000))).length).toBeGreaterThan(0);
    const keys = await redis.client().keys("porting-bot:last-message:*");
    expect(keys).toHaveLength(1);
    // Hashed: neither the conversation nor the text is kept in clear.
    expect(keys[0]).not.toContain(conversation);
    expect(await redis.client().get(keys[0]!)).not.toContain("toll free");
    expect(await redis.client().pttl(keys[0]!)).toBeGreaterThan(0);
  });

  it("reload every instance's folder when one is asked to reload", async () => {
    const sentence = `Reloaded everywhere at ${Date.now()}.`;
    for (const dir of dirs) {
      const file = join(dir, ENTRY);
      writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\n\n${sentence}\n`);
    }
    expect(textOf(await say(b.url, `c-${Math.random()}`, QUESTION))).not.toContain(sentence);
    const res = await fetch(`${a.url}/admin/reload`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_API_KEY}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "reloaded", otherInstances: 1 });
    expect(textOf(await say(a.url, `c-${Math.random()}`, QUESTION))).toContain(sentence);
    expect(await within(5000, async () => textOf(await say(b.url, `c-${Math.random()}`, QUESTION)).includes(sentence))).toBe(true);
    expect(b.logs.join("\n")).toContain("knowledge reload announced by another instance");
    expect(a.logs.join("\n")).not.toContain("announced by another instance");
  });

  it("ignore a malformed announcement on the reload channel", async () => {
    const before = b.logs.length;
    await redis.client().publish("porting-bot:reload", "not json");
    expect(await within(2000, async () => b.logs.slice(before).some((l) => l.includes("malformed reload announcement")))).toBe(true);
    expect(b.logs.slice(before).join("\n")).not.toContain("knowledge reloaded");
  });
});

/** A client of a Redis that was started and stopped: every command fails at once, nothing is queued. */
async function unreachableRedis(): Promise<Redis> {
  const down = await startRedis();
  await down.stop();
  const client = new Redis(down.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
  client.on("error", () => {});
  return client;
}

describe("shared last messages while Redis cannot be reached", () => {
  it("fall back to this process's memory, and say so once", async () => {
    const client = await unreachableRedis();
    const problems: string[] = [];
    const last = new SharedLastMessages(client, (message) => problems.push(message));
    try {
      expect(await last.repeats("c1", "toll free", 0)).toBe(false);
      expect(await last.repeats("c1", "toll free", 300)).toBe(true);
      expect(await last.repeats("c1", "toll free", 2000)).toBe(false);
      expect(await last.repeats("c2", "toll free", 2100)).toBe(false);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^double sends spotted in this process only/);
    } finally {
      client.disconnect();
    }
  });
});

describe("shared activity ids while Redis cannot be reached", () => {
  it("fall back to this process's memory, and say so once", async () => {
    const client = await unreachableRedis();
    const problems: string[] = [];
    const recent = new SharedRecentActivities(client, (message) => problems.push(message));
    try {
      expect(await recent.isDuplicate("c1", "a1")).toBe(false);
      expect(await recent.isDuplicate("c1", "a1")).toBe(true);
      expect(await recent.isDuplicate("c2", "a1")).toBe(false);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^activity ids checked in this process only/);
    } finally {
      client.disconnect();
    }
  });
});
