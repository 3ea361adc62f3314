import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";

/**
 * How often agents use each entry (posted to a channel from Slack's /porting), for the list the message extension
 * shows before anything is typed. Counted in memory: a restart starts again from the knowledge's own order, where an
 * entry that more entries point to (`related`) comes first.
 */
export class EntryUsage {
  private readonly counts = new Map<string, number>();
  /** How many entries point to each entry, counted again when the knowledge is reloaded. */
  private links: { entries: Entry[]; linkedFrom: Map<string, number> } | undefined;

  constructor(private readonly kb: KnowledgeBase) {}

  record(id: string): void {
    if (this.kb.byId.has(id)) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** The `limit` most used current entries, then the most linked ones. */
  mostUsed(limit: number): Entry[] {
    const linkedFrom = this.linkedFrom();
    const score = (e: Entry) => [this.counts.get(e.id) ?? 0, linkedFrom.get(e.id) ?? 0] as const;
    return this.kb.entries
      .filter((e) => e.status === "current")
      .map((entry) => ({ entry, score: score(entry) }))
      .sort((a, b) => b.score[0] - a.score[0] || b.score[1] - a.score[1] || a.entry.title.localeCompare(b.entry.title))
      .slice(0, limit)
      .map((s) => s.entry);
  }

  private linkedFrom(): Map<string, number> {
    const { entries } = this.kb;
    if (this.links?.entries !== entries) {
      const linkedFrom = new Map<string, number>();
      for (const entry of entries) for (const id of entry.related) linkedFrom.set(id, (linkedFrom.get(id) ?? 0) + 1);
      this.links = { entries, linkedFrom };
    }
    return this.links.linkedFrom;
  }
}
