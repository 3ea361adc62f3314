import { NumberKind, type Fee, type KnowledgeBase } from "../knowledge/schema.js";
import { feesFor, type FactQuery, type FactSource, type Located } from "../knowledge/facts.js";
import type { EstimateInput } from "./input.js";

export interface FeeLine {
  event: Fee["event"];
  label: string;
  /** The kind of number a per-number port fee is for. */
  kind?: NumberKind;
  quantity: number;
  unit: Fee["unit"];
  /** Absent when the fee is quoted case by case. */
  unitAmount?: number;
  amount?: number;
  currency: "USD";
  quote: boolean;
  conditions?: string;
  source: FactSource;
}

/** A price from an archived entry: shown as the last one published, never added to the total. */
export interface IndicativePrice {
  label: string;
  kind?: NumberKind;
  place: string;
  unitAmount: number;
  unit: Fee["unit"];
  currency: "USD";
  since?: string;
  until?: string;
  source: FactSource;
}

/** Costs outside this order that the customer should know about. */
export interface FeeNote {
  event: Fee["event"];
  label: string;
  conditions?: string;
  source: FactSource;
}

export interface FeeEstimate {
  lines: FeeLine[];
  total: { amount: number; currency: "USD"; /** Quoted items exist and are not in the amount. */ excludesQuotes: boolean };
  indicative: IndicativePrice[];
  notes: FeeNote[];
  /** What the knowledge base has no fee for, in plain words. */
  unpriced: string[];
}

export function orderKinds(numbers: EstimateInput["numbers"]): NumberKind[] {
  return NumberKind.options.filter((kind) => (numbers[kind] ?? 0) > 0);
}

function line(found: Located<Fee>, quantity: number, kind?: NumberKind): FeeLine {
  const { fact, source } = found;
  const priced = !fact.quote && fact.amount !== undefined;
  return {
    event: fact.event,
    label: fact.label,
    ...(kind ? { kind } : {}),
    quantity,
    unit: fact.unit,
    ...(priced ? { unitAmount: fact.amount, amount: fact.amount! * quantity } : {}),
    currency: fact.currency,
    quote: !priced,
    ...(fact.conditions ? { conditions: fact.conditions } : {}),
    source,
  };
}

/** How many times a fee is charged: per number, per order, or per resubmission. */
function quantityOf(fee: Fee, numbers: number, occurrences: number): number {
  return fee.unit === "per-number" ? numbers * occurrences : occurrences;
}

export function estimateFees(kb: KnowledgeBase, input: EstimateInput): FeeEstimate {
  const kinds = orderKinds(input.numbers);
  const total = kinds.reduce((sum, kind) => sum + (input.numbers[kind] ?? 0), 0);
  const query: FactQuery = { kinds, country: input.country, ...(input.place ? { place: input.place } : {}), direction: "in", date: input.submitted };
  const lines: FeeLine[] = [];
  const unpriced: string[] = [];

  for (const kind of kinds) {
    const count = input.numbers[kind] ?? 0;
    const found = feesFor(kb, "port", { ...query, kinds: [kind] })[0];
    if (found) lines.push(line(found, quantityOf(found.fact, count, 1), kind));
    else unpriced.push(`porting ${kind} numbers`);
  }

  const options: Array<[Fee["event"], number, string]> = [
    ["resubmission", input.rejections, "a resubmission after a rejection"],
    ["expedite", input.expedite ? 1 : 0, "an expedite"],
    ["cancellation", input.cancel ? 1 : 0, "a cancellation"],
  ];
  for (const [event, occurrences, words] of options) {
    if (occurrences === 0) continue;
    const found = feesFor(kb, event, query)[0];
    if (found) lines.push(line(found, quantityOf(found.fact, total, occurrences)));
    else unpriced.push(words);
  }

  return {
    lines,
    total: {
      amount: lines.reduce((sum, l) => sum + (l.amount ?? 0), 0),
      currency: "USD",
      excludesQuotes: lines.some((l) => l.quote) || unpriced.length > 0,
    },
    indicative: input.country === "INTL" && input.place ? indicativePrices(kb, kinds, input) : [],
    notes: notes(kb, input),
    unpriced,
  };
}

/** The newest archived per-number price for the place, for each kind in the order. */
function indicativePrices(kb: KnowledgeBase, kinds: NumberKind[], input: EstimateInput): IndicativePrice[] {
  const prices: IndicativePrice[] = [];
  for (const kind of kinds) {
    const archived = feesFor(kb, "port", { kinds: [kind], country: input.country, place: input.place!, status: "archived" })
      // An old list's price is for one kind of number: one that names no kind (UK national numbers) fits no order.
      .filter((f) => f.fact.applies_to.places && f.fact.applies_to.kinds?.includes(kind) && f.fact.amount !== undefined && !f.fact.quote)
      .sort((a, b) => (b.fact.until ?? b.source.archivedOn ?? "").localeCompare(a.fact.until ?? a.source.archivedOn ?? ""));
    const newest = archived[0];
    if (!newest) continue;
    prices.push({
      label: newest.fact.label,
      kind,
      place: input.place!,
      unitAmount: newest.fact.amount!,
      unit: newest.fact.unit,
      currency: newest.fact.currency,
      ...(newest.fact.since ? { since: newest.fact.since } : {}),
      ...(newest.fact.until ? { until: newest.fact.until } : {}),
      source: newest.source,
    });
  }
  return prices;
}

/** The losing carrier's own fees and port-away fees: never charged here, always worth knowing. */
function notes(kb: KnowledgeBase, input: EstimateInput): FeeNote[] {
  return (["losing-carrier", "port-away"] as const).flatMap((event) =>
    feesFor(kb, event, { country: input.country, date: input.submitted }).map(({ fact, source }) => ({
      event,
      label: fact.label,
      ...(fact.conditions ? { conditions: fact.conditions } : {}),
      source,
    })),
  );
}
