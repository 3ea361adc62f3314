import { z } from "zod";
import { Answer, Id, type Context } from "../knowledge/schema.js";
import { redact } from "../privacy/redact.js";
import { ANSWER_CHOICES, NOT_SURE_WORDS, answerLabel, pickAnswer, pickChoice, type Choice } from "./choices.js";
import { CONTEXT_QUESTIONS, CaseContext, DIMENSIONS, dimensionsOf, matchesContext, withContextAnswer, type Dimension } from "./context.js";
import { IsoDate } from "../calendar/dates.js";
import { parseRejectionDate } from "./rejection-date.js";
import type { Cause, DiagnosisKnowledge } from "./knowledge.js";
import { durationLimit } from "../render/wording.js";
import {
  deadlineFor,
  outcomeCause,
  resubmissionFor,
  summarize,
  type Handoff,
  type Outcome,
} from "./outcome.js";
import { clearLeader, likelyCauses, nextQuestion, questionsFor, rankCauses, settledCauses, type RankedCause } from "./ranking.js";

/** Replies that are not one of the choices, in a row, before a person takes over: each of the first two is asked again. */
export const MAX_MISSES = 3;
/** "Not sure" answers in a row that mean the questions are not getting anywhere. */
export const MAX_UNSURE = 3;
/**
 * Questions asked before a result, at most: context, notice confirmations and yes/no questions. The rejection date
 * asked with the result (to date the reply deadline of a port-in) is not one of them.
 */
export const MAX_QUESTIONS = 6;

/** Everything the diagnosis remembers between turns; kept in conversation state, so validated when read back. */
export const DiagnosisState = z
  .object({
    context: CaseContext.default({}),
    /** Context questions answered, "not sure" included. */
    asked: z.array(z.enum(["direction", "country", "kind"])).default([]),
    /** Yes/no answers by question id, in the order given. */
    answers: z.record(z.string(), Answer).default({}),
    /** A pasted rejection notice or the customer's story (redacted), and the causes it names, most likely first. */
    notice: z
      .object({ text: z.string(), candidates: z.array(Id), refused: z.array(Id).default([]), kind: z.enum(["notice", "story"]).default("notice") })
      .strict()
      .optional(),
    confirmed: Id.optional(),
    /** The "which reason does the rejection give?" question was answered (a cause picked is `confirmed`). */
    reasonAsked: z.boolean().default(false),
    rejectionDate: z.union([IsoDate, z.literal("unknown")]).optional(),
    verdict: z.enum(["fits", "none"]).optional(),
    misses: z.number().int().nonnegative().default(0),
  })
  .strict();
export type DiagnosisState = z.infer<typeof DiagnosisState>;

export interface Prompt {
  text: string;
  why: string;
  choices: Choice[];
  /** The reply may be free text (a date) besides the choices. */
  freeText?: boolean;
}

export type Step =
  | (Prompt & { kind: "context"; id: Dimension })
  | (Prompt & { kind: "question"; id: string; causeId: string })
  | (Prompt & { kind: "confirm"; causeId: string; title: string; /** The causes the text points to, most likely first. */ ranked: string[] })
  | (Prompt & { kind: "reason" })
  | (Prompt & { kind: "date" })
  | (Prompt & { kind: "outcome"; outcome: Outcome })
  | { kind: "done"; outcome: Outcome }
  | { kind: "handoff"; handoff: Handoff };

/** What a reply does to the diagnosis: the next state, and whether the reply was understood. */
export interface ReplyResult {
  state: DiagnosisState;
  /** False when the reply was none of the choices: the same step is asked again (or handed off). */
  understood: boolean;
}

const REASON_NOT_SURE: Choice = { value: "not-sure", label: "Not sure", aliases: [...NOT_SURE_WORDS, "none", "none of these", "other", "something else"] };
const SKIP_DATE: Choice = { value: "unknown", label: "I don't know the date", aliases: [...NOT_SURE_WORDS, "unknown"] };
const VERDICT: Choice[] = [
  { value: "fits", label: "That's it", aliases: ["yes", "y", "thanks", "thank you", "ok", "okay", "done", "got it", "that fits", "it fits", "one of these"] },
  { value: "none", label: "None of these", aliases: ["none", "no", "n", "none of them", "neither", "not sure", "something else", "other"] },
];

/**
 * A new diagnosis; the opening message may already hold the rejection notice (or the customer's story) and the
 * rejection date, and the caller may already know part of the context (port in or out, country, kind of number).
 */
export function startDiagnosis(knowledge: DiagnosisKnowledge, opening: string | undefined, today: IsoDate, context: CaseContext = {}): DiagnosisState {
  const state = DiagnosisState.parse({ context });
  if (!opening) return state;
  const date = parseRejectionDate(opening, today);
  return withNotice(knowledge, { ...state, rejectionDate: date }, opening);
}

/** Where a message gives the reason of a rejection: "rejected because…", "REJECT - …", "refusé : …". */
const GIVES_A_REASON = /\b(?:because|due to|for|over|reason|since|as|parce que|car|a cause|pour|porque|debido|por|razon|motivo)\b|\s[:\-–—]\s|^[^:]{0,40}:|\b(?:rejected|reject|rej|refused|denied|declined|refuse|rechazad[oa])\s*[:\-–—]\s*\w/i;

/**
 * Whether a message says the port was rejected and gives a reason, yet names no cause the knowledge lists ("REJECT -
 * EARLY TERMINATION", "rejected: port protection is on"): the diagnosis says so rather than guess one.
 */
export function rejectedForAnUnknownReason(knowledge: DiagnosisKnowledge, text: string): boolean {
  const reading = knowledge.reader.read(text);
  const normalized = text.normalize("NFD").replace(/\p{M}/gu, "");
  return reading.failed && !reading.causes.some((m) => m.via !== "neighbour") && GIVES_A_REASON.test(normalized);
}

/** Causes a notice or a story can offer to confirm, most likely first. */
const MAX_CANDIDATES = 3;

function withNotice(knowledge: DiagnosisKnowledge, state: DiagnosisState, text: string): DiagnosisState {
  const reading = knowledge.reader.read(text, state.context);
  // A text that tells the direction ("LSR", "port out") rules out the causes of the other one.
  const fits = (m: (typeof reading.causes)[number]) => !reading.direction || (m.cause.diagnosis.when?.directions ?? [reading.direction]).includes(reading.direction);
  // Neighbours the text says nothing about are left to the questions rather than put to the customer one by one.
  const causes = reading.causes.filter((m) => m.via !== "neighbour" && fits(m));
  if (!causes.length) return state;
  return {
    ...state,
    notice: { text: redact(text.trim()), candidates: causes.slice(0, MAX_CANDIDATES).map((m) => m.cause.id), refused: [], kind: reading.kind },
  };
}

function causeById(knowledge: DiagnosisKnowledge, id: string): Cause | undefined {
  return knowledge.causes.find((c) => c.id === id);
}

function pendingSuspect(knowledge: DiagnosisKnowledge, state: DiagnosisState): Cause | undefined {
  return openSuspects(knowledge, state)[0];
}

/** The causes the text named, best first, not refused and not ruled out by the direction of the port. */
function openSuspects(knowledge: DiagnosisKnowledge, state: DiagnosisState): Cause[] {
  if (state.confirmed || !state.notice) return [];
  const { direction } = state.context;
  return state.notice.candidates
    .filter((id) => !state.notice!.refused.includes(id))
    .map((id) => causeById(knowledge, id))
    .filter((cause): cause is Cause => cause !== undefined && (direction === undefined || (cause.diagnosis.when?.directions ?? [direction]).includes(direction)));
}

/**
 * Whether the causes a text names happen in different directions ("INVALID PASSCODE": a port-out PIN, or a port-in
 * account PIN): the direction is then asked before any of them is put to the customer.
 */
function suspectsSplitByDirection(knowledge: DiagnosisKnowledge, state: DiagnosisState): boolean {
  if (state.context.direction !== undefined || state.asked.includes("direction")) return false;
  const only = new Set(openSuspects(knowledge, state).map((c) => c.diagnosis.when?.directions).filter((d) => d?.length === 1).map((d) => d![0]));
  return only.size > 1;
}

/** Dimensions named by the conditions that still fit what is known, and not known or asked yet. */
function unknownDimensions(state: DiagnosisState, conditions: Array<Context | undefined>): Dimension[] {
  const named = new Set<Dimension>();
  for (const when of conditions) if (when && matchesContext(when, state.context)) for (const d of dimensionsOf(when)) named.add(d);
  return DIMENSIONS.filter((d) => named.has(d) && state.context[d] === undefined && !state.asked.includes(d));
}

/**
 * What to ask before showing these causes: the dimensions that choose their fix (variants), and for anything but
 * a port-out the country, which the resubmission fee depends on.
 */
function contextForResult(state: DiagnosisState, causes: Cause[]): Dimension[] {
  const needed = unknownDimensions(state, causes.flatMap((c) => c.diagnosis.variants.map((v) => v.when)));
  const country = state.context.direction !== "out" && state.context.country === undefined && !state.asked.includes("country");
  return DIMENSIONS.filter((d) => needed.includes(d) || (d === "country" && country));
}

/** The question picking the reason: the causes that fit the case, most common first, and "Not sure". */
function reasonStep(knowledge: DiagnosisKnowledge, state: DiagnosisState): Step | undefined {
  const refused = state.notice?.refused ?? [];
  const causes = knowledge.causes
    .filter((c) => matchesContext(c.diagnosis.when, state.context) && !refused.includes(c.id))
    .sort((a, b) => b.diagnosis.prior - a.diagnosis.prior);
  if (causes.length < 2) return undefined;
  return {
    kind: "reason",
    text: "Which of these reasons does the rejection give?",
    why: "If you know the reason, I can go straight to its fix; pick \"Not sure\" and I will ask a few questions instead.",
    choices: [...causes.map((c) => ({ value: c.id, label: c.title })), REASON_NOT_SURE],
  };
}

/** Questions asked so far: context, notice confirmations and yes/no questions. */
export function questionsAsked(state: DiagnosisState): number {
  const confirmations = state.notice ? state.notice.refused.length + (state.confirmed && !state.reasonAsked ? 1 : 0) : 0;
  return state.asked.length + (state.reasonAsked ? 1 : 0) + confirmations + Object.keys(state.answers).length;
}

/** A port-out, or causes that only happen to port-outs: the port-in deadline, fee and documents do not apply. */
function isPortOut(state: DiagnosisState, likely: RankedCause[]): boolean {
  if (state.context.direction) return state.context.direction === "out";
  return likely.length > 0 && likely.every((r) => r.cause.diagnosis.when?.directions?.every((d) => d === "out"));
}

function unsureStreak(state: DiagnosisState): number {
  const given = Object.values(state.answers);
  let streak = 0;
  for (let i = given.length - 1; i >= 0 && given[i] === "not-sure"; i--) streak += 1;
  return streak;
}

function ranked(knowledge: DiagnosisKnowledge, state: DiagnosisState): { causes: RankedCause[]; settled: boolean } {
  if (state.confirmed) {
    const cause = causeById(knowledge, state.confirmed);
    return { causes: cause ? [{ cause, probability: 1, support: [] }] : [], settled: true };
  }
  const all = rankCauses(knowledge.causes, state.context, state.answers);
  const settled = settledCauses(all);
  return { causes: settled ?? all, settled: settled !== undefined };
}

function rejectionDate(state: DiagnosisState): IsoDate | undefined {
  return state.rejectionDate === "unknown" ? undefined : state.rejectionDate;
}

function summaryOf(knowledge: DiagnosisKnowledge, state: DiagnosisState, causes: RankedCause[], today: IsoDate, reason?: string): string {
  const asked = new Map(knowledge.causes.flatMap((c) => c.diagnosis.questions.map((q) => [q.id, q.text] as const)));
  const date = rejectionDate(state);
  return summarize({
    context: state.context,
    notice: state.notice?.text,
    rejectionDate: date,
    deadline: deadlineFor(knowledge, date, today)?.date,
    answers: [
      ...(state.notice ? state.notice.candidates.map((id) => ({ question: `Notice names "${causeById(knowledge, id)?.title ?? id}"?`, answer: id === state.confirmed ? "Yes" : state.notice!.refused.includes(id) ? "No" : "not asked" })) : []),
      ...Object.entries(state.answers).map(([id, a]) => ({ question: asked.get(id) ?? id, answer: answerLabel(a) })),
    ],
    causes: causes.map((r) => ({ title: r.cause.title, probability: r.probability })),
    reason,
  });
}

function handoff(knowledge: DiagnosisKnowledge, state: DiagnosisState, today: IsoDate, reason: string): Step {
  const likely = state.confirmed ? ranked(knowledge, state).causes : likelyCauses(ranked(knowledge, state).causes);
  return {
    kind: "handoff",
    handoff: { reason, contact: knowledge.contact, where: knowledge.whereToSend, summary: summaryOf(knowledge, state, likely, today, reason) },
  };
}

function outcome(knowledge: DiagnosisKnowledge, state: DiagnosisState, likely: RankedCause[], today: IsoDate): Outcome {
  const date = rejectionDate(state);
  const portOut = isPortOut(state, likely);
  return {
    context: state.context,
    causes: likely.map((r) => outcomeCause(r, state.context)),
    where: portOut ? undefined : knowledge.whereToSend,
    contact: knowledge.contact,
    deadline: portOut ? undefined : deadlineFor(knowledge, date, today),
    resubmission: portOut ? {} : resubmissionFor(knowledge, state.context),
    summary: summaryOf(knowledge, state, likely, today),
  };
}

function dateStep(knowledge: DiagnosisKnowledge): Step {
  const window = knowledge.replyWindow?.fact;
  return {
    kind: "date",
    text: "On what date was the port rejected? (for example 2026-03-02, \"yesterday\" or \"3 days ago\")",
    why: window
      ? `You have ${durationLimit(window)} to answer a rejection; with the date I can tell you the last day.`
      : "With the date I can tell you by when to answer.",
    choices: [SKIP_DATE],
    freeText: true,
  };
}

/** What to do next, computed from the knowledge and the state alone. */
export function nextStep(knowledge: DiagnosisKnowledge, state: DiagnosisState, today: IsoDate): Step {
  if (state.misses >= MAX_MISSES) return handoff(knowledge, state, today, "the answers did not match the choices offered");
  if (state.verdict === "none") return handoff(knowledge, state, today, "the customer says none of these causes fits");

  if (suspectsSplitByDirection(knowledge, state)) return { kind: "context", ...CONTEXT_QUESTIONS.direction };
  const suspect = pendingSuspect(knowledge, state);
  if (suspect) {
    const notice = state.notice!;
    return {
      kind: "confirm",
      causeId: suspect.id,
      title: suspect.title,
      ranked: notice.candidates,
      text: notice.refused.length
        ? `Could it be "${suspect.title}" instead?`
        : notice.kind === "story"
          ? `What you describe points to "${suspect.title}". Is that what happened?`
          : `Your rejection notice points to "${suspect.title}". Is that the reason it gives?`,
      why: "If the notice names the reason, I can go straight to the fix instead of asking everything.",
      choices: [...ANSWER_CHOICES],
    };
  }

  // A conversation saved before the knowledge base dropped the cause it confirmed.
  if (state.confirmed && !causeById(knowledge, state.confirmed)) return handoff(knowledge, state, today, "the confirmed cause is no longer in the knowledge base");

  const asked = questionsAsked(state);
  const context = (d: Dimension): Step => ({ kind: "context", ...CONTEXT_QUESTIONS[d] });

  let likely: RankedCause[];
  if (state.confirmed) likely = ranked(knowledge, state).causes;
  else {
    if (state.context.direction === undefined && !state.asked.includes("direction") && asked < MAX_QUESTIONS) return context("direction");
    if (!state.reasonAsked && !Object.keys(state.answers).length && asked < MAX_QUESTIONS) {
      const reason = reasonStep(knowledge, state);
      if (reason) return reason;
    }
    if (unsureStreak(state) >= MAX_UNSURE) return handoff(knowledge, state, today, "the customer is not sure about the details the causes depend on");
    const { causes: all, settled } = ranked(knowledge, state);
    const next = settled || clearLeader(all) || asked >= MAX_QUESTIONS ? undefined : nextQuestion(knowledge.causes, state.context, state.answers);
    if (next) {
      // A question or cause that depends on the kind of number or the country asks it first, budget allowing.
      const dimension = unknownDimensions(state, [next.cause.diagnosis.when, next.question.when])[0];
      if (dimension && asked + 1 < MAX_QUESTIONS) return context(dimension);
      return {
        kind: "question",
        id: next.question.id,
        causeId: next.cause.id,
        text: next.question.text,
        why: next.question.why,
        choices: [...ANSWER_CHOICES],
      };
    }
    likely = likelyCauses(all);
    if (!likely.length) {
      const none = questionsFor(knowledge.causes, state.context).length === 0;
      return handoff(knowledge, state, today, none ? "no known cause applies to this kind of port" : "no cause stands out from the answers");
    }
  }

  const missing = contextForResult(state, likely.map((r) => r.cause))[0];
  if (missing && asked < MAX_QUESTIONS) return context(missing);
  if (state.rejectionDate === undefined && !isPortOut(state, likely)) return dateStep(knowledge);
  const result = outcome(knowledge, state, likely, today);
  if (state.verdict === "fits") return { kind: "done", outcome: result };
  return {
    kind: "outcome",
    outcome: result,
    text: likely.length > 1 ? "Does one of these match your rejection?" : "Does this match your rejection?",
    why: "If none fits, I will pass a summary to a person who can look at your order.",
    choices: VERDICT,
  };
}

/** Applies the customer's reply to the current step. */
export function reply(knowledge: DiagnosisKnowledge, state: DiagnosisState, text: string, today: IsoDate): ReplyResult {
  const step = nextStep(knowledge, state, today);
  const next = interpret(knowledge, state, step, text, today);
  if (next) return { state: { ...next, misses: 0 }, understood: true };
  // A pasted rejection notice is welcome at any question.
  if ((step.kind === "question" || step.kind === "context" || step.kind === "reason") && !state.confirmed) {
    const noticed = withNotice(knowledge, state, text);
    if (noticed.notice && noticed.notice !== state.notice) return { state: { ...noticed, misses: 0 }, understood: true };
  }
  if (step.kind === "done" || step.kind === "handoff") return { state, understood: false };
  return { state: { ...state, misses: state.misses + 1 }, understood: false };
}

function interpret(knowledge: DiagnosisKnowledge, state: DiagnosisState, step: Step, text: string, today: IsoDate): DiagnosisState | undefined {
  switch (step.kind) {
    case "context": {
      const choice = pickChoice(step.choices, text);
      return choice && { ...state, context: withContextAnswer(state.context, step.id, choice), asked: [...state.asked, step.id] };
    }
    case "question": {
      const answer = pickAnswer(text);
      return answer && { ...state, answers: { ...state.answers, [step.id]: answer } };
    }
    case "confirm": {
      const answer = pickAnswer(text);
      if (!answer || !state.notice) return undefined;
      return answer === "yes"
        ? { ...state, confirmed: step.causeId, context: withCauseDirection(state.context, causeById(knowledge, step.causeId)) }
        : { ...state, notice: { ...state.notice, refused: [...state.notice.refused, step.causeId] } };
    }
    case "reason": {
      const choice = pickChoice(step.choices, text);
      if (!choice) return undefined;
      if (choice.value === REASON_NOT_SURE.value) return { ...state, reasonAsked: true };
      return { ...state, reasonAsked: true, confirmed: choice.value, context: withCauseDirection(state.context, causeById(knowledge, choice.value)) };
    }
    case "date": {
      const date = parseRejectionDate(text, today);
      if (date) return { ...state, rejectionDate: date };
      return pickChoice(step.choices, text) ? { ...state, rejectionDate: "unknown" } : undefined;
    }
    case "outcome": {
      const choice = pickChoice(step.choices, text);
      return choice && { ...state, verdict: choice.value === "none" ? "none" : "fits" };
    }
    default:
      return undefined;
  }
}

/** A confirmed cause that only happens in one direction tells the direction. */
function withCauseDirection(context: CaseContext, cause: Cause | undefined): CaseContext {
  const directions = cause?.diagnosis.when?.directions;
  return context.direction === undefined && directions?.length === 1 ? { ...context, direction: directions[0] } : context;
}

/** True once the diagnosis needs no more replies. */
export function isFinished(step: Step): step is Extract<Step, { kind: "done" | "handoff" }> {
  return step.kind === "done" || step.kind === "handoff";
}
