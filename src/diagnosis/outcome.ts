import type { Answer, Context, Duration, Fee, Rule } from "../knowledge/schema.js";
import { appliesTo, type FactQuery } from "../knowledge/facts.js";
import { describeContext, dimensionsOf, type CaseContext } from "./context.js";
import { daysBetween, type IsoDate } from "../calendar/dates.js";
import { endOf, longest } from "../calendar/durations.js";
import type { DiagnosisKnowledge, EntryRef } from "./knowledge.js";
import type { RankedCause } from "./ranking.js";

export interface OutcomeCause {
  id: string;
  title: string;
  url: string;
  /** 0..1; 1 when the customer confirmed the cause from the rejection notice. */
  probability: number;
  fix: string;
  avoid: string;
  send: string[];
  /** The answers that point to this cause. */
  because: Array<{ question: string; answer: Answer }>;
}

export interface Deadline {
  duration: Duration;
  entryId: string;
  rejectionDate?: IsoDate;
  /** Last day to reply, when the rejection date is known. */
  date?: IsoDate;
  /** Days from today to `date`; negative once it has passed. */
  daysLeft?: number;
}

export interface Resubmission {
  fee?: { fee: Fee; entryId: string };
  restarts?: { rule: Rule; entryId: string };
}

export interface Outcome {
  context: CaseContext;
  causes: OutcomeCause[];
  where?: EntryRef;
  contact?: string;
  deadline?: Deadline;
  resubmission: Resubmission;
  /** The answers in a few lines, without customer identifiers: ready to paste into a ticket. */
  summary: string;
}

export interface Handoff {
  reason: string;
  contact?: string;
  where?: EntryRef;
  summary: string;
}

/** A variant applies only when the customer gave a value for each dimension it names, and that value is listed. */
function strictlyMatches(when: Context, context: CaseContext): boolean {
  const ok = <T>(allowed: readonly T[] | undefined, value: T | undefined) => !allowed || (value !== undefined && allowed.includes(value));
  return dimensionsOf(when).length > 0 && ok(when.directions, context.direction) && ok(when.countries, context.country) && ok(when.kinds, context.kind);
}

/** The customer's case as a fact query: what they were not sure about matches facts for any value. */
function factQuery(context: CaseContext): FactQuery {
  return {
    ...(context.kind ? { kinds: [context.kind] } : {}),
    ...(context.country ? { country: context.country } : {}),
    ...(context.direction ? { direction: context.direction } : {}),
  };
}

export function outcomeCause(ranked: RankedCause, context: CaseContext): OutcomeCause {
  const d = ranked.cause.diagnosis;
  const variant = d.variants.find((v) => strictlyMatches(v.when, context));
  return {
    id: ranked.cause.id,
    title: ranked.cause.title,
    url: ranked.cause.url,
    probability: ranked.probability,
    fix: variant?.fix ?? d.fix,
    avoid: variant?.avoid ?? d.avoid,
    send: variant?.send ?? d.send,
    because: ranked.support.map((q) => ({ question: q.text, answer: q.points_to })),
  };
}

export function deadlineFor(knowledge: DiagnosisKnowledge, rejectionDate: IsoDate | undefined, today: IsoDate): Deadline | undefined {
  const window = knowledge.replyWindow;
  if (!window) return undefined;
  if (!rejectionDate) return { duration: window.fact, entryId: window.entryId };
  // The reply window is the customer's, not a carrier's: only weekends are closed days.
  const date = endOf({ holidays: null }, rejectionDate, window.fact.unit, longest(window.fact));
  return { duration: window.fact, entryId: window.entryId, rejectionDate, date, daysLeft: daysBetween(today, date) };
}

export function resubmissionFor(knowledge: DiagnosisKnowledge, context: CaseContext): Resubmission {
  const query = factQuery(context);
  const fee = knowledge.resubmissionFees.find((f) => appliesTo(f.fact.applies_to, query));
  const rule = knowledge.restartRule;
  return {
    fee: fee && { fee: fee.fact, entryId: fee.entryId },
    restarts: rule && appliesTo(rule.fact.applies_to, query) ? { rule: rule.fact, entryId: rule.entryId } : undefined,
  };
}

export interface SummaryInput {
  context: CaseContext;
  answers: Array<{ question: string; answer: string }>;
  notice?: string;
  rejectionDate?: IsoDate;
  deadline?: IsoDate;
  causes: Array<{ title: string; probability: number }>;
  reason?: string;
}

/** Plain lines an agent can paste into a ticket; every free-text part has been redacted before it gets here. */
export function summarize(input: SummaryInput): string {
  const lines = ["Port rejection diagnosis", ...describeContext(input.context)];
  if (input.notice) lines.push(`Rejection notice: "${input.notice}"`);
  if (input.rejectionDate) lines.push(`Rejected on: ${input.rejectionDate}${input.deadline ? ` (reply by ${input.deadline})` : ""}`);
  if (input.answers.length) lines.push("Answers:", ...input.answers.map((a) => `- ${a.question} ${a.answer}`));
  // "The answers point to", not "likely causes": a hand-off may follow the customer saying none of them fits.
  lines.push(
    input.causes.length
      ? `The answers point to: ${input.causes.map((c) => `${c.title} (${Math.round(c.probability * 100)}%)`).join("; ")}`
      : "The answers point to no cause in particular",
  );
  if (input.reason) lines.push(`Handed off because: ${input.reason}`);
  return lines.join("\n");
}
