import type { Duration, KnowledgeBase, NumberKind } from "../knowledge/schema.js";
import { addBusinessDays, nextBusinessDay, type PortingCalendar } from "../calendar/business-days.js";
import { formatDate, type IsoDate } from "../calendar/dates.js";
import { durationsFor, ruleFor, type FactQuery, type FactSource, type Located } from "../knowledge/facts.js";
import type { Holiday } from "../calendar/holidays.js";
import type { EstimateInput } from "./input.js";
import { orderKinds } from "./fees.js";
import { countWords, describeDuration, joinWords } from "../render/wording.js";
import { endOf, longest } from "../calendar/durations.js";

export type StepKind = "port" | "rejection" | "sms-approval" | "sms-activation";

export interface TimelineStep {
  kind: StepKind;
  label: string;
  kinds: NumberKind[];
  /** The day the step counts from (itself not counted). */
  start: IsoDate;
  /** The last day of the step: completion, deadline, or the latest SMS activation. */
  end?: IsoDate;
  /** For SMS activation: the usual day, before `end`. */
  typicalEnd?: IsoDate;
  businessDays?: number;
  /** The fact's own duration in words: "5 business days", "up to 90 minutes". */
  duration: string;
  /** Holidays on weekdays that the step skipped. */
  skipped: Holiday[];
  source: FactSource;
}

export interface Timeline {
  submitted: IsoDate;
  /** The submission day as counted: the next business day when submitted on a weekend or holiday. */
  countsFrom: IsoDate;
  steps: TimelineStep[];
  completion: IsoDate;
  /** Rules from the knowledge base that shaped the dates. */
  rules: FactSource[];
}

export interface TimelineEstimate {
  timeline: Timeline | null;
  assumptions: string[];
}

const VOICE: NumberKind[] = ["local", "wireless", "toll-free"];
const SMS_CAPABLE: NumberKind[] = ["local", "wireless"];

/** Business days the estimator counts for a port duration; undefined when the fact cannot say. */
function businessDaysOf(duration: Duration): number | undefined {
  if (duration.business_days) return duration.business_days;
  if (duration.unit === "business-days") return duration.typical ?? duration.max ?? duration.min;
  return undefined;
}

function portLabel(kinds: NumberKind[], numbers: EstimateInput["numbers"]): string {
  return `Port of ${joinWords(kinds.map((k) => countWords(numbers[k] ?? 0, k)))}`;
}

interface Order {
  kinds: NumberKind[];
  businessDays: number;
  duration: Located<Duration>;
}

/** One order per carrier: voice kinds go together and take the longest of their intervals. */
function orders(kb: KnowledgeBase, input: EstimateInput, query: FactQuery): { orders: Order[]; missing: NumberKind[] } {
  const kinds = orderKinds(input.numbers);
  const groups = [kinds.filter((k) => VOICE.includes(k)), kinds.filter((k) => !VOICE.includes(k))].filter((g) => g.length > 0);
  const found: Order[] = [];
  const missing: NumberKind[] = [];
  for (const group of groups) {
    let longest: Order | undefined;
    for (const kind of group) {
      const duration = durationsFor(kb, "port", { ...query, kinds: [kind] }).find((d) => businessDaysOf(d.fact) !== undefined);
      if (!duration) {
        missing.push(kind);
        continue;
      }
      const days = businessDaysOf(duration.fact)!;
      if (!longest || days > longest.businessDays) longest = { kinds: group, businessDays: days, duration };
    }
    if (longest) found.push(longest);
  }
  return { orders: found, missing };
}

export function estimateTimeline(kb: KnowledgeBase, input: EstimateInput): TimelineEstimate {
  const kinds = orderKinds(input.numbers);
  const query: FactQuery = { kinds, country: input.country, direction: "in", date: input.submitted };
  const assumptions: string[] = [];

  if (input.cancel) {
    return { timeline: null, assumptions: ["A cancelled order does not complete, so there is no completion date."] };
  }
  const planned = orders(kb, input, query);
  if (planned.missing.length > 0 || planned.orders.length === 0) {
    const what = joinWords(planned.missing.map((k) => `${k} numbers`));
    assumptions.push(
      input.country === "INTL"
        ? "No date for numbers outside the US48 and Canada: the LNP department gives the timeline with its quote."
        : `No date: the knowledge base has no porting time for ${what} in this country; the LNP department can tell.`,
    );
    return { timeline: null, assumptions };
  }

  const rules: FactSource[] = [];
  const noHolidayPorts = ruleFor(kb, "no-weekend-or-holiday-ports", query);
  const calendar: PortingCalendar = { holidays: noHolidayPorts && input.country !== "INTL" ? input.country : null };
  if (noHolidayPorts) {
    rules.push(noHolidayPorts.source);
    assumptions.push(
      input.country === "CA"
        ? "Business days skip weekends and the general holidays of the Canada Labour Code, which federally regulated carriers follow; a holiday on a weekend is taken on the next working day."
        : "Business days skip weekends and US federal holidays; a holiday on a Saturday is taken on the Friday before, one on a Sunday on the Monday after.",
    );
  } else {
    assumptions.push("Business days skip weekends.");
  }
  assumptions.push("Days are counted from the day after submission: the submission day itself does not count.");

  const countsFrom = nextBusinessDay(calendar, input.submitted);
  if (countsFrom !== input.submitted) {
    assumptions.push(`${formatDate(input.submitted)} is not a business day, so the order counts as submitted on ${formatDate(countsFrom)}.`);
  }
  assumptions.push("The time of day of the submission is not taken into account.");

  const sequential = ruleFor(kb, "voice-fax-sequential", query);
  const restarts = ruleFor(kb, "resubmission-restarts-interval", query);
  const reply = durationsFor(kb, "rejection-reply", query)[0];
  const steps: TimelineStep[] = [];

  const approval = kinds.includes("wireless") ? durationsFor(kb, "sms-approval", { ...query, kinds: ["wireless"] })[0] : undefined;
  let start = countsFrom;
  let voiceEnd: IsoDate | undefined;
  let completion = countsFrom;
  planned.orders.forEach((order, index) => {
    const first = index === 0;
    const orderStart = sequential || first ? start : countsFrom;
    if (approval && order.kinds.includes("wireless")) {
      steps.push({ kind: "sms-approval", label: approval.fact.label, kinds: ["wireless"], start: orderStart, duration: describeDuration(approval.fact), skipped: [], source: approval.source });
    }
    let from = orderStart;
    let attempt = addBusinessDays(calendar, from, order.businessDays);
    const label = portLabel(order.kinds, input.numbers);
    steps.push({ kind: "port", label, kinds: order.kinds, start: from, end: attempt.end, businessDays: order.businessDays, duration: describeDuration(order.duration.fact), skipped: attempt.skipped, source: order.duration.source });
    // Expected rejections are put on the first order; in a chain the final date is the same either way.
    for (let r = 0; first && r < input.rejections; r++) {
      const deadline = reply ? endOf(calendar, attempt.end, reply.fact.unit, longest(reply.fact)) : attempt.end;
      if (reply) steps.push({ kind: "rejection", label: reply.fact.label, kinds: order.kinds, start: attempt.end, end: deadline, duration: describeDuration(reply.fact), skipped: [], source: reply.source });
      from = nextBusinessDay(calendar, deadline);
      if (restarts) {
        attempt = addBusinessDays(calendar, from, order.businessDays);
        steps.push({ kind: "port", label: `${label}, resubmitted`, kinds: order.kinds, start: from, end: attempt.end, businessDays: order.businessDays, duration: describeDuration(order.duration.fact), skipped: attempt.skipped, source: order.duration.source });
      } else {
        attempt = { end: from, skipped: [] };
      }
    }
    if (order.kinds.some((k) => VOICE.includes(k))) voiceEnd = attempt.end;
    if (attempt.end > completion) completion = attempt.end;
    start = attempt.end;
  });

  if (planned.orders.length > 1) {
    if (sequential) {
      rules.push(sequential.source);
      assumptions.push(`The voice numbers are ported first; the fax order is submitted when they complete, because ${lowerFirst(sequential.fact.label)}.`);
    } else {
      assumptions.push("Voice and fax orders are submitted together.");
    }
  }
  if (planned.orders.some((o) => o.kinds.length > 1)) {
    assumptions.push("Numbers of different kinds in one order complete together, on the longest of their intervals.");
  }
  if (input.rejections > 0) {
    if (restarts) rules.push(restarts.source);
    const window = reply ? `the last day allowed for a reply (${describeDuration(reply.fact)})` : "a reply time the knowledge base does not state";
    assumptions.push(
      `Each expected rejection is assumed to arrive at the end of the interval and to be answered on ${window}` +
        (restarts ? "; the resubmitted order then waits the whole interval again." : "."),
    );
  }
  if (input.expedite) {
    assumptions.push("The dates are without an expedite: whether a port can be expedited, and how much sooner, is decided case by case with the carrier.");
  }

  const activation = voiceEnd && kinds.some((k) => SMS_CAPABLE.includes(k))
    ? durationsFor(kb, "sms-activation", { ...query, kinds: kinds.filter((k) => SMS_CAPABLE.includes(k)) })[0]
    : undefined;
  if (activation && voiceEnd) {
    const { typical, max } = activation.fact;
    const latest = max ?? typical;
    steps.push({
      kind: "sms-activation",
      label: activation.fact.label,
      kinds: kinds.filter((k) => SMS_CAPABLE.includes(k)),
      start: voiceEnd,
      ...(latest !== undefined ? { end: endOf(calendar, voiceEnd, activation.fact.unit, latest) } : {}),
      ...(typical !== undefined ? { typicalEnd: endOf(calendar, voiceEnd, activation.fact.unit, typical) } : {}),
      duration: describeDuration(activation.fact),
      skipped: [],
      source: activation.source,
    });
  }

  return { timeline: { submitted: input.submitted, countsFrom, steps, completion, rules }, assumptions };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");
}
