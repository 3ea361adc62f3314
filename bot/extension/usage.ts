import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";

/**
 * How often agents use each entry (posted to a channel from Slack's /porting), for the list the message extension
 * shows before anything is typed. Counted in memory: a restart starts again from the knowledge's own order, where an
 * entry that more entries point to (`related`) comes first.
 */
export class EntryUsage {
  private readonly counts = new Map<string, number>();
  private readonly linkedFrom = new Map<string, number>();

  constructor(private readonly kb: KnowledgeBase) {
    for (const entry of kb.entries) for (const id of entry.related) this.linkedFrom.set(id, (this.linkedFrom.get(id) ?? 0) + 1);
  }

  record(id: string): void {
    if (this.kb.byId.has(id)) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** The `limit` most used current entries, then the most linked ones. */
  mostUsed(limit: number): Entry[] {
    const score = (e: Entry) => [this.counts.get(e.id) ?? 0, this.linkedFrom.get(e.id) ?? 0] as const;
    return this.kb.entries
      .filter((e) => e.status === "current")
      .map((entry) => ({ entry, score: score(entry) }))
      .sort((a, b) => b.score[0] - a.score[0] || b.score[1] - a.score[1] || a.entry.title.localeCompare(b.entry.title))
      .slice(0, limit)
      .map((s) => s.entry);
  }
}
