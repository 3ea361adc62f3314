import type { MeasuredEngine } from "../src/answer/engine.js";
import type { AskStatus } from "../src/answer/result.js";
import { choiceToAnswer, createSecondOpinion, REVIEW_BARS, type ReviewBars } from "../src/answer/second-opinion.js";
import { loadSentenceEncoder } from "../src/answer/sentence-encoder.js";
import { VectorCache } from "../src/answer/vector-cache.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { vectorCacheFile } from "../src/paths.js";
import { benchFusedRanking } from "./fused-ranking.js";
import { observeOpinion, type OpinionObservation } from "./opinion-observations.js";

/** How much more a wrong (or out-of-scope) answer counts than a right one, in the fits and in the net gain. */
export const WRONG_WEIGHT = 3;

/** The review before another choice than the first could be answered. */
const FORMER_BARS: ReviewBars = { ...REVIEW_BARS, closestChoice: Infinity };

/** The status after a review, and whether the entry answered (or offered first) is right. */
export type Review = (o: OpinionObservation) => { status: AskStatus; right: boolean };

export const reviewWith = (bars: ReviewBars): Review => (o) => {
  const first = { status: o.status, right: o.engine[0]?.right ?? false };
  if (o.status !== "clarify" || o.cosines.length === 0 || o.engine.length === 0) return first;
  const at = choiceToAnswer(o.cosines, o.engine.map((g) => g.group), o.chance ?? 0, o.language !== "en", bars);
  return at < 0 ? first : { status: "answered", right: o.engine[at]!.right };
};

export interface Outcome {
  inScope: number;
  outOfScope: number;
  right: number;
  wrong: number;
  outAnswered: number;
  askedBackRight: number;
  refused: number;
}

export function outcomeOf(observations: OpinionObservation[], review: Review): Outcome {
  const o: Outcome = { inScope: 0, outOfScope: 0, right: 0, wrong: 0, outAnswered: 0, askedBackRight: 0, refused: 0 };
  for (const x of observations) {
    const { status, right } = review(x);
    if (x.outOfScope) {
      o.outOfScope += 1;
      if (status === "answered") o.outAnswered += 1;
      if (status === "fallback") o.refused += 1;
      continue;
    }
    o.inScope += 1;
    if (status === "answered") o[right ? "right" : "wrong"] += 1;
    if (status === "clarify" && right) o.askedBackRight += 1;
  }
  return o;
}

const net = (o: Outcome) => o.right - WRONG_WEIGHT * (o.wrong + o.outAnswered);

function sum(outcomes: Outcome[]): Outcome {
  const total: Outcome = { inScope: 0, outOfScope: 0, right: 0, wrong: 0, outAnswered: 0, askedBackRight: 0, refused: 0 };
  for (const o of outcomes) for (const k of Object.keys(total) as Array<keyof Outcome>) total[k] += o[k];
  return total;
}

const CLOSEST_CHOICE_BARS = [0.75, 0.8, 0.85, 0.9, 0.95];

/** The closest-choice bar with the best net gain on `observations` (the higher one on a tie). */
function bestBar(observations: OpinionObservation[]): number {
  const gains = CLOSEST_CHOICE_BARS.map((closestChoice) => net(outcomeOf(observations, reviewWith({ ...REVIEW_BARS, closestChoice }))));
  const best = Math.max(...gains);
  return CLOSEST_CHOICE_BARS[gains.lastIndexOf(best)]!;
}

/** Each set scored with `fit(the other sets)`. */
function leaveOneSetOut(observations: OpinionObservation[], fit: (training: OpinionObservation[]) => Review): Map<string, Outcome> {
  const sets = [...new Set(observations.map((o) => o.set))];
  return new Map(sets.map((set) => [set, outcomeOf(observations.filter((o) => o.set === set), fit(observations.filter((o) => o.set !== set)))]));
}

/** A model tried and not used: logistic regression over the engine's chance (log-odds), the cosine and its margin. */
function logisticReview(training: OpinionObservation[], bar: number): Review {
  const features = (o: OpinionObservation): number[] | undefined => {
    const first = o.engine[0];
    if (o.status !== "clarify" || o.language !== "en" || !first || o.cosines.length === 0) return undefined;
    const cosine = o.cosines[first.group]!;
    const rival = Math.max(...o.cosines.filter((_, g) => g !== first.group));
    const p = Math.min(0.999, Math.max(0.001, o.chance ?? 0));
    return [1, Math.log(p / (1 - p)), cosine, cosine - rival];
  };
  const data = training.flatMap((o) => {
    const x = features(o);
    return x ? [{ x, y: !o.outOfScope && o.engine[0]!.right ? 1 : 0 }] : [];
  });
  const w = fitLogistic(data);
  const former = reviewWith(FORMER_BARS);
  return (o) => {
    const x = features(o);
    if (!x) return former(o);
    const p = 1 / (1 + Math.exp(-x.reduce((s, xi, i) => s + xi * w[i]!, 0)));
    return { status: p >= bar ? "answered" : o.status, right: o.engine[0]!.right };
  };
}

/** Newton's method with light L2 on the weights (not the intercept); a 0 weighs WRONG_WEIGHT times a 1. */
function fitLogistic(data: Array<{ x: number[]; y: number }>, l2 = 0.001): number[] {
  const n = data[0]?.x.length ?? 0;
  let w: number[] = new Array(n).fill(0);
  for (let step = 0; step < 30; step++) {
    const g = w.map((wi, i) => (i === 0 ? 0 : l2 * data.length * wi));
    const h = w.map((_, i) => w.map((__, j) => (i === j && i > 0 ? l2 * data.length : 0)));
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-x.reduce((s, xi, i) => s + xi * w[i]!, 0)));
      const weight = y === 1 ? 1 : WRONG_WEIGHT;
      x.forEach((xi, i) => {
        g[i]! += weight * (p - y) * xi;
        x.forEach((xj, j) => (h[i]![j]! += weight * p * (1 - p) * xi * xj));
      });
    }
    // Gaussian elimination of h * delta = g.
    const m = h.map((row, i) => [...row, g[i]!]);
    for (let c = 0; c < n; c++) {
      for (let r = 0; r < n; r++) {
        if (r === c) continue;
        const f = m[r]![c]! / m[c]![c]!;
        for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
      }
    }
    w = w.map((wi, i) => wi - m[i]![n]! / m[i]![i]!);
  }
  return w;
}

const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(1)}%` : "-").padStart(6);
const cells = (o: Outcome) =>
  `${pct(o.right, o.inScope)} ${pct(o.wrong, o.inScope)} ${String(o.outAnswered).padStart(2)} ${pct(o.askedBackRight, o.inScope)} ${pct(o.refused, o.outOfScope)}`;
const counts = (o: Outcome) => `${o.right} right / ${o.wrong} wrong / ${o.outAnswered} out of scope answered, net ${net(o)}`;

/**
 * The second opinion's decision on every readable set: the former review beside today's, whose closest-choice bar is
 * chosen on the other sets (leave one set out), then that bar's curve on all sets, and the models tried and not used.
 */
export function benchOpinionDecision(observations: OpinionObservation[]): void {
  const sets = [...new Set(observations.map((o) => o.set))];
  console.log(`Second opinion's decision on ${sets.length} readable sets: answered right / wrong (of in-scope), out-of-scope answered, asked back with the right first, out-of-scope refused.`);
  console.log(`  former review (the first choice only; its bars were read off six of these sets) -> with another choice answered when it is the encoder's nearest group at >= the bar, chosen on the other sets:`);
  const former = new Map(sets.map((set) => [set, outcomeOf(observations.filter((o) => o.set === set), reviewWith(FORMER_BARS))]));
  const cv = leaveOneSetOut(observations, (training) => reviewWith({ ...REVIEW_BARS, closestChoice: bestBar(training) }));
  for (const set of sets) {
    const bar = bestBar(observations.filter((o) => o.set !== set));
    console.log(`  ${set.padEnd(10)} ${cells(former.get(set)!)}   ->  ${cells(cv.get(set)!)}   (bar ${bar})`);
  }
  const [a, b] = [sum([...former.values()]), sum([...cv.values()])];
  console.log(`  ${"all".padEnd(10)} ${cells(a)}   ->  ${cells(b)}   net (right - ${WRONG_WEIGHT} x wrong) ${net(a)} -> ${net(b)}`);
  console.log(`  closest-choice bar on all sets (used: ${REVIEW_BARS.closestChoice}): ${CLOSEST_CHOICE_BARS.map((closestChoice) => `${closestChoice}: ${net(sum([outcomeOf(observations, reviewWith({ ...REVIEW_BARS, closestChoice }))]))}`).join("   ")} (net)`);
  console.log(`  not used, each set scored by a fit on the others; former review: ${counts(a)}`);
  for (const bar of [0.5, 0.7]) {
    const o = sum([...leaveOneSetOut(observations, (training) => logisticReview(training, bar)).values()]);
    console.log(`    logistic model of the English "which of these?" (engine's log-odds, cosine, margin over the best other group), bar ${bar}: ${counts(o)}`);
  }
}

/** Observes every readable set through the engine and the encoder, then prints the decision's figures. */
export async function benchOpinion(kb: KnowledgeBase, engine: MeasuredEngine, root: string): Promise<void> {
  const opinion = await createSecondOpinion(kb, new VectorCache(await loadSentenceEncoder(), vectorCacheFile({})));
  const observations = await observeOpinion(kb, engine, opinion, root);
  benchOpinionDecision(observations);
  benchFusedRanking(observations);
}
