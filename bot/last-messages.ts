import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** Two identical messages the client stamped closer than this are one sent twice: nobody retypes an answer that fast. */
export const REPEAT_MS = 1000;

/** A conversation's last message: what it said (a key of its text and value) and when its client stamped it. */
interface LastMessage {
  key: string;
  at: number;
}

/** Whether a message repeats its conversation's last one within REPEAT_MS: a double send, not a second answer. */
export interface MessageRepeats {
  /** Remembers the message as the conversation's last either way. */
  repeats(conversation: string, key: string, at: number): boolean | Promise<boolean>;
}

function isRepeat(before: LastMessage | undefined, key: string, at: number): boolean {
  return before !== undefined && before.key === key && Math.abs(at - before.at) < REPEAT_MS;
}

/** Conversations whose last message is remembered for spotting a double send. */
const REMEMBERED = 10_000;

/** The last message of each conversation in this process, least recently used first out. */
export class LocalLastMessages implements MessageRepeats {
  private readonly last = new Map<string, LastMessage>();

  repeats(conversation: string, key: string, at: number): boolean {
    const before = this.last.get(conversation);
    this.last.delete(conversation);
    this.last.set(conversation, { key, at });
    if (this.last.size > REMEMBERED) this.last.delete(this.last.keys().next().value!);
    return isRepeat(before, key, at);
  }
}

/** Long enough for any double send to reach another instance; the key then goes. */
const KEEP_MS = 60_000;

const LastMessageJson = {
  parse(text: string | null): LastMessage | undefined {
    if (text === null) return undefined;
    try {
      const value = JSON.parse(text) as Partial<LastMessage>;
      return typeof value.key === "string" && typeof value.at === "number" ? { key: value.key, at: value.at } : undefined;
    } catch {
      return undefined;
    }
  },
};

/**
 * The last message of each conversation in the Redis every instance shares: a double send whose copies a load
 * balancer gives to two instances is still run once. The conversation's last message is swapped in one command
 * (SET … GET), so of two copies arriving together exactly one sees the other. Keys are hashes (no conversation id or
 * text is stored in clear) and expire after a minute. While Redis cannot be reached, this process's memory answers.
 */
export class SharedLastMessages implements MessageRepeats {
  private readonly local = new LocalLastMessages();
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly onProblem: (message: string) => void,
    private readonly prefix = "porting-bot:last-message:",
  ) {}

  async repeats(conversation: string, key: string, at: number): Promise<boolean> {
    const hash = (text: string) => createHash("sha256").update(text).digest("base64url");
    const value = JSON.stringify({ key: hash(key), at });
    try {
      const before = (await this.redis.call("SET", this.prefix + hash(conversation), value, "PX", String(KEEP_MS), "GET")) as string | null;
      this.failing = false;
      return isRepeat(LastMessageJson.parse(before), hash(key), at);
    } catch (error) {
      if (!this.failing) this.onProblem(`double sends spotted in this process only, Redis failed: ${(error as Error).message}`);
      this.failing = true;
      return this.local.repeats(conversation, key, at);
    }
  }
}
