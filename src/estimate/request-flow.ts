import { z } from "zod";
import { NumberKind } from "../knowledge/schema.js";
import { dateInZone, PORTING_TIME_ZONE, type IsoDate } from "../calendar/dates.js";
import type { Facts } from "../reading/read.js";
import { opensAQuestion } from "../reading/question-shape.js";
import { noSubmissionDate } from "./estimate.js";
import type { FollowUp } from "./follow-up.js";
import { orderKinds } from "./fees.js";
import { Count, CountText, CountryText, EstimateDraft, SubmissionDate, parseEstimateInput, parseField, totalNumbers, type EstimateInput, type FieldProblem } from "./input.js";

/**
 * An estimate request completed one answer at a time: the facts of the first message, then only what is missing
 * (kinds and counts, country, submission date). Every reply is read by the same reader as the first message, so a
 * reply may answer the question and add other facts at once ("TX, submitting friday").
 */
export const RequestState = z.object({
  draft: EstimateDraft,
  /** Kinds named without a count, asked next. */
  uncounted: z.array(NumberKind),
  /** The customer has said which kinds are in the order. */
  kindsDone: z.boolean(),
  /** The question was about dates: the submission day is asked rather than taken as today. */
  needsDate: z.boolean(),
  /**
   * The question was about fees: how many numbers of each kind is asked. Dates do not depend on the count, so a
   * question only about dates ("how long does a Canadian wireless port take") is answered for one number.
   */
  needsCount: z.boolean().default(true),
  /** "Another country" was picked: its name is asked. */
  askCountryName: z.boolean(),
  /** A count the customer gave without a kind ("4 numbers"): the kind picked next gets it. */
  pendingCount: z.number().int().positive().optional(),
  /** A name that is a state and a country (Georgia): which one is asked. */
  shared: z.object({ name: z.string(), regionCountry: z.enum(["US", "CA"]), country: z.string() }).optional(),
});
export type RequestState = z.infer<typeof RequestState>;

export type Question =
  | {
      field: "kind";
      kinds: NumberKind[];
      /** At least one kind is counted and none waits for its kind: "that's all" is a valid answer. */
      canFinish: boolean;
      /** Numbers the customer counted without their kind ("4 numbers"), beside counted kinds or not ("2 phone lines and 1 fax"). */
      pending?: { count: number; others: boolean };
    }
  | { field: "count"; kind: NumberKind }
  | { field: "place"; name: string; regionCountry: "US" | "CA"; country: string }
  | { field: "country" }
  | { field: "country-name" }
  | { field: "submitted" }
  | { field: "done"; input: EstimateInput; context: string[] };

export interface Answered {
  state: RequestState;
  understood: boolean;
  problem?: FieldProblem;
}

/** The replies that end the list of kinds, and the button that asks for another country's name. */
const NO_MORE_KINDS = new Set(["thats all", "that is all", "no", "none", "nope", "done", "no more", "nothing else", "thats it"]);
/** Replies to "When will you submit?" that give no day: today is taken, and the estimate says so. */
const NO_DATE_YET = new Set(["not sure", "not sure yet", "unsure", "dont know", "i dont know", "dont know yet", "no idea", "idk", "dunno", "tbd", "not yet", "no date yet", "undecided"]);
/** Replies to "When will you submit?" that mean at once: today, not an expedite. */
const AT_ONCE = new Set(["asap", "as soon as possible", "now", "right now", "soon", "as soon as i can", "as soon as we can", "immediately", "right away"]);
/** A reply to "When will you submit?" with no day in it. */
const NO_DATE_READ = "I couldn't read a date in that: try 'tomorrow', 'next Monday' or 'Dec 14'.";
/** A reply written as a date ("2026-02-30"): the reason it is refused names that date, and nothing else. */
const DATE_SHAPED = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
const ANOTHER_COUNTRY = new Set(["another country", "other country", "a different country", "another"]);
/** Replies to "Which one do you mean?" (Georgia) that pick the state or province, or the country, without naming it. */
const REGION_SIDE = new Set(["state", "the state", "a state", "us state", "the us state", "province", "the province", "a province", "canadian province"]);
const COUNTRY_SIDE = new Set(["country", "the country", "a country", "the other one"]);

/** Today's date as already read on a clock, or the instant now, read in the order's time zone. */
export type Today = IsoDate | Date;

function todayOf(state: RequestState, now: Today): IsoDate {
  return typeof now === "string" ? now : dateInZone(now, state.draft.timeZone ?? PORTING_TIME_ZONE);
}

function said(text: string): string {
  return text.trim().toLowerCase().replace(/['’]/g, "").replace(/[.!]+$/, "").replace(/\s+/g, " ");
}

/**
 * Counts the reader read, checked with the input's Count schema ("-2 fax numbers", or a phone number typed as a
 * count); a kind whose count fails is reported and its count asked.
 */
function checkedNumbers(facts: Facts, problems: FieldProblem[]): { numbers: Partial<Record<NumberKind, number>>; bad: NumberKind[] } {
  const numbers: Partial<Record<NumberKind, number>> = {};
  const bad: NumberKind[] = [];
  for (const kind of NumberKind.options) {
    const count = facts.numbers[kind];
    if (count === undefined) continue;
    const checked = Count.safeParse(count);
    if (checked.success) {
      if (checked.data > 0) numbers[kind] = checked.data;
    } else {
      problems.push({ field: kind, message: checked.error.issues[0]!.message });
      bad.push(kind);
    }
  }
  return { numbers, bad };
}

/** The facts of a message added to the state; `explicitOnly` leaves out kinds counted as one only by the singular. */
function merge(state: RequestState, facts: Facts, problems: FieldProblem[], explicitOnly: boolean): RequestState {
  const { numbers, bad } = checkedNumbers(facts, problems);
  const uncounted = [...facts.uncounted, ...bad];
  if (explicitOnly) {
    for (const kind of facts.defaulted) {
      delete numbers[kind];
      uncounted.push(kind);
    }
  }
  const draft = { ...state.draft };
  if (orderKinds(numbers).length) draft.numbers = { ...draft.numbers, ...numbers };
  if (facts.country) {
    delete draft.place;
    draft.country = facts.country;
    if (facts.place) draft.place = facts.place;
  }
  if (facts.submitted) draft.submitted = facts.submitted;
  if (facts.deadline) draft.deadline = facts.deadline;
  if (facts.expedite) draft.expedite = true;
  if (facts.cancel) draft.cancel = true;
  if (facts.rejections) draft.rejections = facts.rejections;
  const next: RequestState = {
    ...state,
    draft,
    uncounted: [...new Set([...state.uncounted, ...uncounted])].filter((k) => draft.numbers?.[k] === undefined),
  };
  if (facts.country) delete next.shared;
  else if (facts.ambiguousPlace) next.shared = { name: facts.ambiguousPlace.name, regionCountry: facts.ambiguousPlace.regionCountry, country: facts.ambiguousPlace.country };
  if (facts.count) {
    const [kind] = next.uncounted;
    if (kind && orderKinds(numbers).length === 0) return { ...next, uncounted: next.uncounted.slice(1), draft: { ...draft, numbers: { ...draft.numbers, [kind]: facts.count } } };
    // Numbers of no kind, beside counted kinds or not ("2 phone lines and 1 fax"): their kind is asked.
    next.pendingCount = facts.count;
  }
  return next;
}

/** The first state, from the facts of the message that asked (none when a button started it). */
export function startRequest(facts: Facts | undefined, timeZone?: string): { state: RequestState; problems: FieldProblem[] } {
  const empty: RequestState = { draft: timeZone ? { timeZone } : {}, uncounted: [], kindsDone: false, needsDate: true, needsCount: true, askCountryName: false };
  if (!facts) return { state: empty, problems: [] };
  const problems: FieldProblem[] = [];
  const state = merge(empty, facts, problems, false);
  const wants = facts.wants.fees || facts.wants.dates ? facts.wants : { fees: true, dates: true };
  return {
    state: {
      ...state,
      kindsDone: (orderKinds(state.draft.numbers ?? {}).length > 0 || state.uncounted.length > 0) && state.pendingCount === undefined,
      // A fee question needs no date (today is used); a cancellation is priced, not dated.
      needsDate: wants.dates && !facts.cancel,
      needsCount: wants.fees,
    },
    problems,
  };
}

/**
 * The request behind an estimate just given, changed by a follow-up fragment ("and if expedited?", "what about 3
 * more", "for Quebec instead"): what the fragment states replaces the order's, numbers named are added when
 * `adding`, and only what the change leaves open is asked (which kind a bare count is, when the order had several).
 */
export function followUpRequest(previous: EstimateInput, change: FollowUp): { state: RequestState; problems: FieldProblem[] } {
  const { facts, adding } = change;
  const problems: FieldProblem[] = [];
  const { numbers: before, ...rest } = previous;
  const corrected = facts.correction && !adding ? correctedNumbers(before, facts) : undefined;
  if (corrected) {
    const base: RequestState = { draft: { ...rest, numbers: corrected }, uncounted: [], kindsDone: true, needsDate: false, needsCount: true, askCountryName: false };
    return { state: merge(base, { ...facts, numbers: {}, uncounted: [], defaulted: [], count: undefined }, problems, false), problems };
  }
  const { numbers: named, bad } = checkedNumbers(facts, problems);
  const uncounted = [...facts.uncounted, ...bad];
  let numbers: Partial<Record<NumberKind, number>> = before;
  let pendingCount: number | undefined;
  if (orderKinds(named).length > 0 || uncounted.length > 0) {
    numbers = adding ? sum(before, named) : named;
  } else if (facts.count !== undefined) {
    const checked = Count.safeParse(facts.count);
    const [only, ...others] = orderKinds(before);
    if (!checked.success) problems.push({ field: "count", message: checked.error.issues[0]!.message });
    else if (only && others.length === 0) numbers = { [only]: (adding ? before[only]! : 0) + checked.data };
    else if (checked.data > 0) [numbers, pendingCount] = [adding ? before : {}, checked.data];
  }
  const draft: EstimateDraft = { ...rest, numbers };
  // A name that is a state and a country (Georgia) replaces the place only once the customer says which.
  if (facts.ambiguousPlace && !facts.country) {
    delete draft.country;
    delete draft.place;
  }
  const base: RequestState = {
    draft,
    uncounted: uncounted.filter((k) => numbers[k] === undefined),
    kindsDone: pendingCount === undefined,
    needsDate: false,
    needsCount: true,
    askCountryName: false,
    ...(pendingCount === undefined ? {} : { pendingCount }),
  };
  return { state: merge(base, { ...facts, numbers: {}, uncounted: [], defaulted: [], count: undefined }, problems, false), problems };
}

/**
 * The order's numbers as a correction leaves them, or undefined when it corrects none: a bare count ("I meant 3")
 * or a kind alone ("actually it's toll free") applies to an order of one kind, keeping its count in the second
 * case; counted kinds ("sorry, 3 fax") replace theirs.
 */
export function correctedNumbers(before: Partial<Record<NumberKind, number>>, facts: Facts): Partial<Record<NumberKind, number>> | undefined {
  const [only, ...others] = orderKinds(before);
  const named = orderKinds(facts.numbers);
  const counted = named.filter((k) => !facts.defaulted.includes(k));
  if (counted.length > 0) {
    const numbers = { ...before };
    for (const kind of counted) {
      const checked = Count.safeParse(facts.numbers[kind]);
      if (!checked.success) return undefined;
      numbers[kind] = checked.data;
    }
    return numbers;
  }
  if (!only || others.length > 0) return undefined;
  if (named.length === 1 && facts.count === undefined) return named[0] === only ? undefined : { [named[0]!]: before[only]! };
  if (named.length === 0 && facts.count !== undefined) {
    const checked = Count.safeParse(facts.count);
    return checked.success && checked.data > 0 ? { [only]: checked.data } : undefined;
  }
  return undefined;
}

function sum(a: Partial<Record<NumberKind, number>>, b: Partial<Record<NumberKind, number>>): Partial<Record<NumberKind, number>> {
  const total = { ...a };
  for (const kind of orderKinds(b)) total[kind] = (total[kind] ?? 0) + b[kind]!;
  return total;
}

/** Kinds named without a count in a question only about dates: counted as one, and the estimate says why. */
function countedAsOne(state: RequestState): { state: RequestState; context: string[] } {
  if (state.needsCount || state.uncounted.length === 0) return { state, context: [] };
  const numbers = { ...state.draft.numbers, ...Object.fromEntries(state.uncounted.map((k) => [k, 1])) };
  const kinds = state.uncounted.map((k) => KIND_NAMES[k]).join(" and ");
  return {
    state: { ...state, uncounted: [], draft: { ...state.draft, numbers } },
    context: [`How many ${kinds} numbers was not said: the dates are the same for any number, so they are shown for one.`],
  };
}

const KIND_NAMES: Record<NumberKind, string> = { local: "local", wireless: "wireless", "toll-free": "toll-free", fax: "fax" };

export function nextQuestion(asked: RequestState, now: Today): Question {
  const { state, context: assumed } = countedAsOne(asked);
  const counted = orderKinds(state.draft.numbers ?? {});
  const [uncounted] = state.uncounted;
  if (uncounted) return { field: "count", kind: uncounted };
  const remaining = NumberKind.options.filter((k) => state.draft.numbers?.[k] === undefined);
  const pending = state.pendingCount;
  if (pending !== undefined && counted.length > 0) return { field: "kind", kinds: NumberKind.options, canFinish: false, pending: { count: pending, others: true } };
  if (counted.length === 0 || (!state.kindsDone && remaining.length > 0)) {
    return { field: "kind", kinds: remaining.length ? remaining : NumberKind.options, canFinish: counted.length > 0, ...(pending !== undefined ? { pending: { count: pending, others: false } } : {}) };
  }
  if (state.askCountryName) return { field: "country-name" };
  if (!state.draft.country && state.shared) return { field: "place", ...state.shared };
  if (!state.draft.country) return { field: "country" };
  // Numbers outside the home markets are quoted by the LNP department with no dates: the day is not asked.
  if (state.needsDate && !state.draft.submitted && state.draft.country !== "INTL") return { field: "submitted" };
  const input = parseEstimateInput({ ...state.draft, submitted: state.draft.submitted ?? todayOf(state, now) });
  return { field: "done", input, context: [...assumed, ...(state.draft.submitted ? [] : [noSubmissionDate(input.timeZone)])] };
}

function filled(before: RequestState, after: RequestState): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

/**
 * Applies one reply, read by the reader (`facts`), to the question the state is at. A reply the reader found
 * nothing in is checked against the question's own schema, so the customer is told what was wrong.
 */
export function answerQuestion(state: RequestState, text: string, facts: Facts, now: Today): Answered {
  const today = todayOf(state, now);
  const question = nextQuestion(state, today);
  const reply = said(text);
  const problems: FieldProblem[] = [];
  // "sorry I meant 3 not 30" to "Where are the numbers from?": the order is corrected, and the question asked again.
  if (facts.correction && question.field !== "kind" && question.field !== "count") {
    const corrected = correctedNumbers(state.draft.numbers ?? {}, facts);
    if (corrected) {
      const merged = merge({ ...state, draft: { ...state.draft, numbers: corrected } }, { ...facts, numbers: {}, uncounted: [], defaulted: [], count: undefined }, problems, true);
      return { state: merged, understood: true };
    }
  }
  switch (question.field) {
    case "kind": {
      if (question.canFinish && NO_MORE_KINDS.has(reply)) return { state: { ...state, kindsDone: true }, understood: true };
      // "what counts as local?", "is a DID a local number?": a question naming a kind picks none; it is answered aside.
      if (opensAQuestion(text) && facts.count === undefined && NumberKind.options.every((k) => (facts.numbers[k] ?? 1) === 1)) return { state, understood: false };
      const merged = merge(state, facts, problems, true);
      const pending = state.pendingCount;
      // The kind named without a count in the reply ("local", "fax"), also one already in the order.
      const [picked] = [...facts.defaulted, ...facts.uncounted].filter((k) => !state.uncounted.includes(k));
      if (pending && picked) {
        const { pendingCount: _p, ...rest } = merged;
        return { state: { ...rest, kindsDone: true, uncounted: rest.uncounted.filter((k) => k !== picked), draft: { ...rest.draft, numbers: { ...rest.draft.numbers, [picked]: (rest.draft.numbers?.[picked] ?? 0) + pending } } }, understood: true };
      }
      // The numbers of no kind were given with their kinds and counts ("6 local", "2 local and 1 fax"): the list is done.
      if (pending && NumberKind.options.some((k) => facts.numbers[k] !== undefined && !facts.defaulted.includes(k))) {
        const { pendingCount: _p, ...rest } = merged;
        return { state: { ...rest, kindsDone: true }, understood: true, ...(problems[0] ? { problem: problems[0] } : {}) };
      }
      if (filled(state, merged)) return { state: merged, understood: true, ...(problems[0] ? { problem: problems[0] } : {}) };
      return { state, understood: false, problem: problems[0] ?? { field: "kind", message: "pick local, wireless, toll-free or fax" } };
    }
    case "count": {
      const count = facts.count ?? (facts.defaulted.includes(question.kind) ? undefined : facts.numbers[question.kind]);
      if (count !== undefined) {
        const checked = Count.safeParse(count);
        if (!checked.success) return { state, understood: false, problem: { field: question.kind, message: checked.error.issues[0]!.message } };
        const merged = merge(state, { ...facts, count: undefined, numbers: {}, uncounted: [], defaulted: [] }, problems, true);
        return { state: { ...merged, uncounted: merged.uncounted.filter((k) => k !== question.kind), draft: { ...merged.draft, numbers: { ...merged.draft.numbers, [question.kind]: checked.data } } }, understood: true };
      }
      const typed = parseField(CountText, text);
      if (typed.ok) return { state: { ...state, uncounted: state.uncounted.filter((k) => k !== question.kind), draft: { ...state.draft, numbers: { ...state.draft.numbers, [question.kind]: typed.value } } }, understood: true };
      return { state, understood: false, problem: { field: question.kind, message: typed.message } };
    }
    case "place":
    case "country":
    case "country-name": {
      if (question.field === "country" && ANOTHER_COUNTRY.has(reply)) return { state: { ...state, askCountryName: true }, understood: true };
      if (question.field === "place" && (REGION_SIDE.has(reply) || COUNTRY_SIDE.has(reply))) {
        const { shared: _shared, ...rest } = state;
        const { place: _place, ...draft } = state.draft;
        const side = REGION_SIDE.has(reply) ? { country: question.regionCountry } : { country: "INTL" as const, place: question.country };
        return { state: { ...rest, draft: { ...draft, ...side } }, understood: true };
      }
      // A number here is an area code or a slip, not more numbers to port.
      const merged = merge(state, { ...facts, count: undefined }, problems, true);
      if (merged.draft.country) return { state: { ...merged, askCountryName: false }, understood: true };
      if (merged.shared && !state.shared) return { state: merged, understood: true };
      const country = parseField(CountryText, text);
      if (!country.ok) return { state: filled(state, merged) ? merged : state, understood: filled(state, merged), problem: { field: "country", message: country.message } };
      const { place: _place, ...draft } = merged.draft;
      return {
        state: { ...merged, askCountryName: false, draft: { ...draft, country: country.value.country, ...(country.value.place ? { place: country.value.place } : {}) } },
        understood: true,
      };
    }
    case "submitted": {
      if (NO_DATE_YET.has(reply)) return { state: { ...state, needsDate: false }, understood: true };
      if (AT_ONCE.has(reply)) return { state: { ...state, draft: { ...state.draft, submitted: today } }, understood: true };
      const merged = merge(state, { ...facts, count: undefined }, problems, true);
      if (merged.draft.submitted) return { state: merged, understood: true };
      // "what if we wait a week?": a question is answered aside and the day asked again.
      if (opensAQuestion(text) && !filled(state, merged)) return { state, understood: false };
      const date = parseField(SubmissionDate, text);
      // A reply with no date in it is never quoted back: it may hold a phone number or a PIN.
      const problem = DATE_SHAPED.test(text) && !date.ok ? { field: "submitted", message: date.message } : { field: "submitted", message: NO_DATE_READ, plain: true };
      if (!date.ok) return { state: filled(state, merged) ? merged : state, understood: filled(state, merged), problem };
      return { state: { ...merged, draft: { ...merged.draft, submitted: date.value } }, understood: true };
    }
    case "done":
      return { state, understood: true };
  }
}

/** How many numbers the order has so far. */
export function orderSize(state: RequestState): number {
  return totalNumbers(state.draft.numbers);
}
