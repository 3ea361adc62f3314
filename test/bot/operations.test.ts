import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { hasBearer } from "../../bot/operations.js";
import { realKnowledge } from "./harness.js";
import { say, startInstance, type Instance } from "./instances.js";
import { startRedis } from "./redis-server.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

const metricsOf = async (bot: Instance) => (await fetch(`${bot.url}/metrics`)).text();
function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("readiness", { timeout: 60_000 }, () => {
  it("is ready with the knowledge loaded and state in memory", async () => {
    const bot = await startInstance({ kb });
    try {
      const res = await fetch(`${bot.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ready", state: "memory", entries: kb.entries.length, opinion: "off" });
    } finally {
      await bot.stop();
    }
  });

  it("is unavailable while Redis cannot be reached, and still alive", async () => {
    const redis = await startRedis();
    const bot = await startInstance({ kb, env: { REDIS_URL: redis.url } });
    try {
      const ready = async () => {
        for (let i = 0; i < 50; i++) {
          const res = await fetch(`${bot.url}/readyz`);
          if (res.status === 200) return res;
          await new Promise((r) => setTimeout(r, 100));
        }
        return fetch(`${bot.url}/readyz`);
      };
      expect(await (await ready()).json()).toEqual({ status: "ready", state: "redis", entries: kb.entries.length, opinion: "off" });
      await redis.stop();
      const res = await fetch(`${bot.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; problems: string[] };
      expect(body.status).toBe("unavailable");
      expect(body.problems).toEqual([expect.stringMatching(/^redis/)]);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});

describe("metrics", { timeout: 60_000 }, () => {
  let bot: Instance;
  beforeAll(async () => {
    bot = await startInstance({ kb });
  });
  afterAll(() => bot.stop());

  it("counts turns by channel and outcome, their time, and feedback records, in Prometheus text", async () => {
    await say(bot.url, "m1", "How long does it take to port a number?", "webchat");
    await say(bot.url, "m2", "What is the weather on Mars?", "webchat");
    await say(bot.url, "m3", "my port was rejected", "slack");
    await say(bot.url, "m3", "1", "slack");
    await say(bot.url, "m4", "help", "some-new-channel");
    const res = await fetch(`${bot.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(value(text, 'porting_bot_turns_total{channel="webchat",outcome="answered"}')).toBe(1);
    expect(value(text, 'porting_bot_turns_total{channel="webchat",outcome="fallback"}')).toBe(1);
    expect(value(text, 'porting_bot_turns_total{channel="slack",outcome="flow"}')).toBe(2);
    expect(value(text, 'porting_bot_turns_total{channel="other",outcome="other"}')).toBe(1);
    expect(value(text, 'porting_bot_turn_duration_seconds_count{channel="webchat"}')).toBe(2);
    expect(value(text, 'porting_bot_feedback_records_total{status="fallback"}')).toBe(1);
    expect(value(text, "porting_bot_storage_conflicts_total")).toBe(0);
    expect(value(text, "porting_bot_knowledge_entries")).toBe(kb.entries.length);
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("counts a question asked back when the engine is unsure", async () => {
    await say(bot.url, "m5", "port", "webchat");
    const text = await metricsOf(bot);
    expect(value(text, 'porting_bot_turns_total{channel="webchat",outcome="asked_back"}')).toBe(1);
  });
});

describe("the admin key check", { timeout: 60_000 }, () => {
  it("accepts only 'Bearer <key>'", () => {
    const key = "0123456789abcdef-key";
    expect(hasBearer(`Bearer ${key}`, key)).toBe(true);
    expect(hasBearer(`bearer ${key}`, key)).toBe(true);
    expect(hasBearer(`Bearer ${key}x`, key)).toBe(false);
    expect(hasBearer(key, key)).toBe(false);
    expect(hasBearer(undefined, key)).toBe(false);
    expect(hasBearer("Bearer ", key)).toBe(false);
  });
});
