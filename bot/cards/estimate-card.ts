import type { Estimate } from "../../src/estimate/estimate.js";
import { formatDate } from "../../src/calendar/dates.js";
import type { FieldProblem } from "../../src/estimate/input.js";
import type { Question } from "../../src/estimate/request-flow.js";
import type { NumberKind } from "../../src/knowledge/schema.js";
import { estimateHeadline, feeConditions, feeLineCells, indicativeText, stepText, totalText } from "../../src/render/estimate-text.js";
import { say, type Block, type Choice, type Reply } from "../channels/reply.js";
import { HANDOFF, startFlow } from "./menu.js";

const KIND_LABELS: Record<NumberKind, string> = {
  local: "Local",
  wireless: "Wireless (cell)",
  "toll-free": "Toll-free",
  fax: "Fax",
};

function bullets(title: string, lines: string[]): string {
  return [`**${title}**`, "", ...lines.map((l) => `- ${l}`)].join("\n");
}

/**
 * The estimate: fee lines as a table, the total, the timeline, what is not included, the assumptions and the
 * entries it came from. Rendered as an Adaptive Card 1.5 where the channel shows cards, as text elsewhere.
 */
export function estimateCard(estimate: Estimate, advice?: { title: string; url: string }): Reply {
  const { fees, timeline } = estimate;
  const blocks: Block[] = [
    {
      kind: "table",
      columns: ["Item", "Qty", "Each", "Amount"],
      rows: fees.lines.map((line) => {
        const c = feeLineCells(line);
        return [c.item, c.quantity, c.each, c.amount];
      }),
    },
    {
      kind: "facts",
      facts: [
        { label: "Total", value: totalText(estimate) },
        { label: "Expected completion", value: timeline ? formatDate(timeline.completion) : "no date: see the assumptions" },
      ],
    },
  ];
  const conditions = feeConditions(estimate);
  if (conditions.length) blocks.push({ kind: "note", text: bullets("Conditions", conditions) });
  if (fees.indicative.length) blocks.push({ kind: "note", text: bullets("For reference only", fees.indicative.map(indicativeText)) });
  if (timeline) blocks.push({ kind: "markdown", text: bullets("Timeline", timeline.steps.map(stepText)) });
  if (fees.notes.length) {
    blocks.push({ kind: "note", text: bullets("Not included", fees.notes.map((n) => `${n.label}${n.conditions ? `: ${n.conditions}` : ""}`)) });
  }
  if (advice) blocks.push({ kind: "markdown", text: `**Porting many numbers?** Read [${advice.title}](${advice.url}) before you submit.` });
  blocks.push({ kind: "note", text: bullets("Assumptions", estimate.assumptions) });
  blocks.push({
    kind: "note",
    text: bullets("Sources", estimate.sources.map((s) => `[${s.title}](${s.url})${s.status === "archived" ? " (archived)" : ""}`)),
  });
  return {
    title: `Estimate: ${estimateHeadline(estimate)}`,
    blocks,
    groups: [{ choices: [{ ...startFlow("estimate"), label: "Another estimate" }, HANDOFF] }],
    data: { estimate: estimateData(estimate) },
  };
}

/** The estimate's figures as data: what was priced, the total (null when a quote is needed) and the completion date. */
export function estimateData(estimate: Estimate): Record<string, unknown> {
  const { input, fees, timeline } = estimate;
  return {
    input,
    total: fees.total.excludesQuotes ? null : fees.total.amount,
    currency: fees.total.currency,
    completion: timeline?.completion ?? null,
    lines: fees.lines.map((l) => ({ event: l.event, ...(l.kind ? { kind: l.kind } : {}), quantity: l.quantity, amount: l.amount ?? null, source: l.source.entryId })),
  };
}

/** The buttons offered for a question; each sends the words the request flow understands. */
export function questionChoices(question: Question): Choice[] {
  switch (question.field) {
    case "kind":
      return [...question.kinds.map((k) => say(KIND_LABELS[k], k)), ...(question.canFinish ? [say("That's all", "that's all")] : [])];
    case "country":
      return [say("United States", "US"), say("Canada"), say("Another country", "another country")];
    case "submitted":
      return [say("Today", "today"), say("Tomorrow", "tomorrow"), say("Next Monday", "next monday")];
    case "place":
      return [say(`${question.name} (${question.regionCountry === "US" ? "US state" : "Canadian province"})`, `${question.name}, ${question.regionCountry === "US" ? "US" : "Canada"}`), say(`${question.country} (the country)`, `${question.country} the country`)];
    default:
      return [];
  }
}

const QUESTION_TEXT: Record<Exclude<Question["field"], "done" | "count">, string> = {
  kind: "Which kind of number do you want to port?",
  country: "Where are the numbers from?",
  "country-name": "Which country are the numbers from?",
  place: "Which one do you mean?",
  submitted: "When will you submit the port request?",
};

const QUESTION_HINT: Partial<Record<Question["field"], string>> = {
  count: "Type a number, e.g. 3.",
  "country-name": "Type its name, e.g. France or United Kingdom.",
  submitted: "Pick one, or type a date such as 2026-12-22 or a weekday.",
};

/** One question of the estimate request, with its buttons. */
export function estimateQuestionReply(question: Exclude<Question, { field: "done" }>, intro?: string): Reply {
  const text =
    question.field === "count"
      ? `How many ${question.kind} numbers?`
      : question.field === "kind" && question.canFinish
        ? "Any other kind of number in this order?"
        : QUESTION_TEXT[question.field];
  const hint = QUESTION_HINT[question.field];
  const choices = questionChoices(question);
  return {
    blocks: [
      ...(intro ? [{ kind: "markdown" as const, text: intro }] : []),
      { kind: "markdown", text: `**${text}**` },
      ...(hint ? [{ kind: "note" as const, text: hint }] : []),
    ],
    ...(choices.length ? { groups: [{ choices }] } : {}),
  };
}

const FIELD_NAMES: Record<string, string> = {
  kind: "kind of number",
  country: "country",
  submitted: "submission date",
};

/** "Sorry, that doesn't work for the fax count: cannot be negative (got -2)." */
export function problemText(problem: FieldProblem): string {
  const name = FIELD_NAMES[problem.field] ?? `${problem.field} count`;
  return `Sorry, that doesn't work for the ${name}: ${problem.message}${/[.?!]$/.test(problem.message) ? "" : "."}`;
}
