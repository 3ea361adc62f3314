import { z } from "zod";
import { NumberKind } from "../knowledge/schema.js";
import { dateInZone, PORTING_TIME_ZONE, type IsoDate } from "../calendar/dates.js";
import { noSubmissionDate } from "./estimate.js";
import { orderKinds } from "./fees.js";
import { CountText, CountryText, EstimateDraft, SubmissionDate, parseEstimateInput, parseField, type EstimateInput, type FieldProblem } from "./input.js";
import { missingFields, parseDateText, parseEstimateText } from "./parse-text.js";

/**
 * An estimate request completed one answer at a time: what the first message said, then only what is missing
 * (kinds and counts, country, submission date), each answer validated with the input schema.
 */
export const RequestState = z.object({
  draft: EstimateDraft,
  /** Kinds named without a count, asked next. */
  uncounted: z.array(NumberKind),
  /** The customer has said which kinds are in the order. */
  kindsDone: z.boolean(),
  /** The question was about dates: the submission day is asked rather than taken as today. */
  needsDate: z.boolean(),
  /** "Another country" was picked: its name is asked. */
  askCountryName: z.boolean(),
  /** A count the customer gave without a kind ("4 numbers"): the kind picked next gets it. */
  pendingCount: z.number().int().positive().optional(),
});
export type RequestState = z.infer<typeof RequestState>;

export type Question =
  | { field: "kind"; kinds: NumberKind[]; /** At least one kind is counted: "that's all" is a valid answer. */ canFinish: boolean }
  | { field: "count"; kind: NumberKind }
  | { field: "country" }
  | { field: "country-name" }
  | { field: "submitted" }
  | { field: "done"; input: EstimateInput; context: string[] };

export interface Answered {
  state: RequestState;
  understood: boolean;
  problem?: FieldProblem;
}

/** Words the kind question understands, and the reply that ends the list of kinds. */
export const KIND_ANSWERS: Record<NumberKind, RegExp> = {
  local: /^(?:local|landlines?|geographic(?:al)?)(?: numbers?)?$/,
  wireless: /^(?:wireless|cell(?:ular)?|cell ?phones?|mobiles?)(?: \(cell\))?(?: numbers?)?$/,
  "toll-free": /^toll[ -]?free(?: numbers?)?$|^tfn?$/,
  fax: /^e?fax(?:es)?(?: numbers?)?$/,
};
export const NO_MORE_KINDS = /^(?:that'?s all|that is all|no|none|nope|done|no more|nothing else)$/;
export const ANOTHER_COUNTRY = /^(?:another|other|a different) country$/;

/** Today's date as already read on a clock, or the instant now, read in the order's time zone. */
export type Today = IsoDate | Date;

function todayOf(state: RequestState, now: Today): IsoDate {
  return typeof now === "string" ? now : dateInZone(now, state.draft.timeZone ?? PORTING_TIME_ZONE);
}

function clean(text: string): string {
  return text.trim().toLowerCase().replace(/[.!]+$/, "").replace(/\s+/g, " ");
}

/** `timeZone`: the customer's, when the channel tells it; relative days in the request are read in it. */
export function startRequest(text: string | undefined, now: Today, timeZone?: string): { state: RequestState; problems: FieldProblem[] } {
  const empty: RequestState = { draft: timeZone ? { timeZone } : {}, uncounted: [], kindsDone: false, needsDate: true, askCountryName: false };
  if (!text?.trim()) return { state: empty, problems: [] };
  const parsed = parseEstimateText(text, todayOf(empty, now));
  const badCounts = parsed.problems.map((p) => NumberKind.safeParse(p.field)).flatMap((k) => (k.success ? [k.data] : []));
  return {
    state: {
      draft: { ...empty.draft, ...parsed.draft },
      uncounted: [...new Set([...parsed.uncounted, ...badCounts])],
      kindsDone: orderKinds(parsed.draft.numbers ?? {}).length > 0 || parsed.uncounted.length > 0,
      needsDate: parsed.wants.dates || parsed.problems.some((p) => p.field === "submitted"),
      askCountryName: false,
      ...(parsed.count ? { pendingCount: parsed.count } : {}),
    },
    problems: parsed.problems,
  };
}

export function nextQuestion(state: RequestState, now: Today): Question {
  const counted = orderKinds(state.draft.numbers ?? {});
  const [uncounted] = state.uncounted;
  if (uncounted) return { field: "count", kind: uncounted };
  const remaining = NumberKind.options.filter((k) => state.draft.numbers?.[k] === undefined);
  if (counted.length === 0 || (!state.kindsDone && remaining.length > 0)) {
    return { field: "kind", kinds: remaining.length ? remaining : NumberKind.options, canFinish: counted.length > 0 };
  }
  if (state.askCountryName) return { field: "country-name" };
  const missing = missingFields(state.draft, [], state.needsDate);
  if (missing.includes("country")) return { field: "country" };
  if (missing.includes("submitted")) return { field: "submitted" };
  const input = parseEstimateInput({ ...state.draft, submitted: state.draft.submitted ?? todayOf(state, now) });
  return { field: "done", input, context: state.draft.submitted ? [] : [noSubmissionDate(input.timeZone)] };
}

function withNumbers(state: RequestState, kind: NumberKind, count: number): RequestState {
  return { ...state, draft: { ...state.draft, numbers: { ...state.draft.numbers, [kind]: count } }, uncounted: state.uncounted.filter((k) => k !== kind) };
}

/** Applies one reply to the question the state is at. */
export function answerQuestion(state: RequestState, text: string, now: Today): Answered {
  const today = todayOf(state, now);
  const question = nextQuestion(state, today);
  const said = clean(text);
  switch (question.field) {
    case "kind": {
      if (question.canFinish && NO_MORE_KINDS.test(said)) return { state: { ...state, kindsDone: true }, understood: true };
      const kind = NumberKind.options.find((k) => KIND_ANSWERS[k].test(said));
      if (kind && state.pendingCount) {
        const { pendingCount, ...rest } = state;
        return { state: { ...withNumbers(rest, kind, pendingCount), kindsDone: true }, understood: true };
      }
      if (kind) return { state: { ...state, uncounted: [...state.uncounted, kind] }, understood: true };
      // "3 fax numbers" answers the kind and the count at once.
      const parsed = parseEstimateText(text, today);
      const numbers = parsed.draft.numbers ?? {};
      if (orderKinds(numbers).length === 0 && parsed.uncounted.length === 0) {
        return { state, understood: false, problem: { field: "kind", message: "pick local, wireless, toll-free or fax" } };
      }
      return { state: { ...state, draft: { ...state.draft, numbers: { ...state.draft.numbers, ...numbers } }, uncounted: [...state.uncounted, ...parsed.uncounted] }, understood: true };
    }
    case "count": {
      const count = parseField(CountText, text);
      if (!count.ok) return { state, understood: false, problem: { field: question.kind, message: count.message } };
      return { state: withNumbers(state, question.kind, count.value), understood: true };
    }
    case "country":
    case "country-name": {
      if (question.field === "country" && ANOTHER_COUNTRY.test(said)) return { state: { ...state, askCountryName: true }, understood: true };
      const country = parseField(CountryText, text);
      if (!country.ok) return { state, understood: false, problem: { field: "country", message: country.message } };
      const { place: _place, ...draft } = state.draft;
      return {
        state: { ...state, askCountryName: false, draft: { ...draft, country: country.value.country, ...(country.value.place ? { place: country.value.place } : {}) } },
        understood: true,
      };
    }
    case "submitted": {
      const date = parseField(SubmissionDate, parseDateText(text, today) ?? text);
      if (!date.ok) return { state, understood: false, problem: { field: "submitted", message: date.message } };
      return { state: { ...state, draft: { ...state.draft, submitted: date.value } }, understood: true };
    }
    case "done":
      return { state, understood: true };
  }
}
