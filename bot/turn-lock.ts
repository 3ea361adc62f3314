import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";

/** Runs the turns of one conversation one at a time. */
export interface TurnLock {
  run<T>(conversation: string, turn: () => Promise<T>): Promise<T>;
}

/** The conversation is still busy with an earlier turn after the longest wait. */
export class TurnLockTimeout extends Error {
  override name = "TurnLockTimeout";
  constructor() {
    super("an earlier turn of this conversation is still running");
  }
}

/** One queue per conversation inside this process; turns of different conversations never wait for each other. */
export class LocalTurnLock implements TurnLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(conversation: string, turn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversation) ?? Promise.resolve();
    let finished!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (finished = resolve)));
    this.tails.set(conversation, tail);
    await previous;
    try {
      return await turn();
    } finally {
      finished();
      if (this.tails.get(conversation) === tail) this.tails.delete(conversation);
    }
  }

  /** Conversations with a turn running or waiting. */
  get busy(): number {
    return this.tails.size;
  }
}

/** Deletes the lock only if it is still ours (its lease may have run out and another instance taken it). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

interface WithRelease {
  portingBotReleaseLock(numberOfKeys: number, key: string, token: string): Promise<number>;
}

export interface RedisTurnLockOptions {
  /** How long a lock is held at most, so a crashed instance does not block its conversations. */
  leaseMs?: number;
  /** How long a turn waits for the lock before giving up. */
  waitMs?: number;
  prefix?: string;
}

/**
 * A short per-conversation lock in Redis (SET NX PX with a random token, released by a compare-and-delete), so the
 * turns of one conversation run one at a time across every instance. Turns waiting in the same process queue
 * locally first and do not poll Redis against each other.
 */
export class RedisTurnLock implements TurnLock {
  private readonly local = new LocalTurnLock();
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    { leaseMs = 30_000, waitMs = 20_000, prefix = "porting-bot:lock:" }: RedisTurnLockOptions = {},
  ) {
    this.leaseMs = leaseMs;
    this.waitMs = waitMs;
    this.prefix = prefix;
    if (!("portingBotReleaseLock" in redis)) redis.defineCommand("portingBotReleaseLock", { lua: RELEASE });
  }

  run<T>(conversation: string, turn: () => Promise<T>): Promise<T> {
    return this.local.run(conversation, async () => {
      const key = this.prefix + conversation;
      const token = await this.acquire(key);
      try {
        return await turn();
      } finally {
        await (this.redis as unknown as WithRelease).portingBotReleaseLock(1, key, token);
      }
    });
  }

  private async acquire(key: string): Promise<string> {
    const token = randomUUID();
    const deadline = Date.now() + this.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      if ((await this.redis.set(key, token, "PX", this.leaseMs, "NX")) === "OK") return token;
      if (Date.now() >= deadline) throw new TurnLockTimeout();
      await sleep(pause / 2 + Math.random() * pause);
    }
  }
}
