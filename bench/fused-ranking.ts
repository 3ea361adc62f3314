import { FUSION, fuseRanking } from "../src/answer/fused-ranking.js";
import { REVIEW_BARS } from "../src/answer/second-opinion.js";
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
    const candidates = groups.map((c) => ({ score: c.score, closeness: o[closeness][c.group] ?? -1 }));
    if (candidates.some((c) => c.closeness < 0)) return reviewed;
    const { order, answer } = fuseRanking(candidates, fusion);
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

/** The lead with the best net gain on `observations` (the higher one on a tie). */
function bestLead(observations: OpinionObservation[], wrongWeight: number): number {
  const gains = LEADS.map((lead) => net(outcomeOf(observations, fusedReview({ ...FUSION, lead })), wrongWeight));
  return LEADS[gains.lastIndexOf(Math.max(...gains))]!;
}

/** Right entry first among in-scope questions: answered with it or asked with it first. */
function firsts(observations: OpinionObservation[], review: Review): number {
  return observations.filter((o) => !o.outOfScope && o.status !== "fallback" && review(o).right).length;
}

const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(1)}%` : "-").padStart(6);
const cells = (o: Outcome, first: number) =>
  `${pct(first, o.inScope)} ${pct(o.right, o.inScope)} ${pct(o.wrong, o.inScope)} ${String(o.outAnswered).padStart(2)} ${pct(o.askedBackRight, o.inScope)} ${pct(o.refused, o.outOfScope)}`;

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
    const rows = sets.map((set) => {
      const left = observations.filter((o) => o.set === set);
      const lead = bestLead(observations.filter((o) => o.set !== set), wrongWeight);
      const review = fusedReview({ ...FUSION, lead });
      const [a, b] = [outcomeOf(left, before), outcomeOf(left, review)];
      const [fa, fb] = [firsts(left, before), firsts(left, review)];
      console.log(`  ${set.padEnd(10)} ${cells(a, fa)}   ->  ${cells(b, fb)}   (lead ${lead})`);
      return { a, b, fa, fb };
    });
    const [a, b] = [sum(rows.map((r) => r.a)), sum(rows.map((r) => r.b))];
    const [fa, fb] = [rows.reduce((s, r) => s + r.fa, 0), rows.reduce((s, r) => s + r.fb, 0)];
    console.log(`  ${"all".padEnd(10)} ${cells(a, fa)}   ->  ${cells(b, fb)}`);
  }
  const counts = (review: Review) => {
    const o = outcomeOf(observations, review);
    return `${o.right} right / ${o.wrong} wrong / ${o.outAnswered} out`;
  };
  console.log(`  without it: ${counts(before)}; the lead on all sets (used: ${FUSION.lead}): ${LEADS.map((lead) => `${lead}: ${counts(fusedReview({ ...FUSION, lead }))}`).join("   ")}`);
  console.log(
    `  not used: the closest phrasing alone: ${counts(fusedReview(FUSION, "cosines"))}; weight 1: ${counts(fusedReview({ ...FUSION, weight: 1 }))}; weight 2: ${counts(fusedReview({ ...FUSION, weight: 2 }))}; the engine's first 3 groups: ${counts(fusedReview(FUSION, "closeness", 3))}`,
  );
}
