import type { Answer, DiagnosisQuestion } from "../knowledge/schema.js";
import { matchesContext, type CaseContext } from "./context.js";
import type { Cause } from "./knowledge.js";

/**
 * Causes are ranked with a small Bayesian model: one hypothesis per cause relevant to the context plus
 * "something else" (the articles say they cannot list every reason), priors from the entries' `prior`,
 * and each yes/no answer as evidence about the cause whose question it is. Questions are asked in order
 * of expected information gain, so the most common causes are checked first.
 */

/** Share of rejections the knowledge base does not describe. */
const OTHER_PRIOR = 0.1;
/** A cause at or above this probability, backed by at least one answer, ends the questions. */
export const CLEAR_LEAD = 0.8;
/** The least probability a cause needs to be shown as likely once the questions run out. */
export const LIKELY = 0.3;
/** Below this a cause is ruled out and its remaining questions are skipped. */
const RULED_OUT = 0.02;

export const OTHER = "(other)";

/** P(the pointing answer | the question's own cause): 0.5 with no weight, 0.95 at full weight. */
const pointingIfCause = (weight: number) => 0.5 + 0.45 * weight;
/** P(the pointing answer | any other cause): a "no" says less than a "yes", since a cause can show in several ways. */
const pointingIfNot = (weight: number) => 0.5 - 0.35 * weight;

export interface AskedQuestion {
  question: DiagnosisQuestion;
  cause: Cause;
}

export type Beliefs = Map<string, number>;

export function relevantCauses(causes: Cause[], context: CaseContext): Cause[] {
  return causes.filter((c) => matchesContext(c.diagnosis.when, context));
}

export function questionsFor(causes: Cause[], context: CaseContext): AskedQuestion[] {
  return relevantCauses(causes, context).flatMap((cause) =>
    cause.diagnosis.questions.filter((q) => matchesContext(q.when, context)).map((question) => ({ question, cause })),
  );
}

function priors(causes: Cause[]): Beliefs {
  const total = causes.reduce((sum, c) => sum + c.diagnosis.prior, 0);
  const beliefs: Beliefs = new Map();
  for (const c of causes) beliefs.set(c.id, total > 0 ? ((1 - OTHER_PRIOR) * c.diagnosis.prior) / total : (1 - OTHER_PRIOR) / causes.length);
  beliefs.set(OTHER, causes.length ? OTHER_PRIOR : 1);
  return beliefs;
}

function likelihood(asked: AskedQuestion, hypothesis: string, pointing: boolean): number {
  const w = asked.question.weight;
  const p = hypothesis === asked.cause.id ? pointingIfCause(w) : pointingIfNot(w);
  return pointing ? p : 1 - p;
}

function update(beliefs: Beliefs, asked: AskedQuestion, pointing: boolean): Beliefs {
  const next: Beliefs = new Map();
  let total = 0;
  for (const [h, p] of beliefs) {
    const v = p * likelihood(asked, h, pointing);
    next.set(h, v);
    total += v;
  }
  for (const [h, v] of next) next.set(h, v / total);
  return next;
}

/** Beliefs over the causes relevant to the context, after the yes/no answers given so far. */
export function beliefsAfter(causes: Cause[], context: CaseContext, answers: Record<string, Answer>): Beliefs {
  const relevant = relevantCauses(causes, context);
  let beliefs = priors(relevant);
  for (const asked of questionsFor(causes, context)) {
    const answer = answers[asked.question.id];
    if (answer === undefined || answer === "not-sure") continue;
    beliefs = update(beliefs, asked, answer === asked.question.points_to);
  }
  return beliefs;
}

function entropy(beliefs: Beliefs): number {
  let h = 0;
  for (const p of beliefs.values()) if (p > 0) h -= p * Math.log2(p);
  return h;
}

/** How much the answer to a question is expected to reduce the uncertainty over causes, in bits. */
export function informationGain(beliefs: Beliefs, asked: AskedQuestion): number {
  let pPointing = 0;
  for (const [h, p] of beliefs) pPointing += p * likelihood(asked, h, true);
  const after = pPointing * entropy(update(beliefs, asked, true)) + (1 - pPointing) * entropy(update(beliefs, asked, false));
  return entropy(beliefs) - after;
}

/** The most informative question not answered yet, skipping those of causes already ruled out. */
export function nextQuestion(causes: Cause[], context: CaseContext, answers: Record<string, Answer>): AskedQuestion | undefined {
  const beliefs = beliefsAfter(causes, context, answers);
  let best: { asked: AskedQuestion; gain: number } | undefined;
  for (const asked of questionsFor(causes, context)) {
    if (asked.question.id in answers) continue;
    if ((beliefs.get(asked.cause.id) ?? 0) < RULED_OUT) continue;
    const gain = informationGain(beliefs, asked);
    if (!best || gain > best.gain + 1e-12) best = { asked, gain };
  }
  return best?.asked;
}

export interface RankedCause {
  cause: Cause;
  probability: number;
  /** Questions whose answer pointed to this cause. */
  support: DiagnosisQuestion[];
}

/** Causes ordered by probability, each with the answers that point to it. */
export function rankCauses(causes: Cause[], context: CaseContext, answers: Record<string, Answer>): RankedCause[] {
  const beliefs = beliefsAfter(causes, context, answers);
  const asked = questionsFor(causes, context);
  return relevantCauses(causes, context)
    .map((cause) => ({
      cause,
      probability: beliefs.get(cause.id) ?? 0,
      support: asked.filter((a) => a.cause.id === cause.id && answers[a.question.id] === a.question.points_to).map((a) => a.question),
    }))
    .sort((a, b) => b.probability - a.probability);
}

/**
 * The least weight of a question whose pointing answer settles its cause on its own, whether that answer is "yes"
 * ("a PO box is a guaranteed mismatch") or "no" ("the approval SMS was not answered in time").
 */
export const SETTLES = 0.85;

/** The causes a strong answer points to, each with its share of their probability; undefined when none is settled. */
export function settledCauses(ranked: RankedCause[]): RankedCause[] | undefined {
  const settled = ranked.filter((r) => r.support.some((q) => q.weight >= SETTLES));
  if (!settled.length) return undefined;
  const total = settled.reduce((sum, r) => sum + r.probability, 0);
  return settled.map((r) => ({ ...r, probability: total > 0 ? r.probability / total : 1 / settled.length }));
}

/**
 * Settled causes are certain, as if the customer had confirmed them: they are the only causes left and no more
 * questions are asked. Otherwise the ranking is returned unchanged.
 */
export function settle(ranked: RankedCause[]): RankedCause[] {
  return settledCauses(ranked) ?? ranked;
}

/** A cause clearly leads when it is this likely and at least one answer points to it. */
export function clearLeader(ranked: RankedCause[]): RankedCause | undefined {
  const top = ranked[0];
  return top && top.probability >= CLEAR_LEAD && top.support.length > 0 ? top : undefined;
}

/** The causes worth showing once the questions are over: supported by an answer and likely enough. */
export function likelyCauses(ranked: RankedCause[], limit = 3): RankedCause[] {
  const supported = ranked.filter((r) => r.support.length > 0);
  const top = supported[0];
  if (!top || top.probability < LIKELY) return [];
  return supported.filter((r) => r === top || r.probability >= LIKELY / 2).slice(0, limit);
}
