/**
 * Activity ids seen lately, per conversation: a channel that resends an activity (a retry after a timeout, a
 * replayed request) must not have it applied twice ("1" answering two questions). Entries expire after `ttlMs`;
 * at most `capacity` are kept, the oldest forgotten first.
 */
export class RecentActivities {
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
