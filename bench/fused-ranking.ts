import { FUSION, fuseRanking } from "../src/answer/fused-ranking.js";
import { nearestOf, REVIEW_BARS } from "../src/answer/second-opinion.js";
import type { OpinionObservation } from "./opinion-observations.js";
import { outcomeOf, reviewWith, type Outcome, type Review } from "./opinion.js";

type Fusion = typeof FUSION;
type Closeness = "closeness" | "cosines";

/** The review as the second opinion gives it: its first-choice rules, then the re-ranking of what they leave. */
function fusedReview(fusion: Fusion, closeness: Closeness = "closeness", depth = Infinity): Review {
  const before = reviewWith(REVIEW_BARS);
  return (o) => {
    const reviewed = before(o);
    if (o.status !== "clarify" || reviewed.status === "answered" || o.language !== "en" || o.candidates.length === 0) return reviewed;
    const groups = o.candidates.slice(0, depth);
    const nearest = nearestOf(o.cosines);
    const candidates = groups.map((c) => ({ score: c.score, closeness: o[closeness][c.group] ?? -1, cosine: o.cosines[c.group] ?? -1, nearest: c.group === nearest }));
    if (candidates.some((c) => c.closeness < 0)) return reviewed;
    const { order, answer } = fuseRanking(candidates, o.engine.length, fusion);
    return { status: answer ? "answered" : "clarify", right: groups[order[0]!]!.right };
  };
}

const net = (o: Outcome, wrongWeight: number) => o.right - wrongWeight * (o.wrong + o.outAnswered);

function sum(outcomes: Outcome[]): Outcome {
  const total: Outcome = { inScope: 0, outOfScope: 0, right: 0, wrong: 0, outAnswered: 0, askedBackRight: 0, refused: 0 };
  for (const o of outcomes) for (const k of Object.keys(total) as Array<keyof Outcome>) total[k] += o[k];
  return total;
}

const LEADS = [0.1, 0.15, 0.2, 0.25, 0.3];

/** The re-ranking before a first close to the question could be answered without the lead. */
const BEFORE_NEAREST_FIRST: Fusion = { ...FUSION, nearestFirst: { ...FUSION.nearestFirst, bar: Infinity } };

/** The re-ranking by its lead alone, as it was before a close first could be answered without the lead. */
const LEAD_ONLY: Fusion = { ...BEFORE_NEAREST_FIRST, closeFirst: { ...FUSION.closeFirst, bar: Infinity } };

/** The lead with the best net gain on `observations` (the higher one on a tie). */
function bestLead(observations: OpinionObservation[], wrongWeight: number): number {
  const gains = LEADS.map((lead) => net(outcomeOf(observations, fusedReview({ ...LEAD_ONLY, lead })), wrongWeight));
  return LEADS[gains.lastIndexOf(Math.max(...gains))]!;
}

/** Right entry first among in-scope questions: answered with it or asked with it first. */
function firsts(observations: OpinionObservation[], review: Review): number {
  return observations.filter((o) => !o.outOfScope && o.status !== "fallback" && review(o).right).length;
}

const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(1)}%` : "-").padStart(6);
const cells = (o: Outcome, first: number) =>
  `${pct(first, o.inScope)} ${pct(o.right, o.inScope)} ${pct(o.wrong, o.inScope)} ${String(o.outAnswered).padStart(2)} ${pct(o.askedBackRight, o.inScope)} ${pct(o.refused, o.outOfScope)}`;

function countsOf(observations: OpinionObservation[], review: Review): string {
  const o = outcomeOf(observations, review);
  return `${o.right} right / ${o.wrong} wrong / ${o.outAnswered} out`;
}

/**
 * Leave one set out: each set scored with `baseline` and with the review of the parameter `choose` picks on the other
 * sets, a row a set, then the totals; returns the baseline's total.
 */
function leaveOneSetOut<T>(observations: OpinionObservation[], sets: string[], baseline: Review, choose: (others: OpinionObservation[]) => T, reviewOf: (parameter: T) => Review, label: string): Outcome {
  const rows = sets.map((set) => {
    const left = observations.filter((o) => o.set === set);
    const parameter = choose(observations.filter((o) => o.set !== set));
    const review = reviewOf(parameter);
    const [a, b] = [outcomeOf(left, baseline), outcomeOf(left, review)];
    const [fa, fb] = [firsts(left, baseline), firsts(left, review)];
    console.log(`  ${set.padEnd(10)} ${cells(a, fa)}   ->  ${cells(b, fb)}   (${label} ${parameter})`);
    return { a, b, fa, fb };
  });
  const [a, b] = [sum(rows.map((r) => r.a)), sum(rows.map((r) => r.b))];
  const [fa, fb] = [rows.reduce((s, r) => s + r.fa, 0), rows.reduce((s, r) => s + r.fb, 0)];
  console.log(`  ${"all".padEnd(10)} ${cells(a, fa)}   ->  ${cells(b, fb)}`);
  return a;
}

/**
 * The re-ranking of the English "which of these?" by the engine's score and the encoder's closeness together, beside
 * the review without it: each set scored with the lead chosen on the others (leave one set out), then the lead's curve
 * on all sets and the variants not used.
 */
export function benchFusedRanking(observations: OpinionObservation[]): void {
  const sets = [...new Set(observations.map((o) => o.set))];
  const before = reviewWith(REVIEW_BARS);
  console.log(
    `Re-ranking by engine score + ${FUSION.weight} x encoder closeness (mean cosine of a group's ${FUSION.phrasings} closest phrasings) over the engine's first groups: top-1, answered right / wrong (of in-scope), out-of-scope answered, asked back with the right first, out-of-scope refused.`,
  );
  for (const wrongWeight of [5, 3]) {
    console.log(`  review without it -> with it, the lead chosen on the other sets (a wrong answer weighing ${wrongWeight} right ones):`);
    leaveOneSetOut(observations, sets, before, (others) => bestLead(others, wrongWeight), (lead) => fusedReview({ ...LEAD_ONLY, lead }), "lead");
  }
  const counts = (review: Review) => countsOf(observations, review);
  console.log(`  without it: ${counts(before)}; the lead on all sets (used: ${FUSION.lead}): ${LEADS.map((lead) => `${lead}: ${counts(fusedReview({ ...LEAD_ONLY, lead }))}`).join("   ")}`);
  console.log(
    `  not used: the closest phrasing alone: ${counts(fusedReview(LEAD_ONLY, "cosines"))}; weight 1: ${counts(fusedReview({ ...LEAD_ONLY, weight: 1 }))}; weight 2: ${counts(fusedReview({ ...LEAD_ONLY, weight: 2 }))}; the engine's first 3 groups: ${counts(fusedReview(LEAD_ONLY, "closeness", 3))}`,
  );
  benchCloseFirst(observations, sets);
  benchNearestFirst(observations, sets);
}

const CLOSE_FIRST_BARS = [0.7, 0.75, 0.8, 0.85, 0.9, Infinity];

/** The re-ranking with a close first answered at `bar` when at most `shown` choices were offered. */
const closeFirst = (bar: number, shown = FUSION.closeFirst.shown) => fusedReview({ ...BEFORE_NEAREST_FIRST, closeFirst: { shown, bar } });

/** The close-first bar with the best net gain on `observations` (the higher one on a tie). */
function bestCloseFirst(observations: OpinionObservation[], wrongWeight: number, shown = FUSION.closeFirst.shown): number {
  const gains = CLOSE_FIRST_BARS.map((bar) => net(outcomeOf(observations, closeFirst(bar, shown)), wrongWeight));
  return CLOSE_FIRST_BARS[gains.lastIndexOf(Math.max(...gains))]!;
}

/**
 * A re-ranked first answered without the lead when it is the engine's first, the engine offered two choices and its
 * closest phrasing is close to the question: each set scored with the bar chosen on the others (leave one set out), beside the re-ranking by its
 * lead alone; then the bar's curve on all sets, and the same without the two-choice condition.
 */
function benchCloseFirst(observations: OpinionObservation[], sets: string[]): void {
  const wrongWeight = 3;
  const leadOnly = fusedReview(LEAD_ONLY);
  const { shown, bar: used } = FUSION.closeFirst;
  console.log(
    `A re-ranked first answered when it is the engine's first, the engine offered ${shown} choices and its closest phrasing reaches the bar (used: ${used}), beside the lead alone; the bar chosen on the other sets among ${CLOSE_FIRST_BARS.join(", ")} (a wrong answer weighing ${wrongWeight} right ones):`,
  );
  const a = leaveOneSetOut(observations, sets, leadOnly, (others) => bestCloseFirst(others, wrongWeight), (bar) => closeFirst(bar), "bar");
  const counts = (review: Review) => countsOf(observations, review);
  const curve = [0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.85, Infinity];
  console.log(`  the bar on all sets: ${curve.map((bar) => `${bar}: ${counts(closeFirst(bar))}`).join("   ")}`);
  const any = Infinity;
  console.log(`  not used, any number of choices: ${curve.map((bar) => `${bar}: ${counts(closeFirst(bar, any))}`).join("   ")}`);
  const chosen = sets.map((set) => bestCloseFirst(observations.filter((o) => o.set !== set), wrongWeight, any));
  const cv = sum(sets.map((set, i) => outcomeOf(observations.filter((o) => o.set === set), closeFirst(chosen[i]!, any))));
  console.log(`    its bar chosen on the other sets (${[...new Set(chosen)].join(", ")}): ${cv.right} right / ${cv.wrong} wrong / ${cv.outAnswered} out, left out in turn (lead alone: ${a.right} / ${a.wrong} / ${a.outAnswered})`);
  console.log(`  not used, any re-ranked first (the engine's or not), two choices: ${curve.map((bar) => `${bar}: ${counts(anyFirst(bar))}`).join("   ")}`);
}

/** The close-first rule applied to whichever candidate the re-ranking puts first, with two choices offered. */
function anyFirst(bar: number): Review {
  const leadOnly = fusedReview(LEAD_ONLY);
  return (o) => {
    const reviewed = leadOnly(o);
    if (o.status !== "clarify" || reviewed.status === "answered" || o.language !== "en" || o.engine.length > FUSION.closeFirst.shown || o.candidates.length < 2) return reviewed;
    const { order } = fuseRanking(o.candidates.map((c) => ({ score: c.score, closeness: o.closeness[c.group] ?? -1, cosine: -1, nearest: false })), o.engine.length, LEAD_ONLY);
    const first = o.candidates[order[0]!]!;
    return (o.cosines[first.group] ?? -1) >= bar ? { status: "answered", right: first.right } : reviewed;
  };
}

const NEAREST_FIRST_BARS = [-1, 0.6, 0.65, 0.7, 0.75, 0.8, Infinity];

/** A rule on the "which of these?" the re-ranking leaves: given the observation and the re-ranked first, answer it or not. */
type ExtraRule = (o: OpinionObservation, first: { group: number; score: number }, fused: number[]) => boolean;

/** Today's re-ranking (before the nearest-first rule), then `extra` on the English "which of these?" it leaves. */
function withExtra(extra: ExtraRule): Review {
  const before = fusedReview(BEFORE_NEAREST_FIRST);
  return (o) => {
    const reviewed = before(o);
    if (o.status !== "clarify" || reviewed.status === "answered" || o.language !== "en" || o.candidates.length < 2 || o.closeness.length === 0) return reviewed;
    const fused = o.candidates.map((c) => c.score + FUSION.weight * (o.closeness[c.group] ?? -1));
    const first = o.candidates[fused.indexOf(Math.max(...fused))]!;
    return extra(o, first, [...fused].sort((a, b) => b - a)) ? { status: "answered", right: first.right } : reviewed;
  };
}

/** The parameter among `grid` with the best net gain on `observations` (the higher one on a tie). */
function bestOf<T>(grid: T[], observations: OpinionObservation[], reviewOf: (parameter: T) => Review, wrongWeight: number): T {
  const gains = grid.map((p) => net(outcomeOf(observations, reviewOf(p)), wrongWeight));
  return grid[gains.lastIndexOf(Math.max(...gains))]!;
}

/** Each set scored with the parameter chosen on the others; the totals. */
function crossValidated<T>(observations: OpinionObservation[], sets: string[], grid: T[], reviewOf: (parameter: T) => Review, wrongWeight: number): { outcome: Outcome; chosen: T[] } {
  const chosen = sets.map((set) => bestOf(grid, observations.filter((o) => o.set !== set), reviewOf, wrongWeight));
  return { outcome: sum(sets.map((set, i) => outcomeOf(observations.filter((o) => o.set === set), reviewOf(chosen[i]!)))), chosen };
}

/**
 * The re-ranked first answered, with two choices offered, when it is also the encoder's nearest answer group of all
 * (the engine's first or not): each set scored with the bar chosen on the others, beside the re-ranking without it;
 * then the bar's curve on all sets, and the rules on the same "which of these?" that did not pay, cross-validated alike.
 */
function benchNearestFirst(observations: OpinionObservation[], sets: string[]): void {
  const wrongWeight = 3;
  const { shown, bar: used } = FUSION.nearestFirst;
  const nearestFirst = (bar: number, most = shown) => fusedReview({ ...FUSION, nearestFirst: { shown: most, bar } });
  console.log(
    `A re-ranked first answered when the engine offered ${shown} choices and it is the encoder's nearest answer group of all at a cosine of at least the bar (used: ${used}), beside the re-ranking without it; the bar chosen on the other sets among ${NEAREST_FIRST_BARS.join(", ")} (a wrong answer weighing ${wrongWeight} right ones):`,
  );
  leaveOneSetOut(observations, sets, fusedReview(BEFORE_NEAREST_FIRST), (others) => bestOf(NEAREST_FIRST_BARS, others, nearestFirst, wrongWeight), nearestFirst, "bar");
  const counts = (review: Review) => countsOf(observations, review);
  console.log(`  the bar on all sets: ${NEAREST_FIRST_BARS.map((bar) => `${bar}: ${counts(nearestFirst(bar))}`).join("   ")}`);
  const tried: Array<[string, number[], (t: number) => Review]> = [
    ["any number of choices, the nearest group's cosine", NEAREST_FIRST_BARS, (bar) => nearestFirst(bar, Infinity)],
    ["two choices, the fused lead", [0.05, 0.08, 0.1, 0.12, 0.15, Infinity], (lead) => withExtra((o, _, fused) => o.engine.length <= shown && fused[0]! - fused[1]! >= lead)],
    [
      "two choices, the first's cosine lead over the other choice",
      [0, 0.01, 0.02, 0.04, 0.06, 0.08, Infinity],
      (lead) =>
        withExtra((o, first) => {
          const others = o.engine.filter((g) => g.group !== first.group).map((g) => g.cosine);
          return o.engine.length <= shown && (o.cosines[first.group] ?? -1) - Math.max(...others) >= lead;
        }),
    ],
    [
      "engine, encoder and classifier agreeing, the engine's chance",
      [0, 0.3, 0.5, 0.7, Infinity],
      (chance) => withExtra((o, first) => first.group === o.engine[0]?.group && o.rank === 0 && !!o.evidence?.agree && (o.chance ?? 0) >= chance),
    ],
    ["all rare words covered, the engine's lead", [0, 0.05, 0.1, Infinity], (lead) => withExtra((o, first) => first.group === o.engine[0]?.group && (o.evidence?.rareCoverage ?? 0) >= 1 && (o.evidence?.lead ?? 0) >= lead)],
  ];
  const without = outcomeOf(observations, fusedReview(BEFORE_NEAREST_FIRST));
  console.log(`  not used, each left out in turn with its parameter chosen on the others (without any: ${without.right} right / ${without.wrong} wrong / ${without.outAnswered} out):`);
  for (const [label, grid, reviewOf] of tried) {
    const { outcome, chosen } = crossValidated(observations, sets, grid, reviewOf, wrongWeight);
    console.log(`    ${label} (${[...new Set(chosen)].join(", ")}): ${outcome.right} right / ${outcome.wrong} wrong / ${outcome.outAnswered} out`);
  }
}
