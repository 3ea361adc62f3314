import type { Estimate } from "../estimate/estimate.js";
import type { FeeLine, IndicativePrice } from "../estimate/fees.js";
import { orderKinds } from "../estimate/fees.js";
import { formatDate } from "../calendar/dates.js";
import type { TimelineStep } from "../estimate/timeline.js";
import { countWords, joinWords, money } from "./wording.js";

/** "3 fax numbers and 2 toll-free numbers in the US, submitted Tuesday 2026-12-22" */
export function estimateHeadline(estimate: Estimate): string {
  const { numbers, country, place, submitted } = estimate.input;
  const where = country === "US" ? "the US" : country === "CA" ? "Canada" : (place ?? "another country");
  const what = joinWords(orderKinds(numbers).map((k) => countWords(numbers[k] ?? 0, k)));
  return `${what} in ${where}, submitted ${formatDate(submitted)}`;
}

/** Whether the expected completion meets the day the customer needs the port done by, and what to do when it does not. */
export function deadlineText(estimate: Estimate): string | undefined {
  const { deadline, input } = estimate;
  if (!deadline || deadline.inTime === null) return undefined;
  const needed = `Needed by ${formatDate(deadline.date)}`;
  if (deadline.inTime) return `${needed}: the expected completion is in time.`;
  return input.expedite
    ? `${needed}, but the expected completion is later even with the expedite: talk to the porting team.`
    : `${needed}, but the expected completion is later: ask "and if expedited?" for the expedite's price, or talk to the porting team.`;
}

export interface FeeLineCells {
  item: string;
  quantity: string;
  each: string;
  amount: string;
}

const UNIT_WORDS: Record<FeeLine["unit"], string> = {
  "per-number": "per number",
  "per-order": "per order",
  "per-resubmission": "per resubmission",
};

export function feeLineCells(line: FeeLine): FeeLineCells {
  return {
    item: line.kind ? `${line.label} (${line.kind})` : line.label,
    quantity: String(line.quantity),
    each: line.unitAmount === undefined ? "quote" : `${money(line.unitAmount, line.currency)} ${UNIT_WORDS[line.unit]}`,
    amount: line.amount === undefined ? "quote" : money(line.amount, line.currency),
  };
}

const KIND_PLURALS: Record<NonNullable<FeeLine["kind"]>, string> = {
  local: "Local numbers",
  wireless: "Wireless numbers",
  "toll-free": "Toll-free numbers",
  fax: "Fax numbers",
};

const EVENT_WORDS: Record<FeeLine["event"], string> = {
  port: "Port",
  resubmission: "Resubmission",
  cancellation: "Cancellation",
  expedite: "Expedite",
  conversion: "Conversion",
  "port-away": "Port-away",
  "losing-carrier": "Losing carrier",
};

/** A fee line in a few words: "Fax numbers × 3", "Expedite", "Resubmission × 2". */
export function feeShortLabel(line: FeeLine): string {
  const what = line.event === "port" && line.kind ? KIND_PLURALS[line.kind] : EVENT_WORDS[line.event];
  return line.unit === "per-order" ? what : `${what} × ${line.quantity}`;
}

/** "$45 USD ($15 USD each)", "$250 USD", "quoted by the LNP department" */
export function feeShortValue(line: FeeLine): string {
  if (line.amount === undefined || line.unitAmount === undefined) return "quoted by the LNP department";
  const each = line.quantity > 1 && line.unitAmount > 0 ? ` (${money(line.unitAmount, line.currency)} each)` : "";
  return `${money(line.amount, line.currency)}${each}`;
}

export function totalText(estimate: Estimate): string {
  const { amount, currency, excludesQuotes } = estimate.fees.total;
  const priced = estimate.fees.lines.some((l) => l.amount !== undefined);
  if (excludesQuotes && !priced) return "quoted by the LNP department";
  return `${money(amount, currency)}${excludesQuotes ? " plus quoted items" : ""}`;
}

/** Each priced fact's conditions once, even when it priced several lines. */
export function feeConditions(estimate: Estimate): string[] {
  const seen = new Set<string>();
  return estimate.fees.lines.flatMap((l) => {
    if (!l.conditions || seen.has(l.source.factId)) return [];
    seen.add(l.source.factId);
    return [`${l.label}: ${l.conditions}`];
  });
}

export function indicativeText(price: IndicativePrice): string {
  const dated = price.since && price.until ? `published ${price.since} to ${price.until}` : `archived ${price.source.archivedOn ?? ""}`.trim();
  return `${price.label}: ${money(price.unitAmount, price.currency)} ${UNIT_WORDS[price.unit]} (last published price, archived, ${dated}; not a current price)`;
}

export function stepText(step: TimelineStep): string {
  const skipped = step.skipped.length ? `; skips ${joinWords(step.skipped.map((h) => `${h.name} ${h.date}`))}` : "";
  switch (step.kind) {
    case "port":
      return `${step.label}: ${step.businessDays} business days after ${formatDate(step.start)}, done ${formatDate(step.end!)}${skipped}`;
    case "rejection":
      return `If rejected on ${formatDate(step.start)}: ${lowerFirst(step.label)} by ${formatDate(step.end!)} (${step.duration})`;
    case "sms-approval":
      return `${step.label}: ${step.duration} after it arrives, once the order reaches the losing carrier`;
    case "sms-activation":
      return `${step.label}: usually by ${formatDate(step.typicalEnd ?? step.end!)}, at the latest ${formatDate(step.end ?? step.typicalEnd!)} (${step.duration})`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** The whole estimate as Markdown: the CLI's text output and the fallback for channels without cards. */
export function estimateToMarkdown(estimate: Estimate): string {
  const out: string[] = [`**Estimate: ${estimateHeadline(estimate)}**`, "", "**Fees**", ""];
  out.push("| Item | Qty | Each | Amount |", "| --- | --- | --- | --- |");
  for (const line of estimate.fees.lines) {
    const c = feeLineCells(line);
    out.push(`| ${cell(c.item)} | ${c.quantity} | ${cell(c.each)} | ${cell(c.amount)} |`);
  }
  out.push("", `**Total: ${totalText(estimate)}**`);
  const conditions = feeConditions(estimate);
  if (conditions.length) out.push("", ...conditions.map((c) => `- ${c}`));
  if (estimate.fees.indicative.length) out.push("", ...estimate.fees.indicative.map((p) => `- ${indicativeText(p)}`));

  out.push("", "**Timeline**", "");
  if (estimate.timeline) {
    out.push(...estimate.timeline.steps.map((s) => `- ${stepText(s)}`));
    out.push("", `**Expected completion: ${formatDate(estimate.timeline.completion)}**`);
    const deadline = deadlineText(estimate);
    if (deadline) out.push("", deadline);
  } else {
    out.push("No date: see the assumptions.");
  }

  if (estimate.fees.notes.length) {
    out.push("", "**Not included**", "", ...estimate.fees.notes.map((n) => `- ${n.label}${n.conditions ? `: ${n.conditions}` : ""}`));
  }
  out.push("", "**Assumptions**", "", ...estimate.assumptions.map((a) => `- ${a}`));
  out.push("", "**Sources**", "", ...estimate.sources.map((s) => `- [${s.title}](${s.url})${s.status === "archived" ? " (archived)" : ""}`));
  return out.join("\n");
}
