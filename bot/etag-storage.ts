import type { Storage, StoreItem, StoreItems } from "botbuilder";
import { currentTurn } from "./turn-scope.js";

/** Another writer changed the item since it was read: the write is refused rather than overwriting theirs. */
export class EtagConflictError extends Error {
  override name = "EtagConflictError";
  constructor(readonly key: string) {
    super(`state item ${key} was changed by another writer since it was read`);
  }
}

/**
 * A botbuilder Storage whose writes are compare-and-set on eTags: an item written with the eTag it was read with
 * fails with EtagConflictError when the stored one differs; "*" or no eTag writes unconditionally; an item that is
 * not stored is written. Every write gives the item a new eTag, which `writeItems` returns.
 */
export interface EtagStorage extends Storage {
  writeItems(changes: StoreItems): Promise<Map<string, string>>;
}

export const isUnconditional = (item: StoreItem): boolean => !item.eTag || item.eTag === "*";

/**
 * botbuilder's ConversationState and UserState always write with eTag "*" (last writer wins). Inside a turn this
 * storage writes with the eTag the turn read instead, so two turns of one conversation that overlap (on two
 * instances, or past a lock's lease) conflict instead of silently losing one of them.
 */
export class TurnGuardedStorage implements Storage {
  constructor(private readonly inner: EtagStorage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const turn = currentTurn();
    if (turn) {
      for (const [key, item] of Object.entries(items)) if (item?.eTag) turn.etags.set(key, item.eTag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const turn = currentTurn();
    if (!turn) {
      await this.inner.writeItems(changes);
      return;
    }
    const guarded: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const read = turn.etags.get(key);
      guarded[key] = read && isUnconditional(item) ? { ...item, eTag: read } : item;
    }
    const written = await this.inner.writeItems(guarded);
    for (const [key, etag] of written) turn.etags.set(key, etag);
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys);
    const turn = currentTurn();
    for (const key of keys) turn?.etags.delete(key);
  }
}
