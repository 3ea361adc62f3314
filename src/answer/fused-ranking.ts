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
 *
 * `closeFirst`: when the engine offered only `shown` choices (the third-best answer group too far behind to be offered)
 * and the re-ranking keeps the engine's first, that first is answered without the lead when its own closest phrasing is
 * at least `bar` alike to the question (cosine), whether or not a group not offered is closer. Measured with
 * `npm run bench` on the English "which of these?" left after the re-ranking, on the readable sets above and
 * answers-oos-tuning-10 (752 questions in scope, 346 out; 35 such choices with the right entry first, 19 with a wrong
 * one, 5 out of scope), a wrong answer weighing three right ones: with the bar chosen among 0.7, 0.75, 0.8, 0.85, 0.9
 * and never on all sets but one (0.75 every time) and that one scored, in turn, 6 more right answers (640 -> 646) and
 * none wrong or out of scope; on all sets any bar from 0.7 to 0.78 answers the same. Not used: the bar for any number
 * of choices (left out in turn, 3 more right, 1 wrong, 1 out of scope; in finer steps 0.78, which sat 0.002 above a
 * wrong first); a re-ranked first that is not the engine's (with two choices, 9 right and none wrong on these sets, but
 * in questions written for this check it answered the rejection overview to "is there a way to get told when my port
 * has gone through", the encoder's nearest at 0.79: the case the review's closest-choice bar keeps at 0.85); the fused
 * lead at 0.1 or 0.15 with two choices (left out in turn, 7 right, 3 wrong, 1 out of scope); the engine's chance, the
 * classifier agreeing and the question's length, which held wrong firsts as often as right ones.
 */
export const FUSION = { weight: 1.5, lead: 0.2, phrasings: 3, closeFirst: { shown: 2, bar: 0.75 } };

export interface Candidate {
  /** The engine's score, 0..1. */
  score: number;
  /** The encoder's closeness to the candidate's answer group. */
  closeness: number;
  /** The cosine of the group's closest phrasing to the question. */
  cosine: number;
}

export interface FusedRanking {
  /** The candidates' indices, best first. */
  order: number[];
  /** Whether the first is far enough ahead, or close enough to the question, to be answered outright. */
  answer: boolean;
}

/**
 * The candidates (the engine's order) re-ranked by both signals; ties keep the engine's order. The first is answered
 * when it leads the second by `fusion.lead`, or when it is still the engine's first, the engine showed at most
 * `fusion.closeFirst.shown` choices and its closest phrasing reaches `fusion.closeFirst.bar`. A lone candidate is never
 * answered: there is no rival to rank it against.
 */
export function fuseRanking(candidates: Candidate[], shown: number, fusion = FUSION): FusedRanking {
  const fused = candidates.map((c) => c.score + fusion.weight * c.closeness);
  const order = fused.map((_, i) => i).sort((a, b) => fused[b]! - fused[a]! || a - b);
  const [first, second] = order;
  if (first === undefined || second === undefined) return { order, answer: false };
  const close = first === 0 && shown <= fusion.closeFirst.shown && candidates[first]!.cosine >= fusion.closeFirst.bar;
  return { order, answer: fused[first]! - fused[second]! >= fusion.lead || close };
}
