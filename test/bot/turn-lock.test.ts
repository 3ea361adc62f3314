import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalTurnLock, RedisTurnLock, TurnLockTimeout, type TurnLock } from "../../bot/turn-lock.js";
import { startRedis, type RedisProcess } from "./redis-server.js";

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

/** Runs `count` turns of `conversation` at once through the locks in turn; returns the most that overlapped. */
async function overlap(locks: TurnLock[], conversation: string, count: number): Promise<{ most: number; order: number[] }> {
  let running = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      locks[i % locks.length]!.run(conversation, async () => {
        running++;
        most = Math.max(most, running);
        await sleep(5);
        order.push(i);
        running--;
      }),
    ),
  );
  return { most, order };
}

describe("LocalTurnLock", () => {
  it("runs the turns of one conversation one at a time, in arrival order", async () => {
    const { most, order } = await overlap([new LocalTurnLock()], "c", 10);
    expect(most).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets different conversations run side by side, and forgets a conversation once idle", async () => {
    const lock = new LocalTurnLock();
    let running = 0;
    let most = 0;
    await Promise.all(
      ["a", "b", "c"].map((c) =>
        lock.run(c, async () => {
          running++;
          most = Math.max(most, running);
          await sleep(10);
          running--;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(lock.busy).toBe(0);
  });

  it("releases the conversation when a turn fails", async () => {
    const lock = new LocalTurnLock();
    await expect(lock.run("c", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await lock.run("c", async () => "next")).toBe("next");
  });
});

describe("RedisTurnLock", () => {
  it("runs the turns of one conversation one at a time across instances", async () => {
    const locks = [new RedisTurnLock(redis.client(), { prefix: "t1:" }), new RedisTurnLock(redis.client(), { prefix: "t1:" })];
    const { most, order } = await overlap(locks, "webchat/c1", 10);
    expect(most).toBe(1);
    expect(order.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await redis.client().exists("t1:webchat/c1")).toBe(0);
  });

  it("gives up after its wait when another instance holds the conversation", async () => {
    const client = redis.client();
    await client.set("t2:c", "someone-else", "PX", 10_000);
    const lock = new RedisTurnLock(redis.client(), { prefix: "t2:", waitMs: 200 });
    let ran = false;
    await expect(lock.run("c", async () => (ran = true))).rejects.toBeInstanceOf(TurnLockTimeout);
    expect(ran).toBe(false);
    expect(await client.get("t2:c")).toBe("someone-else");
  });

  it("takes over a lock whose lease ran out (an instance died holding it)", async () => {
    await redis.client().set("t3:c", "dead-instance", "PX", 150);
    const lock = new RedisTurnLock(redis.client(), { prefix: "t3:", waitMs: 5000 });
    expect(await lock.run("c", async () => "ran")).toBe("ran");
  });

  it("does not release a lock another instance took after its own lease ran out", async () => {
    const client = redis.client();
    const lock = new RedisTurnLock(redis.client(), { prefix: "t4:", leaseMs: 100 });
    await lock.run("c", async () => {
      await sleep(200);
      await client.set("t4:c", "next-holder", "PX", 10_000);
    });
    expect(await client.get("t4:c")).toBe("next-holder");
  });
});
