import type { AskStatus } from "./result.js";

export interface Thresholds {
  /** Below this share of the question's weighted terms found in the best entry, the question is off topic. */
  minCoverage: number;
  /** Below this top score, nothing is close enough to offer. */
  minScore: number;
  /** An answer needs at least this top score... */
  answerScore: number;
  /** ...and this lead over the best candidate from another wiki section. */
  answerMargin: number;
  /** Candidates within this distance of the top are offered when the engine asks which one. */
  clarifyWindow: number;
}

/**
 * Measured with `npm run bench` (threshold sweep) on ../shared/eval/dev.jsonl and eval/hard.jsonl,
 * in that order of priority: no wrong answer on dev, fewest wrong answers on the harder set, then the
 * most out-of-scope questions refused and the most right answers.
 */
export const THRESHOLDS: Thresholds = {
  minCoverage: 0.4,
  minScore: 0.2,
  answerScore: 0.5,
  answerMargin: 0.1,
  clarifyWindow: 0.15,
};

export const MAX_CHOICES = 3;

export interface Ranked {
  score: number;
  coverage: number;
  /** Entries answering from the same wiki section are one topic: they do not compete for the margin. */
  topic: string;
}

export interface Decision {
  status: AskStatus;
  /** How many of the ranked candidates to show: 1 when answered, up to 3 when asking which, 0 for fallback. */
  shown: number;
}

/** answered / clarify / fallback from the ranked candidates (best first). */
export function decide(ranked: Ranked[], thresholds = THRESHOLDS): Decision {
  const top = ranked[0];
  if (!top || top.score < thresholds.minScore || top.coverage < thresholds.minCoverage) return { status: "fallback", shown: 0 };
  const rival = ranked.find((r) => r.topic !== top.topic)?.score ?? 0;
  if (top.score >= thresholds.answerScore && top.score - rival >= thresholds.answerMargin) return { status: "answered", shown: 1 };
  const close = ranked.slice(0, MAX_CHOICES).filter((r) => top.score - r.score <= thresholds.clarifyWindow).length;
  return { status: "clarify", shown: Math.max(Math.min(2, ranked.length), close) };
}
