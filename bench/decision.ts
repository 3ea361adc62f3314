import { ANSWER_MODEL, answerChance, features, THRESHOLDS, type AnswerModel, type Evidence } from "../src/answer/decide.js";
import type { MeasuredEngine } from "../src/answer/engine.js";
import { answersBySection, type EvalCase } from "../src/answer/evaluate.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

/** One question as the decision sees it: the evidence for its first answer group and whether that group is right. */
export interface Observation {
  inScope: boolean;
  answerable: boolean;
  evidence?: Evidence;
  right: boolean;
}

export function observe(engine: MeasuredEngine, kb: KnowledgeBase, cases: EvalCase[]): Observation[] {
  const bySection = answersBySection(kb);
  return cases.map((c) => {
    const expected = new Set(c.expected.flatMap((x) => bySection.get(`${x.article}\u0000${x.section}`) ?? []));
    const a = engine.assess(c.question);
    return { inScope: c.expected.length > 0, answerable: a.answerable, evidence: a.evidence, right: a.firstGroup.some((id) => expected.has(id)) };
  });
}

/** How much more a wrong first group counts than a right one when the model is fitted. */
export const WRONG_WEIGHT = 3;

/** The rule this engine used before: a top score of at least `bar` and a 0.12 lead over the best other group. */
export const OLD_RULE = { margin: 0.12, bar: 0.55 };

type Rule = (e: Evidence, bar: number) => boolean;
export const oldRule: Rule = (e, bar) => e.score >= bar && e.lead >= OLD_RULE.margin;
export const newRule: Rule = (e, bar) => answerChance(e) >= bar;

/** Answered right / answered wrong (shares of in-scope questions) and out-of-scope answered, for one bar. */
export function outcome(obs: Observation[], rule: Rule, bar: number): { right: number; wrong: number; outAnswered: number } {
  const inScope = obs.filter((o) => o.inScope).length;
  const out = obs.length - inScope;
  let right = 0, wrong = 0, outAnswered = 0;
  for (const o of obs) {
    if (!o.answerable || !o.evidence || !rule(o.evidence, bar)) continue;
    if (!o.inScope) outAnswered += 1;
    else if (o.right) right += 1;
    else wrong += 1;
  }
  return { right: right / inScope, wrong: wrong / inScope, outAnswered: out ? outAnswered / out : 0 };
}

/**
 * Logistic regression (gradient descent, light L2) of "first group right" on the evidence of every answerable
 * question: what ANSWER_MODEL holds. A wrong first group weighs `wrongWeight` times a right one: answering
 * wrongly costs more than asking back.
 */
export function fitModel(obs: Observation[], wrongWeight = WRONG_WEIGHT, iterations = 20000, rate = 0.5, l2 = 0.001): AnswerModel {
  const data = obs.filter((o) => o.answerable && o.evidence).map((o) => ({ x: features(o.evidence!), y: o.inScope && o.right ? 1 : 0 }));
  const keys = Object.keys(features(data[0]!.x as unknown as Evidence)) as Array<keyof ReturnType<typeof features>>;
  const w: Record<string, number> = { intercept: 0, ...Object.fromEntries(keys.map((k) => [k, 0])) };
  for (let it = 0; it < iterations; it++) {
    const grad: Record<string, number> = Object.fromEntries(Object.keys(w).map((k) => [k, 0]));
    for (const { x, y } of data) {
      let z = w.intercept!;
      for (const k of keys) z += w[k]! * x[k];
      const err = (1 / (1 + Math.exp(-z)) - y) * (y === 1 ? 1 : wrongWeight);
      grad.intercept! += err;
      for (const k of keys) grad[k]! += err * x[k];
    }
    w.intercept! -= (rate * grad.intercept!) / data.length;
    for (const k of keys) w[k]! -= rate * (grad[k]! / data.length + l2 * w[k]!);
  }
  return w as unknown as AnswerModel;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** Prints both rules' curves side by side, per set, and the model refitted on the tuning sets. */
export function benchDecision(sets: Array<[string, Observation[]]>, tuning: string[]): void {
  console.log("Decision rules: answered right / answered wrong (of in-scope) / out-of-scope answered, as the bar moves.");
  console.log(`  old rule: score >= bar and lead >= ${OLD_RULE.margin} (was used at bar ${OLD_RULE.bar}); new rule: estimated chance >= bar (used at ${THRESHOLDS.answerBar}).`);
  const oldBars = [0.35, 0.45, 0.55, 0.65, 0.75];
  const newBars = [0.5, 0.6, 0.7, 0.8, THRESHOLDS.answerBar, 0.95];
  for (const [name, obs] of sets) {
    console.log(`  ${name}`);
    const rows = Math.max(oldBars.length, newBars.length);
    for (let i = 0; i < rows; i++) {
      const cell = (rule: Rule, bar: number | undefined) => {
        if (bar === undefined) return "".padEnd(34);
        const o = outcome(obs, rule, bar);
        return `bar ${bar.toFixed(2)} ${pct(o.right)} ${pct(o.wrong)} ${pct(o.outAnswered)}`.padEnd(34);
      };
      console.log(`    old ${cell(oldRule, oldBars[i])}   new ${cell(newRule, newBars[i])}`);
    }
  }
  const fitted = fitModel(sets.filter(([n]) => tuning.includes(n)).flatMap(([, o]) => o));
  const fmt = (m: AnswerModel) => Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
  console.log(`  model in use: ${fmt(ANSWER_MODEL)}`);
  console.log(`  refitted on ${tuning.join(" + ")}: ${fmt(fitted)}`);
}
