import type { Storage } from "botbuilder";
import { Redis } from "ioredis";
import type { BotConfig } from "./config.js";
import { TurnGuardedStorage } from "./etag-storage.js";
import { LocalLastMessages, SharedLastMessages, type MessageRepeats } from "./last-messages.js";
import type { Logger } from "./log.js";
import { BoundedMemoryStorage } from "./memory-storage.js";
import { RecentActivities, SharedRecentActivities, type ActivityLedger } from "./recent-activities.js";
import { RedisStorage } from "./redis-storage.js";
import { aloneAnnouncements, RedisReloadAnnouncements, type ReloadAnnouncements } from "./reload-announcements.js";
import { LocalTurnLock, RedisTurnLock, type TurnLock } from "./turn-lock.js";

/** Where conversation state lives, and how the turns of one conversation are kept apart. */
export interface StateStore {
  readonly kind: "redis" | "memory";
  readonly storage: Storage;
  readonly lock: TurnLock;
  /** Activity ids already received, so a resent activity is applied once across every instance sharing the store. */
  readonly activities: ActivityLedger;
  /** Each conversation's last message, so a double send is run once across every instance sharing the store. */
  readonly lastMessages: MessageRepeats;
  /** Reloads asked of one instance reach the others sharing the store. */
  readonly reloads: ReloadAnnouncements;
  /** Undefined when the store can be used, else why not. */
  problem(): Promise<string | undefined>;
  close(): Promise<void>;
}

export type StateConfig = Pick<BotConfig, "REDIS_URL" | "STATE_TTL_HOURS" | "MEMORY_STATE_MAX">;

export interface StateHooks {
  log: Logger;
  onConflict?: (key: string) => void;
}

/** State in this process, bounded by the time-to-live and a number of conversations; one instance only. */
export function memoryState({ STATE_TTL_HOURS, MEMORY_STATE_MAX }: StateConfig, { onConflict }: Partial<StateHooks> = {}): StateStore {
  const memory = new BoundedMemoryStorage({ ttlMs: STATE_TTL_HOURS * 3_600_000, maxItems: MEMORY_STATE_MAX, ...(onConflict ? { onConflict } : {}) });
  return {
    kind: "memory",
    storage: new TurnGuardedStorage(memory),
    lock: new LocalTurnLock(),
    activities: new RecentActivities(),
    lastMessages: new LocalLastMessages(),
    reloads: aloneAnnouncements,
    problem: async () => undefined,
    close: async () => {},
  };
}

const PING_TIMEOUT_MS = 1000;

/** State in Redis, shared by every instance pointed at it; the connection is made in the background and kept up. */
export function redisState(url: string, { STATE_TTL_HOURS }: StateConfig, { log, onConflict }: StateHooks, prefix = "porting-bot:"): StateStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5000 });
  let lastError = "";
  redis.on("error", (error: Error) => {
    // ioredis retries on its own; say so once per distinct failure, not at every attempt.
    if (error.message !== lastError) log.error(`redis: ${error.message}`);
    lastError = error.message;
  });
  redis.on("ready", () => {
    lastError = "";
    log.info("redis: connected");
  });
  const reloads = new RedisReloadAnnouncements(redis, (message) => log.warn(message), `${prefix}reload`);
  const storage = new RedisStorage(redis, {
    ttlSeconds: Math.max(1, Math.round(STATE_TTL_HOURS * 3600)),
    prefix: `${prefix}state:`,
    ...(onConflict ? { onConflict } : {}),
  });
  return {
    kind: "redis",
    storage: new TurnGuardedStorage(storage),
    lock: new RedisTurnLock(redis, { prefix: `${prefix}lock:` }),
    activities: new SharedRecentActivities(redis, (message) => log.warn(message), `${prefix}activity:`),
    lastMessages: new SharedLastMessages(redis, (message) => log.warn(message), `${prefix}last-message:`),
    reloads,
    async problem() {
      if (redis.status !== "ready") return `redis is not connected (${redis.status})`;
      try {
        await Promise.race([
          redis.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error("no answer to PING within 1 s")), PING_TIMEOUT_MS).unref()),
        ]);
        return undefined;
      } catch (error) {
        return `redis: ${(error as Error).message}`;
      }
    },
    async close() {
      await reloads.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The one place the state store is chosen: Redis when REDIS_URL is set, else this process's memory. */
export function createStateStore(config: StateConfig, hooks: StateHooks): StateStore {
  return config.REDIS_URL ? redisState(config.REDIS_URL, config, hooks) : memoryState(config, hooks);
}
