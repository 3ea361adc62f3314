import type { Duration, NumberKind } from "../knowledge/schema.js";

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

function unitWord(unit: Duration["unit"], amount: number): string {
  return UNIT_WORDS[unit][amount === 1 ? 0 : 1];
}

/** "5 business days", "24 hours, 48 at most", "24 to 72 hours" */
export function describeDuration(d: Duration): string {
  if (d.typical !== undefined) {
    const text = `${d.typical} ${unitWord(d.unit, d.typical)}`;
    return d.max !== undefined && d.max !== d.typical ? `${text}, ${d.max} at most` : text;
  }
  if (d.min !== undefined && d.max !== undefined) return `${d.min} to ${d.max} ${unitWord(d.unit, d.max)}`;
  const amount = (d.max ?? d.min)!;
  return `${d.max !== undefined ? "up to" : "at least"} ${amount} ${unitWord(d.unit, amount)}`;
}

/** "$15", "$8.75" */
export function money(amount: number, currency = "USD"): string {
  const formatted = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
  return currency === "USD" ? `${formatted} USD` : formatted;
}
