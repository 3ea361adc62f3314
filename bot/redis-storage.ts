import { randomUUID } from "node:crypto";
import type { StoreItems } from "botbuilder";
import type { Redis } from "ioredis";
import { EtagConflictError, isUnconditional, type EtagStorage } from "./etag-storage.js";

/**
 * Checks every eTag, then writes every item, in one atomic step: either all of a write lands or none does.
 * KEYS: the items' keys. ARGV: the time-to-live in seconds, then per key the expected eTag ("" for none), the
 * document and its new eTag. Returns 0, or the 1-based index of the first key whose stored eTag differs.
 */
const COMPARE_AND_SET = `
local ttl = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local expected = ARGV[(i - 1) * 3 + 2]
  if expected ~= '' then
    local current = redis.call('HGET', key, 'etag')
    if current and current ~= expected then return i end
  end
end
for i, key in ipairs(KEYS) do
  local at = (i - 1) * 3 + 2
  redis.call('HSET', key, 'doc', ARGV[at + 1], 'etag', ARGV[at + 2])
  redis.call('EXPIRE', key, ttl)
end
return 0
`;

interface WithCompareAndSet {
  portingBotCompareAndSet(numberOfKeys: number, ...args: string[]): Promise<number>;
}

export interface RedisStorageOptions {
  /** Seconds an item is kept after its last write. */
  ttlSeconds: number;
  /** Prepended to every key, so several bots (or tests) can share one Redis. */
  prefix?: string;
  onConflict?: (key: string) => void;
}

/**
 * botbuilder state in Redis, shared by every instance of the bot: one hash per item (`doc`: the JSON document,
 * `etag`), written by a Lua compare-and-set so two writers conflict instead of overwriting each other, and expiring
 * `ttlSeconds` after its last write.
 */
export class RedisStorage implements EtagStorage {
  private readonly prefix: string;
  private readonly ttlSeconds: number;
  private readonly onConflict: (key: string) => void;

  constructor(
    private readonly redis: Redis,
    { ttlSeconds, prefix = "porting-bot:state:", onConflict = () => {} }: RedisStorageOptions,
  ) {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new RangeError("ttlSeconds must be a whole number of seconds, at least 1");
    this.prefix = prefix;
    this.ttlSeconds = ttlSeconds;
    this.onConflict = onConflict;
    if (!("portingBotCompareAndSet" in redis)) redis.defineCommand("portingBotCompareAndSet", { lua: COMPARE_AND_SET });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, "doc", "etag");
    const results = (await pipeline.exec()) ?? [];
    const found: StoreItems = {};
    results.forEach(([error, value], i) => {
      if (error) throw error;
      const [doc, etag] = value as [string | null, string | null];
      if (doc !== null && etag !== null) found[keys[i]!] = { ...JSON.parse(doc), eTag: etag };
    });
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.writeItems(changes);
  }

  async writeItems(changes: StoreItems): Promise<Map<string, string>> {
    const keys = Object.keys(changes);
    const written = new Map<string, string>();
    if (keys.length === 0) return written;
    const args: string[] = [String(this.ttlSeconds)];
    for (const key of keys) {
      const { eTag, ...document } = changes[key]!;
      const etag = randomUUID();
      args.push(isUnconditional(changes[key]!) ? "" : eTag!, JSON.stringify(document), etag);
      written.set(key, etag);
    }
    const cas = this.redis as unknown as WithCompareAndSet;
    const conflict = await cas.portingBotCompareAndSet(keys.length, ...keys.map((k) => this.prefix + k), ...args);
    if (conflict > 0) {
      const key = keys[conflict - 1]!;
      this.onConflict(key);
      throw new EtagConflictError(key);
    }
    return written;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map((k) => this.prefix + k));
  }
}
