import type { FeedbackRecord } from "./record.js";

export interface EntryFeedback {
  entry: string;
  helpful: number;
  unhelpful: number;
  /** Mean engine confidence of the answers judged unhelpful; null when none carried a score. */
  meanUnhelpfulScore: number | null;
}

export interface FeedbackSummary {
  records: number;
  from: string | null;
  to: string | null;
  helpful: number;
  unhelpful: number;
  fallback: number;
  /** Entries with at least one unhelpful vote, most unhelpful first: what to curate first. */
  entries: EntryFeedback[];
  /** Questions the bot could not answer, most frequent first. */
  unanswered: Array<{ question: string; count: number }>;
  channels: Record<string, number>;
}

const normalizeQuestion = (q: string) => q.trim().toLowerCase().replace(/\s+/g, " ");

export function summarizeFeedback(records: readonly FeedbackRecord[]): FeedbackSummary {
  const entries = new Map<string, { helpful: number; unhelpful: number; scores: number[] }>();
  const unanswered = new Map<string, { question: string; count: number }>();
  const channels: Record<string, number> = {};
  const counts = { helpful: 0, unhelpful: 0, fallback: 0 };
  for (const r of records) {
    counts[r.status] += 1;
    channels[r.channel] = (channels[r.channel] ?? 0) + 1;
    if (r.status === "fallback") {
      const key = normalizeQuestion(r.question);
      const seen = unanswered.get(key) ?? { question: r.question.trim(), count: 0 };
      seen.count += 1;
      unanswered.set(key, seen);
    } else if (r.entry) {
      const e = entries.get(r.entry) ?? { helpful: 0, unhelpful: 0, scores: [] };
      e[r.status] += 1;
      if (r.status === "unhelpful" && r.score !== null) e.scores.push(r.score);
      entries.set(r.entry, e);
    }
  }
  const times = records.map((r) => r.at).sort();
  return {
    records: records.length,
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    ...counts,
    entries: [...entries]
      .filter(([, e]) => e.unhelpful > 0)
      .map(([entry, e]) => ({
        entry,
        helpful: e.helpful,
        unhelpful: e.unhelpful,
        meanUnhelpfulScore: e.scores.length ? Math.round((e.scores.reduce((a, b) => a + b, 0) / e.scores.length) * 100) / 100 : null,
      }))
      .sort((a, b) => b.unhelpful - a.unhelpful || a.helpful - b.helpful || a.entry.localeCompare(b.entry)),
    unanswered: [...unanswered.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question)),
    channels,
  };
}
