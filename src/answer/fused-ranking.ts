/**
 * How many of the engine's answer groups a "which of these?" carries for re-ranking: the shown choices and the rivals
 * just behind them, which compete for the lead although they are not shown.
 */
export const RERANKED_GROUPS = 5;

/**
 * Re-ranking of the engine's first answer groups by the engine's score plus `weight` times the sentence encoder's
 * closeness to the group (the mean cosine of its three closest phrasings: less noisy than the single closest), and the
 * lead the re-ranked first needs over the second to be answered outright. Measured with `npm run bench` on the English
 * "which of these?" that the review's first-choice rules leave, on every readable answer set (dev, hard, holdout,
 * answers-heldout-2/6, answers-tuning-3/4/9, answers-oos-tuning-5, answers-languages-tuning; 721 questions in scope,
 * 277 out). With the lead chosen on all sets but one (0.1 to 0.3, a wrong answer weighing five right ones) and that
 * one scored, in turn, 0.2 every time: 81.4% -> 83.9% answered right, 0.8% wrong either way, 3 out-of-scope questions
 * answered either way, the right entry first 89.2% -> 90.8%. With a wrong answer weighing three right ones, two sets
 * took 0.15 when left out: 84.5% right, 1.1% wrong, 4 out of scope answered. On all sets at a lead of 0.2: the single
 * closest phrasing instead of the three answered 600 right / 7 wrong / 5 out of scope (this: 605 / 6 / 3), a weight
 * of 1 599 / 6 / 3, of 2 611 / 7 / 4; the engine's first 3 groups did as well as 5, which keep the rivals behind the
 * shown choices in the lead.
 */
export const FUSION = { weight: 1.5, lead: 0.2, phrasings: 3 };

export interface Candidate {
  /** The engine's score, 0..1. */
  score: number;
  /** The encoder's closeness to the candidate's answer group. */
  closeness: number;
}

export interface FusedRanking {
  /** The candidates' indices, best first. */
  order: number[];
  /** Whether the first is far enough ahead to be answered outright. */
  answer: boolean;
}

/**
 * The candidates (the engine's order) re-ranked by both signals; ties keep the engine's order. A lone candidate is
 * never answered: there is no rival to lead.
 */
export function fuseRanking(candidates: Candidate[], fusion = FUSION): FusedRanking {
  const fused = candidates.map((c) => c.score + fusion.weight * c.closeness);
  const order = fused.map((_, i) => i).sort((a, b) => fused[b]! - fused[a]! || a - b);
  const [first, second] = order;
  return { order, answer: first !== undefined && second !== undefined && fused[first]! - fused[second]! >= fusion.lead };
}
