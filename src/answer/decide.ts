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
 * Measured with the threshold sweep of `npm run bench` on ../shared/eval/dev.jsonl and eval/hard.jsonl,
 * in this order: no wrong answer on dev, fewest on the harder set, most out-of-scope refused, most
 * right answers. On dev every wrong top candidate led the runner-up by at most 0.04 while right ones
 * mostly led by 0.1 or more: a margin of 0.04-0.07 lets a dev question be answered wrongly, 0.13
 * answers fewer right. Off-topic dev questions had coverage 0.11-0.5 and in-scope ones 1.0: minimum
 * coverage 0.3 refuses only 1 of 4 of them, 0.5-0.6 costs the long harder-set questions. Score floors
 * 0.3-0.4 turn right harder-set answers into refusals.
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
