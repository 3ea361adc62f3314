import { ANSWER_DOUBT, encoderDoubts, leadOf, type AnswerDoubt } from "../src/answer/doubtful-answer.js";
import { FUSION, fuseRanking } from "../src/answer/fused-ranking.js";
import { choiceToAnswer, CLOSEST_CHOICE_BAR, nearestOf, REVIEW_BARS } from "../src/answer/second-opinion.js";
import { fusedReview, sum } from "./fused-ranking.js";
import type { OpinionObservation } from "./opinion-observations.js";
import { outcomeOf, WRONG_WEIGHT, type Outcome, type Review } from "./opinion.js";

let review: Review | undefined;
/**
 * The review as the second opinion gives it today, before the engine's own answers could be asked back; built on first
 * use, since bench/opinion.ts, which it builds on, imports this module.
 */
const today: Review = (o) => (review ??= fusedReview(FUSION))(o);

/** What an engine answer may be asked back on, beside its lead: true to ask it back. */
type Doubt = (o: OpinionObservation, lead: number) => boolean;

interface Variant {
  /** French and Spanish answers too. */
  foreign?: boolean;
  /** The encoder's nearest group, when among the first three choices at `CLOSEST_CHOICE_BAR` or more, is answered instead. */
  closestChoice?: boolean;
}

/** Today's review, then the engine's answers that `doubt` holds asked back (the answer first among the choices). */
function doubting(doubt: Doubt, { foreign = false, closestChoice = false }: Variant = {}): Review {
  return (o) => {
    const reviewed = today(o);
    if (o.status !== "answered" || (!foreign && o.language !== "en") || o.candidates.length < 2 || o.cosines.length === 0) return reviewed;
    if (!doubt(o, leadOf(o.candidates))) return reviewed;
    const nearest = nearestOf(o.cosines);
    const at = o.candidates.slice(0, 3).findIndex((c) => c.group === nearest);
    if (closestChoice && at > 0 && o.cosines[nearest]! >= CLOSEST_CHOICE_BAR) return { status: "answered", right: o.candidates[at]!.right };
    return { status: "clarify", right: o.candidates[0]!.right };
  };
}

const byRule = (doubt: AnswerDoubt): Doubt => (o, lead) => lead < doubt.lead && encoderDoubts(o.cosines, o.candidates[0]!.group, doubt);

const LEADS = [0.1, 0.15, 0.2, 0.25, 0.3];
const CLOSER_GROUPS = [1, 2, 3, 4, 5, 7, 10];
/** Every pair tried, and none (lead 0: nothing asked back). */
const GRID: AnswerDoubt[] = [{ lead: 0, closerGroups: 1 }, ...LEADS.flatMap((lead) => CLOSER_GROUPS.map((closerGroups) => ({ lead, closerGroups })))];

const net = (o: Outcome) => o.right - WRONG_WEIGHT * (o.wrong + o.outAnswered);

/** The parameter with the best net gain on `observations`; on a tie, the one answering more right, then the first ("none" starts every grid). */
function bestOf<T>(grid: T[], observations: OpinionObservation[], reviewOf: (parameter: T) => Review): T {
  const scored = grid.map((p) => outcomeOf(observations, reviewOf(p)));
  const best = scored.reduce((b, o, i) => (net(o) > net(scored[b]!) || (net(o) === net(scored[b]!) && o.right > scored[b]!.right) ? i : b), 0);
  return grid[best]!;
}

const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(1)}%` : "-").padStart(6);
const cells = (o: Outcome) => `${pct(o.right, o.inScope)} ${pct(o.wrong, o.inScope)} ${String(o.outAnswered).padStart(2)} ${pct(o.askedBackRight, o.inScope)} ${pct(o.refused, o.outOfScope)}`;
const counts = (o: Outcome) => `${o.right} right / ${o.wrong} wrong / ${o.outAnswered} out`;

/** Each set scored with the parameter chosen on the others: the per-set rows (when `print`), the totals and the choices. */
function crossValidated<T>(observations: OpinionObservation[], grid: T[], reviewOf: (parameter: T) => Review, label: (parameter: T) => string, print = false) {
  const sets = [...new Set(observations.map((o) => o.set))];
  const rows = sets.map((set) => {
    const left = observations.filter((o) => o.set === set);
    const chosen = bestOf(grid, observations.filter((o) => o.set !== set), reviewOf);
    const [a, b] = [outcomeOf(left, today), outcomeOf(left, reviewOf(chosen))];
    if (print) console.log(`  ${set.padEnd(10)} ${cells(a)}   ->  ${cells(b)}   (${label(chosen)})`);
    return { a, b, chosen: label(chosen) };
  });
  return { before: sum(rows.map((r) => r.a)), after: sum(rows.map((r) => r.b)), chosen: [...new Set(rows.map((r) => r.chosen))].join(", ") };
}

const pair = (d: AnswerDoubt) => (d.lead === 0 ? "none" : `lead < ${d.lead}, ${d.closerGroups}+ closer`);

/**
 * The engine's own answers asked back when their lead is low and the encoder puts other answer groups nearer: each set
 * scored with the pair chosen on the others (leave one set out) beside today's review, then the pair's curve on all
 * sets and the rules tried on the same answers that did not pay, cross-validated alike.
 */
export function benchDoubtfulAnswers(observations: OpinionObservation[]): void {
  console.log(
    `Engine answers asked back when their lead over the best other group is under a bar and the encoder puts at least N other groups nearer (used: ${pair(ANSWER_DOUBT)}); answered right / wrong (of in-scope), out-of-scope answered, asked back with the right first, out-of-scope refused; the pair chosen on the other sets (a wrong answer weighing ${WRONG_WEIGHT} right ones):`,
  );
  benchPaths(observations);
  const { before, after } = crossValidated(observations, GRID, (d) => doubting(byRule(d)), pair, true);
  console.log(`  ${"all".padEnd(10)} ${cells(before)}   ->  ${cells(after)}   net (right - ${WRONG_WEIGHT} x wrong) ${net(before)} -> ${net(after)}`);
  console.log(`  on all sets (today: ${counts(before)}):`);
  for (const lead of LEADS) {
    console.log(`    lead < ${lead}: ${CLOSER_GROUPS.map((closerGroups) => `${closerGroups}+ closer ${counts(outcomeOf(observations, doubting(byRule({ lead, closerGroups }))))}`).join("   ")}`);
  }
  const gaps = [-0.1, -0.07, -0.05, -0.03, 0];
  const tried: Array<[string, () => { after: Outcome; chosen: string }]> = [
    ["the engine's lead alone, no encoder", () => crossValidated(observations, [0, ...LEADS.slice(0, 3), 0.05, 0.08, 0.12], (lead) => doubting((_, l) => l < lead), (lead) => `${lead}`)],
    [
      "the encoder's cosine gap (the answer's closest phrasing minus the nearest other group's) below a bar, with the lead",
      () =>
        crossValidated(
          observations,
          [{ gap: -Infinity, lead: 0 }, ...gaps.flatMap((gap) => LEADS.map((lead) => ({ gap, lead })))],
          ({ gap, lead }) => doubting((o, l) => l < lead && o.cosines[o.candidates[0]!.group]! - Math.max(...o.cosines.filter((_, g) => g !== o.candidates[0]!.group)) < gap),
          ({ gap, lead }) => (lead === 0 ? "none" : `${gap}, ${lead}`),
        ),
    ],
    ["French and Spanish answers too", () => crossValidated(observations, GRID, (d) => doubting(byRule(d), { foreign: true }), pair)],
    ["the encoder's nearest among the choices answered instead at the closest-choice bar", () => crossValidated(observations, GRID, (d) => doubting(byRule(d), { closestChoice: true }), pair)],
    [
      "the review's own answers (encoder agreeing, re-ranked) asked back when the engine's lead and the encoder's margin over its second group are low",
      () =>
        crossValidated(
          observations,
          [{ lead: 0, margin: 0 }, ...[0.03, 0.05, 0.08, 0.1].flatMap((lead) => [0.01, 0.02, 0.04].map((margin) => ({ lead, margin })))],
          ({ lead, margin }) => reviewDoubting(lead, margin),
          ({ lead, margin }) => (lead === 0 ? "none" : `${lead}, ${margin}`),
        ),
    ],
  ];
  console.log(`  not used, each left out in turn with its parameters chosen on the others (today: ${counts(before)}; used: ${counts(after)}):`);
  for (const [label, run] of tried) {
    const { after: o, chosen } = run();
    console.log(`    ${label} (${chosen}): ${counts(o)}`);
  }
}

/** Which rule answered a question today: the engine alone, or one of the review's rules turning a "which of these?" into an answer. */
function pathOf(o: OpinionObservation): string | undefined {
  if (o.status === "answered") return "engine alone";
  if (o.status !== "clarify" || today(o).status !== "answered") return undefined;
  const offered = o.engine.map((g) => g.group);
  const at = o.cosines.length ? choiceToAnswer(o.cosines, offered, o.chance ?? 0, o.language !== "en") : -1;
  if (at > 0) return "encoder's nearest, another choice";
  if (at === 0) return o.language !== "en" ? "encoder agreeing (French, Spanish)" : (o.cosines[offered[0]!] ?? -1) >= REVIEW_BARS.agreement ? "encoder agreeing" : "encoder agreeing, engine leaning";
  const nearest = nearestOf(o.cosines);
  const candidates = o.candidates.map((c) => ({ score: c.score, closeness: o.closeness[c.group] ?? -1, cosine: o.cosines[c.group] ?? -1, nearest: c.group === nearest }));
  const { order } = fuseRanking(candidates, o.engine.length, FUSION);
  const fused = order.map((i) => candidates[i]!.score + FUSION.weight * candidates[i]!.closeness);
  if (fused[0]! - fused[1]! >= FUSION.lead) return "re-ranked, fused lead";
  return order[0] === 0 && o.engine.length <= FUSION.closeFirst.shown && candidates[0]!.cosine >= FUSION.closeFirst.bar ? "re-ranked, close first" : "re-ranked, nearest first";
}

/** Today's answers by the rule that gave them: right, wrong, out of scope. */
function benchPaths(observations: OpinionObservation[]): void {
  const tally = new Map<string, { right: number; wrong: number; out: number }>();
  for (const o of observations) {
    const path = pathOf(o);
    if (!path) continue;
    const t = tally.get(path) ?? { right: 0, wrong: 0, out: 0 };
    if (o.outOfScope) t.out += 1;
    else if (today(o).right) t.right += 1;
    else t.wrong += 1;
    tally.set(path, t);
  }
  console.log(`  today's answers by the rule that gave them (right / wrong / out of scope): ${[...tally].map(([path, t]) => `${path} ${t.right} / ${t.wrong} / ${t.out}`).join("; ")}`);
}

/** Today's review, with the answers it gave itself (the engine asked) asked back when the engine's lead and the encoder's margin are both low. */
function reviewDoubting(lead: number, margin: number): Review {
  return (o) => {
    const reviewed = today(o);
    if (o.status !== "clarify" || reviewed.status !== "answered" || (o.evidence?.lead ?? 0) >= lead) return reviewed;
    const [first, second] = [...o.cosines].sort((a, b) => b - a);
    return first! - second! < margin ? { status: "clarify", right: o.engine[0]?.right ?? false } : reviewed;
  };
}
