import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Activity ids seen lately, per conversation: a channel that resends an activity (a retry after a timeout, a
 * replayed request) must not have it applied twice ("1" answering two questions). Entries expire after `ttlMs`;
 * at most `capacity` are kept, the oldest forgotten first.
 */
export class RecentActivities implements ActivityLedger {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly capacity = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when this activity was already seen in this conversation; otherwise remembers it. */
  isDuplicate(conversationId: string, activityId: string): boolean {
    const now = this.now();
    this.expire(now);
    const key = `${conversationId}\u0000${activityId}`;
    if (this.seenAt.has(key)) return true;
    this.seenAt.set(key, now);
    if (this.seenAt.size > this.capacity) this.seenAt.delete(this.seenAt.keys().next().value!);
    return false;
  }

  /** Entries are in insertion order, so the expired ones are at the front. */
  private expire(now: number): void {
    for (const [key, at] of this.seenAt) {
      if (now - at < this.ttlMs) break;
      this.seenAt.delete(key);
    }
  }
}

/** Whether an activity was already received: by this process, or by any instance sharing a store. */
export interface ActivityLedger {
  /** True when this activity was already seen in this conversation; otherwise remembers it. */
  isDuplicate(conversationId: string, activityId: string): boolean | Promise<boolean>;
}

/**
 * Activity ids seen lately by any instance sharing the Redis: a channel's retry reaching another instance than the
 * first attempt is still applied once. Each id is one key set only if absent (SET NX), expiring after `ttlMs`; the
 * key is a hash, so conversation ids of any length make keys of one size. While Redis cannot be reached, this
 * process's own memory answers, so a retry to the same instance is still caught.
 */
export class SharedRecentActivities implements ActivityLedger {
  private readonly local: RecentActivities;
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly onProblem: (message: string) => void,
    private readonly prefix = "porting-bot:activity:",
    private readonly ttlMs = 5 * 60_000,
  ) {
    this.local = new RecentActivities(ttlMs);
  }

  async isDuplicate(conversationId: string, activityId: string): Promise<boolean> {
    const key = this.prefix + createHash("sha256").update(`${conversationId}\u0000${activityId}`).digest("base64url");
    try {
      const set = await this.redis.set(key, "1", "PX", this.ttlMs, "NX");
      this.failing = false;
      return set === null;
    } catch (error) {
      if (!this.failing) this.onProblem(`activity ids checked in this process only, Redis failed: ${(error as Error).message}`);
      this.failing = true;
      return this.local.isDuplicate(conversationId, activityId);
    }
  }
}
