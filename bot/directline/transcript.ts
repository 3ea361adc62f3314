import { EventEmitter } from "node:events";
import type { Activity, Storage } from "botbuilder";

/** One conversation of the Direct Line channel as kept in the bot's storage. */
interface TranscriptDoc {
  conversationId: string;
  userId: string;
  /** When the conversation last changed (ms since epoch). */
  touched: number;
  /** The watermark of the last activity ever appended; activities are numbered from 1. */
  last: number;
  entries: Array<{ seq: number; at: number; activity: Partial<Activity> }>;
  eTag?: string;
}

export interface TranscriptBounds {
  maxActivities: number;
  maxAgeMs: number;
}

/** What a client gets for a watermark: the activities after it and the watermark to ask from next. */
export interface ActivitySet {
  activities: Array<Partial<Activity>>;
  watermark: string;
}

const key = (conversationId: string) => `directline/transcript/${conversationId}`;
const CONFLICT_RETRIES = 8;

/**
 * The transcript of each Direct Line conversation, in the bot's storage so that a reloaded page or another
 * instance sharing the storage can pick the conversation up. Bounded: the newest `maxActivities`, none older than
 * `maxAgeMs`; a conversation idle longer than that is gone. Appends are serialised per conversation in this process
 * and use the storage's eTags against other instances.
 * Every append is announced on `events` (event name: the conversation id) for the streams open here.
 */
export class TranscriptStore {
  readonly events = new EventEmitter();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: Storage,
    private readonly bounds: TranscriptBounds,
    private readonly now: () => number = Date.now,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Starts the conversation if it is not kept yet; true when it was started by this call. */
  async start(conversationId: string, userId: string): Promise<boolean> {
    return this.serialised(conversationId, async () => {
      if (await this.load(conversationId)) return false;
      const doc: TranscriptDoc = { conversationId, userId, touched: this.now(), last: 0, entries: [] };
      await this.storage.write({ [key(conversationId)]: doc });
      return true;
    });
  }

  async exists(conversationId: string): Promise<boolean> {
    return (await this.load(conversationId)) !== undefined;
  }

  /**
   * Numbers the activities (id `<conversation>|<seq>`), stamps them, keeps them and announces them; returns them as
   * kept. Fails when the conversation is not kept.
   */
  async append(conversationId: string, activities: Array<Partial<Activity>>): Promise<Array<Partial<Activity>>> {
    const stored = await this.serialised(conversationId, async () => {
      for (let attempt = 0; ; attempt++) {
        const doc = await this.load(conversationId);
        if (!doc) throw new UnknownConversationError(conversationId);
        const at = this.now();
        const added = activities.map((activity, i) => {
          const seq = doc.last + i + 1;
          return { seq, at, activity: { ...activity, id: `${conversationId}|${String(seq).padStart(7, "0")}`, timestamp: new Date(at) } };
        });
        const next: TranscriptDoc = { ...doc, touched: at, last: doc.last + added.length, entries: this.bounded([...doc.entries, ...added], at) };
        try {
          await this.storage.write({ [key(conversationId)]: next });
          return { activities: added.map((e) => e.activity), watermark: String(next.last) };
        } catch (error) {
          if (attempt >= CONFLICT_RETRIES || !/etag/i.test((error as Error).message)) throw error;
        }
      }
    });
    this.events.emit(conversationId, stored);
    return stored.activities;
  }

  /** The kept activities after `watermark` (all kept ones when it is absent). */
  async since(conversationId: string, watermark: number | undefined): Promise<ActivitySet | undefined> {
    const doc = await this.load(conversationId);
    if (!doc) return undefined;
    const after = watermark ?? 0;
    return { activities: doc.entries.filter((e) => e.seq > after).map((e) => e.activity), watermark: String(doc.last) };
  }

  private bounded(entries: TranscriptDoc["entries"], now: number): TranscriptDoc["entries"] {
    const fresh = entries.filter((e) => now - e.at <= this.bounds.maxAgeMs);
    return fresh.slice(Math.max(0, fresh.length - this.bounds.maxActivities));
  }

  /** The kept conversation, or undefined when it never was or has been idle past the age bound. */
  private async load(conversationId: string): Promise<TranscriptDoc | undefined> {
    const doc = (await this.storage.read([key(conversationId)]))[key(conversationId)] as TranscriptDoc | undefined;
    if (!doc) return undefined;
    if (this.now() - doc.touched > this.bounds.maxAgeMs) {
      await this.storage.delete([key(conversationId)]);
      return undefined;
    }
    return doc;
  }

  private serialised<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return result;
  }
}

export class UnknownConversationError extends Error {
  override name = "UnknownConversationError";
  constructor(conversationId: string) {
    super(`no conversation ${conversationId}`);
  }
}
