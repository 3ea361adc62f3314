import { FUSION } from "../src/answer/fused-ranking.js";
import { GROUNDING, grounded } from "../src/answer/grounding.js";
import { fusedReview } from "./fused-ranking.js";
import type { OpinionObservation } from "./opinion-observations.js";
import { outcomeOf, sum, WRONG_WEIGHT, type Outcome, type Review } from "./opinion.js";

type Bars = typeof GROUNDING;

/** The review as the second opinion gives it, with an English choice it answers held back when not `grounded`. */
function groundedReview(bars: Bars | undefined): Review {
  const review = fusedReview(FUSION);
  return (o) => {
    const reviewed = review(o);
    if (!bars || o.status !== "clarify" || reviewed.status !== "answered" || o.language !== "en") return reviewed;
    const candidate = o.candidates.find((c) => c.group === reviewed.group);
    return !candidate || grounded(candidate, bars) ? reviewed : { ...reviewed, status: "clarify" };
  };
}

/** The pairs tried, and no rule at all (undefined). */
const GRID: Array<Bars | undefined> = [undefined, ...[0.3, 0.4, 0.5].flatMap((score) => [0.25, 1 / 3, 0.4, 0.5].map((share) => ({ score, share })))];

const net = (o: Outcome) => o.right - WRONG_WEIGHT * (o.wrong + o.outAnswered);
const answered = (o: Outcome) => o.right + o.wrong + o.outAnswered;
const label = (bars: Bars | undefined) => (bars ? `score < ${bars.score}, share <= ${bars.share.toFixed(2)}` : "none");

/** The pair with the best net gain on `observations`; on a tie, the one answering the most (holding back the fewest). */
function bestBars(observations: OpinionObservation[]): Bars | undefined {
  const scored = GRID.map((bars) => ({ bars, o: outcomeOf(observations, groundedReview(bars)) }));
  scored.sort((a, b) => net(b.o) - net(a.o) || answered(b.o) - answered(a.o));
  return scored[0]!.bars;
}

const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(1)}%` : "-").padStart(6);
const cells = (o: Outcome) => `${pct(o.right, o.inScope)} ${pct(o.wrong, o.inScope)} ${String(o.outAnswered).padStart(2)} ${pct(o.askedBackRight, o.inScope)}`;
const counts = (o: Outcome) => `${o.right} right / ${o.wrong} wrong / ${o.outAnswered} out`;

/** An engine answer to an English question turned into a choice when the encoder puts another group `margin` ahead of it and the engine's chance is below `chance`. */
function demoting(bars: { margin: number; chance: number } | undefined): Review {
  const review = groundedReview(GROUNDING);
  return (o) => {
    const reviewed = review(o);
    const first = o.engine[0];
    if (!bars || o.status !== "answered" || o.language !== "en" || !first || first.cosine < 0) return reviewed;
    const rival = Math.max(...o.encoder.filter((g) => g.group !== first.group).map((g) => g.cosine));
    return rival - first.cosine >= bars.margin && (o.chance ?? 1) < bars.chance ? { ...reviewed, status: "clarify" } : reviewed;
  };
}

/**
 * Holding back a choice the review would answer when the engine scored it low and its own entries' titles and bodies
 * say little of the question (`src/answer/grounding.ts`): each set scored with the pair chosen on the others (leave one
 * set out) beside the review without it, the pair's neighbours on all sets, and an engine answer demoted when the
 * encoder disagrees, scored the same way (not used).
 */
export function benchGrounding(observations: OpinionObservation[]): void {
  const sets = [...new Set(observations.map((o) => o.set))];
  const today = groundedReview(undefined);
  console.log(
    `A choice the review answers held back when the engine scored it below the score and its group's titles and bodies hold at most the share of the question's known words (used: ${label(GROUNDING)}); the pair chosen on the other sets (a wrong answer weighing ${WRONG_WEIGHT} right ones): answered right / wrong (of in-scope), out-of-scope answered, asked back with the right first:`,
  );
  const rows = sets.map((set) => {
    const left = observations.filter((o) => o.set === set);
    const bars = bestBars(observations.filter((o) => o.set !== set));
    const [a, b] = [outcomeOf(left, today), outcomeOf(left, groundedReview(bars))];
    console.log(`  ${set.padEnd(10)} ${cells(a)}   ->  ${cells(b)}   (${label(bars)})`);
    return { a, b };
  });
  const [a, b] = [sum(rows.map((r) => r.a)), sum(rows.map((r) => r.b))];
  console.log(`  ${"all".padEnd(10)} ${cells(a)}   ->  ${cells(b)}   ${counts(a)} -> ${counts(b)}`);
  const all = (review: Review) => counts(outcomeOf(observations, review));
  console.log(`  on all sets: ${GRID.map((bars) => `${label(bars)}: ${all(groundedReview(bars))}`).join("; ")}`);
  console.log(`  the score alone: ${[0.25, 0.3, 0.35].map((score) => `< ${score}: ${all(groundedReview({ score, share: 1 }))}`).join("; ")}; the share alone: ${[0.25, 1 / 3, 0.4].map((share) => `<= ${share.toFixed(2)}: ${all(groundedReview({ score: 1.01, share }))}`).join("; ")}`);
  const demotions = [undefined, ...[0.05, 0.1, 0.15].flatMap((margin) => [0.92, 0.95, 1.01].map((chance) => ({ margin, chance })))];
  const bestDemotion = (training: OpinionObservation[]) =>
    demotions.map((bars) => ({ bars, o: outcomeOf(training, demoting(bars)) })).sort((x, y) => net(y.o) - net(x.o) || answered(y.o) - answered(x.o))[0]!.bars;
  const cv = sum(sets.map((set) => outcomeOf(observations.filter((o) => o.set === set), demoting(bestDemotion(observations.filter((o) => o.set !== set))))));
  console.log(
    `  not used, an engine answer made a choice when the encoder's nearest other group is ahead by the margin and the engine's chance below the bar: ${demotions.slice(1).map((bars) => `${bars!.margin}/${bars!.chance}: ${all(demoting(bars))}`).join("; ")}; chosen on the other sets, in turn: ${counts(cv)} (without: ${all(groundedReview(GROUNDING))})`,
  );
}
