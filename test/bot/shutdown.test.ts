import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, startChildBot, textOf } from "./instances.js";
import { startRedis, type RedisProcess } from "./redis-server.js";

let redis: RedisProcess;

/** How many SET commands Redis has served: a turn waiting for the lock keeps trying SET NX. */
async function setCalls(client: ReturnType<RedisProcess["client"]>): Promise<number> {
  const stats = String(await client.info("commandstats"));
  return Number(/cmdstat_set:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await sleep(50);
  }
}
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

describe("SIGTERM", () => {
  it("stops accepting connections, finishes the turn in progress, closes Redis and exits 0", async () => {
    const bot = await startChildBot({ REDIS_URL: redis.url });
    const client = redis.client();
    // Another instance holds the conversation, so the turn sent now waits: it is in progress when SIGTERM comes.
    await client.set("porting-bot:lock:test/held", "other-instance", "PX", 30_000);
    const setsBefore = await setCalls(client);
    const turn = say(bot.url, "held", "How long does it take to port a number?");
    await until(async () => (await setCalls(client)) > setsBefore + 1);
    bot.child.kill("SIGTERM");
    await until(() => fetch(`${bot.url}/healthz`).then(() => false, () => true));
    await client.del("porting-bot:lock:test/held");
    const answered = await turn;
    expect(answered.status).toBe(200);
    expect(textOf(answered)).toContain("How long does the port process take?");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("SIGTERM: finishing running turns, then stopping");
    expect(bot.output()).toContain('"msg":"stopped"');
    const clients = String(await client.client("LIST"));
    expect(clients.trim().split("\n")).toHaveLength(1);
  }, 120_000);
});
