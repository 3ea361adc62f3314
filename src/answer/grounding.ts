/**
 * When the second opinion may not answer a choice outright although the encoder favours it: the engine scored it
 * below `score` and the choice's answer group says at most `share` of the question's known words (the words some entry
 * uses) in its own title or body. Such a choice matched the question through a few alternate questions' words
 * ("finished", "publish", "modem") and the encoder's closeness on top of that is not evidence enough; it is asked with
 * that choice first.
 *
 * Measured with `npm run bench` (`bench/grounding.ts`) on every readable answer set (dev, hard, holdout,
 * answers-heldout-2/6, answers-tuning-3/4/9/11, answers-oos-tuning-5/10, answers-languages-tuning; 851 questions in
 * scope, 386 out), whose "which of these?" the review answered 114 times rightly, 3 wrongly and 2 times outside
 * porting. A score below 0.4 with a share of at most a third holds back 1 wrong and 2 out-of-scope answers and no
 * right one (733 right / 8 wrong / 5 out of scope answered in all -> 733 / 7 / 3). A share up to 0.4 or a half also
 * holds back 2 or 10 right ones; the score alone below 0.3 holds back 8 right ones for 1 wrong and 1 out of scope,
 * the share alone 5 right ones. With the pair chosen on all sets but one among scores 0.3, 0.4, 0.5 and shares a
 * quarter, a third, 0.4, a half, or none (a wrong answer weighing three right ones, the most answered on a tie) and
 * that one scored, in turn: 8 wrong / 5 out of scope -> 7 / 4, no right answer lost. Few wrong answers are behind
 * these figures; the rule counts words rather than cosines or today's alternate questions' scores, so that new
 * phrasings move it little. French and Spanish questions are not held back.
 */
export const GROUNDING = { score: 0.4, share: 1 / 3 };

export interface Grounded {
  /** The engine's score for the choice, 0..1. */
  score: number;
  /** Share of the question's known words that the choice's answer group holds in its title or body, 0..1. */
  grounding: number;
}

/** Whether a choice the encoder favours has the engine's evidence to be answered outright. */
export function grounded({ score, grounding }: Grounded, bars = GROUNDING): boolean {
  return score >= bars.score || grounding > bars.share;
}
