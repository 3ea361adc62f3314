import type { KnowledgeBase } from "../knowledge/schema.js";
import { formatDate, type IsoDate } from "../calendar/dates.js";
import type { FactSource } from "../knowledge/facts.js";
import { estimateFees, type FeeEstimate } from "./fees.js";
import type { EstimateInput } from "./input.js";
import { estimateTimeline, type Timeline } from "./timeline.js";
import { joinWords } from "../render/wording.js";

export interface Estimate {
  input: EstimateInput;
  fees: FeeEstimate;
  timeline: Timeline | null;
  /** The day the customer needs the port done by, and whether the expected completion is in time (null: no date). */
  deadline?: { date: IsoDate; inTime: boolean | null };
  /** What the numbers rest on, in plain words. */
  assumptions: string[];
  /** Every entry a fee, date, rule or note came from, once each. */
  sources: Array<Omit<FactSource, "factId">>;
}

function feeAssumptions(fees: FeeEstimate, input: EstimateInput): string[] {
  const out = ["Amounts are in USD."];
  if (input.country === "US") out.push("US numbers are taken to be in the 48 contiguous states (US48).");
  if (input.country === "INTL") {
    out.push("Numbers outside the US48 and Canada have no fixed price: the LNP department quotes them.");
    if (fees.indicative.length > 0) {
      out.push("The archived price shown is the last one published, for reference only: it is not a current price and not in the total.");
    }
  }
  if (fees.unpriced.length > 0) out.push(`The knowledge base has no fee for ${joinWords(fees.unpriced)}: ask the LNP department.`);
  if (fees.total.excludesQuotes) out.push("Quoted items are not in the total.");
  return out;
}

function distinctSources(estimate: Pick<Estimate, "fees" | "timeline">): Estimate["sources"] {
  const all: FactSource[] = [
    ...estimate.fees.lines.map((l) => l.source),
    ...(estimate.timeline?.steps.map((s) => s.source) ?? []),
    ...(estimate.timeline?.rules ?? []),
    ...estimate.fees.indicative.map((p) => p.source),
    ...estimate.fees.notes.map((n) => n.source),
  ];
  const seen = new Map<string, Omit<FactSource, "factId">>();
  for (const { factId: _factId, ...source } of all) if (!seen.has(source.entryId)) seen.set(source.entryId, source);
  return [...seen.values()];
}

/** The assumption to add when the order gave no submission date and today was taken. */
export function noSubmissionDate(timeZone: string): string {
  return `No submission date was given: today in ${timeZone} is used.`;
}

/** Fees and dates for a porting order, every figure read from the knowledge base. */
export function estimate(kb: KnowledgeBase, input: EstimateInput, context: string[] = []): Estimate {
  const fees = estimateFees(kb, input);
  const { timeline, assumptions } = estimateTimeline(kb, input);
  const result = { input, fees, timeline };
  return {
    ...result,
    ...(input.deadline ? { deadline: { date: input.deadline, inTime: timeline ? timeline.completion <= input.deadline : null } } : {}),
    assumptions: [`Submitted on ${formatDate(input.submitted)}.`, `Dates are calendar days in the ${input.timeZone} time zone.`, ...context, ...assumptions, ...feeAssumptions(fees, input)],
    sources: distinctSources(result),
  };
}
