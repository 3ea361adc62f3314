import type { AskStatus } from "./result.js";

/**
 * Thresholds on the top score and on its margin over the runner-up, measured on the dev set
 * (see `npm run eval` and `npm run bench`).
 */
export const ANSWER_MIN_SCORE = 0.5;
export const ANSWER_MIN_MARGIN = 0.05;
export const FALLBACK_BELOW = 0.3;
/** Candidates this close to the top are offered as choices when the engine asks which one. */
export const CLARIFY_WINDOW = 0.1;
export const MAX_CHOICES = 3;

export interface Decision {
  status: AskStatus;
  /** How many of the ranked candidates to show: 1 when answered, 2–3 when asking which, 0 for fallback. */
  shown: number;
}

/** answered / clarify / fallback from the ranked scores (best first). */
export function decide(scores: number[]): Decision {
  const top = scores[0] ?? 0;
  const second = scores[1] ?? 0;
  if (top < FALLBACK_BELOW) return { status: "fallback", shown: 0 };
  if (top >= ANSWER_MIN_SCORE && top - second >= ANSWER_MIN_MARGIN) return { status: "answered", shown: 1 };
  const close = scores.slice(0, MAX_CHOICES).filter((s) => top - s <= CLARIFY_WINDOW).length;
  return { status: "clarify", shown: Math.max(2, close) };
}
