import type { Duration, Fee, NumberKind } from "../knowledge/schema.js";
import { longest } from "../calendar/durations.js";

/** Words for amounts and durations, the same in estimates, the diagnosis and every channel. */

/** "a, b and c" */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "3 fax numbers", "1 toll-free number" */
export function countWords(count: number, kind: NumberKind): string {
  return `${count} ${kind} number${count === 1 ? "" : "s"}`;
}

const UNIT_WORDS: Record<Duration["unit"], [string, string]> = {
  minutes: ["minute", "minutes"],
  hours: ["hour", "hours"],
  days: ["day", "days"],
  "business-days": ["business day", "business days"],
  weeks: ["week", "weeks"],
};

/** "7 days", "1 business day" */
export function amountWords(amount: number, unit: Duration["unit"]): string {
  return `${amount} ${UNIT_WORDS[unit][amount === 1 ? 0 : 1]}`;
}

/** "5 business days", "24 hours, 48 at most", "24 to 72 hours", "up to 90 minutes" */
export function describeDuration(d: Duration): string {
  if (d.typical !== undefined) {
    const text = amountWords(d.typical, d.unit);
    return d.max !== undefined && d.max !== d.typical ? `${text}, ${d.max} at most` : text;
  }
  if (d.min !== undefined && d.max !== undefined) return `${d.min} to ${amountWords(d.max, d.unit)}`;
  const amount = (d.max ?? d.min)!;
  return `${d.max !== undefined ? "up to" : "at least"} ${amountWords(amount, d.unit)}`;
}

/** "7 days": the most a duration can take, as in "reply within 7 days". */
export function durationLimit(d: Duration): string {
  return amountWords(longest(d), d.unit);
}

/** "$15 USD", "$8.75 USD": cents only when the amount is not whole. */
export function money(amount: number, currency = "USD"): string {
  const formatted = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
  return currency === "USD" ? `${formatted} USD` : formatted;
}

/** A fee's amount in words: "$8.75 USD", or "quoted case by case". */
export function feeAmount(fee: Fee): string {
  return fee.quote || fee.amount === undefined ? "quoted case by case" : money(fee.amount, fee.currency);
}
