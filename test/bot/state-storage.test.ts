import type { Storage } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtagConflictError, TurnGuardedStorage, type EtagStorage } from "../../bot/etag-storage.js";
import { BoundedMemoryStorage } from "../../bot/memory-storage.js";
import { RedisStorage } from "../../bot/redis-storage.js";
import { inTurn } from "../../bot/turn-scope.js";
import { startRedis, type RedisProcess } from "./redis-server.js";

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

interface Subject {
  storage: EtagStorage;
  conflicts: string[];
}

let prefixes = 0;
const kinds: Array<[string, () => Subject]> = [
  [
    "RedisStorage",
    () => {
      const conflicts: string[] = [];
      const storage = new RedisStorage(redis.client(), { ttlSeconds: 3600, prefix: `test-${++prefixes}:`, onConflict: (k) => conflicts.push(k) });
      return { storage, conflicts };
    },
  ],
  [
    "BoundedMemoryStorage",
    () => {
      const conflicts: string[] = [];
      return { storage: new BoundedMemoryStorage({ ttlMs: 3_600_000, maxItems: 100, onConflict: (k) => conflicts.push(k) }), conflicts };
    },
  ],
];

describe.each(kinds)("%s", (_name, make) => {
  it("reads back what was written, with a new eTag at each write, and nothing for unknown keys", async () => {
    const { storage } = make();
    await storage.write({ "webchat/conversations/a": { step: 1, eTag: "*" } });
    const first = await storage.read(["webchat/conversations/a", "webchat/conversations/none"]);
    expect(Object.keys(first)).toEqual(["webchat/conversations/a"]);
    expect(first["webchat/conversations/a"]).toMatchObject({ step: 1 });
    const etag = first["webchat/conversations/a"]!.eTag;
    expect(etag).toEqual(expect.any(String));
    await storage.write({ "webchat/conversations/a": { step: 2, eTag: etag } });
    const second = await storage.read(["webchat/conversations/a"]);
    expect(second["webchat/conversations/a"]).toMatchObject({ step: 2 });
    expect(second["webchat/conversations/a"]!.eTag).not.toBe(etag);
  });

  it("refuses a write made with a stale eTag, keeps the other writer's item, and reports the conflict", async () => {
    const { storage, conflicts } = make();
    await storage.write({ k: { owner: "first" } });
    const { k: read } = await storage.read(["k"]);
    await storage.write({ k: { owner: "second", eTag: read!.eTag } });
    await expect(storage.write({ k: { owner: "stale", eTag: read!.eTag } })).rejects.toBeInstanceOf(EtagConflictError);
    expect((await storage.read(["k"])).k).toMatchObject({ owner: "second" });
    expect(conflicts).toEqual(["k"]);
  });

  it("writes unconditionally with '*' or no eTag", async () => {
    const { storage, conflicts } = make();
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: "*" } });
    await storage.write({ k: { n: 3 } });
    expect((await storage.read(["k"])).k).toMatchObject({ n: 3 });
    expect(conflicts).toEqual([]);
  });

  it("writes nothing of a change whose items conflict", async () => {
    const { storage } = make();
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    await expect(storage.write({ a: { n: 2 }, b: { n: 2, eTag: "not-the-stored-one" } })).rejects.toThrow(/changed by another writer/);
    const items = await storage.read(["a", "b"]);
    expect(items.a).toMatchObject({ n: 1 });
    expect(items.b).toMatchObject({ n: 1 });
  });

  it("deletes", async () => {
    const { storage } = make();
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    await storage.delete(["a"]);
    expect(Object.keys(await storage.read(["a", "b"]))).toEqual(["b"]);
  });

  it("turns botbuilder's '*' writes into compare-and-set against what the turn read", async () => {
    const { storage } = make();
    const guarded: Storage = new TurnGuardedStorage(storage);
    await storage.write({ k: { step: 1 } });
    const turn = inTurn({ etags: new Map() }, async () => {
      const { k } = await guarded.read(["k"]);
      // Another instance saves the same conversation meanwhile.
      await storage.write({ k: { step: 5 } });
      await guarded.write({ k: { ...k, step: 2, eTag: "*" } });
    });
    await expect(turn).rejects.toBeInstanceOf(EtagConflictError);
    expect((await storage.read(["k"])).k).toMatchObject({ step: 5 });
  });

  it("lets one turn save twice (its own writes do not conflict with each other)", async () => {
    const { storage } = make();
    const guarded: Storage = new TurnGuardedStorage(storage);
    await storage.write({ k: { step: 1 } });
    await inTurn({ etags: new Map() }, async () => {
      await guarded.read(["k"]);
      await guarded.write({ k: { step: 2, eTag: "*" } });
      await guarded.write({ k: { step: 3, eTag: "*" } });
    });
    expect((await storage.read(["k"])).k).toMatchObject({ step: 3 });
  });
});

describe("state time-to-live", () => {
  it("Redis: every write sets the item's expiry to the time-to-live", async () => {
    const client = redis.client();
    const storage = new RedisStorage(client, { ttlSeconds: 7200, prefix: "ttl:" });
    await storage.write({ "webchat/conversations/c": { n: 1 } });
    await client.expire("ttl:webchat/conversations/c", 10);
    await storage.write({ "webchat/conversations/c": { n: 2 } });
    const ttl = await client.ttl("ttl:webchat/conversations/c");
    expect(ttl).toBeGreaterThan(7100);
    expect(ttl).toBeLessThanOrEqual(7200);
  });

  it("Redis: an item is gone once its time-to-live has passed", async () => {
    const storage = new RedisStorage(redis.client(), { ttlSeconds: 1, prefix: "expiry:" });
    await storage.write({ k: { n: 1 } });
    expect(Object.keys(await storage.read(["k"]))).toEqual(["k"]);
    const deadline = Date.now() + 5000;
    let left = 1;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      left = Object.keys(await storage.read(["k"])).length;
    }
    expect(left).toBe(0);
  });

  it("Redis: refuses a time-to-live that is not whole seconds", () => {
    expect(() => new RedisStorage(redis.client(), { ttlSeconds: 0.5 })).toThrow(RangeError);
  });

  it("memory: an item is gone once its time-to-live has passed since its last write", async () => {
    let now = 1_000_000;
    const storage = new BoundedMemoryStorage({ ttlMs: 60_000, maxItems: 10, now: () => now });
    await storage.write({ a: { n: 1 } });
    now += 50_000;
    await storage.write({ b: { n: 1 } });
    now += 20_000;
    expect(Object.keys(await storage.read(["a", "b"]))).toEqual(["b"]);
  });

  it("memory: keeps at most its cap of items, dropping the least recently used", async () => {
    const storage = new BoundedMemoryStorage({ ttlMs: 60_000, maxItems: 3 });
    for (const key of ["a", "b", "c"]) await storage.write({ [key]: { key } });
    await storage.read(["a"]);
    await storage.write({ d: { key: "d" } });
    expect(storage.size).toBe(3);
    expect(Object.keys(await storage.read(["a", "b", "c", "d"])).sort()).toEqual(["a", "c", "d"]);
  });
});
