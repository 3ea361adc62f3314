import { randomUUID } from "node:crypto";
import type { StoreItems } from "botbuilder";
import { LRUCache } from "lru-cache";
import { EtagConflictError, isUnconditional, type EtagStorage } from "./etag-storage.js";

interface Stored {
  json: string;
  etag: string;
}

export interface MemoryStorageOptions {
  /** How long an item is kept after its last write. */
  ttlMs: number;
  /** The most items kept; past it the least recently used goes. */
  maxItems: number;
  onConflict?: (key: string) => void;
  /** The clock (tests move it). */
  now?: () => number;
}

/**
 * State in this process's memory, for a single instance: bounded by a time-to-live and a number of items, so a
 * long-running process does not grow with every conversation it ever had. Items are stored as JSON, as in a
 * shared store, so a turn never holds a live reference to another turn's state.
 */
export class BoundedMemoryStorage implements EtagStorage {
  private readonly items: LRUCache<string, Stored>;
  private readonly onConflict: (key: string) => void;

  constructor({ ttlMs, maxItems, onConflict = () => {}, now }: MemoryStorageOptions) {
    this.items = new LRUCache<string, Stored>({ max: maxItems, ttl: ttlMs, ...(now ? { perf: { now } } : {}) });
    this.onConflict = onConflict;
  }

  get size(): number {
    return this.items.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const stored = this.items.get(key);
      if (stored) found[key] = { ...JSON.parse(stored.json), eTag: stored.etag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.writeItems(changes);
  }

  async writeItems(changes: StoreItems): Promise<Map<string, string>> {
    for (const [key, item] of Object.entries(changes)) {
      const stored = this.items.peek(key);
      if (stored && !isUnconditional(item) && item.eTag !== stored.etag) {
        this.onConflict(key);
        throw new EtagConflictError(key);
      }
    }
    const written = new Map<string, string>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _, ...document } = item;
      const etag = randomUUID();
      this.items.set(key, { json: JSON.stringify(document), etag });
      written.set(key, etag);
    }
    return written;
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }
}
