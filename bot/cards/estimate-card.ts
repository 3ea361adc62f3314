import type { Estimate } from "../../src/estimate/estimate.js";
import { formatDate } from "../../src/calendar/dates.js";
import type { FieldProblem } from "../../src/estimate/input.js";
import type { Question } from "../../src/estimate/request-flow.js";
import type { NumberKind } from "../../src/knowledge/schema.js";
import { deadlineText, estimateHeadline, feeConditions, feeShortLabel, feeShortValue, indicativeText, stepText, totalText } from "../../src/render/estimate-text.js";
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
 * The estimate, short: the total and the completion date first, one line per fee ("Fax numbers × 3"), whom to ask
 * for a quote, and what the customer must do after the port (the approval SMS). The timeline, conditions, what is
 * not included, the assumptions and the sources are details, behind a toggle in cards.
 */
export function estimateCard(estimate: Estimate, advice?: { title: string; url: string }): Reply {
  const { fees, timeline } = estimate;
  const details: Block[] = [];
  if (timeline) details.push({ kind: "markdown", text: bullets("Timeline", timeline.steps.map(stepText)) });
  // What the customer must do, or may wait for, after the port (approval SMS, SMS activation, a rejection's reply).
  const actions = timeline?.steps.filter((step) => step.kind !== "port").map(stepText) ?? [];
  const quoted = fees.lines.filter((l) => l.amount === undefined && l.conditions);
  const conditions = feeConditions(estimate).filter((c) => !quoted.some((l) => c === `${l.label}: ${l.conditions}`));
  if (conditions.length) details.push({ kind: "note", text: bullets("Conditions", conditions) });
  if (fees.indicative.length) details.push({ kind: "note", text: bullets("For reference only", fees.indicative.map(indicativeText)) });
  if (fees.notes.length) {
    details.push({ kind: "note", text: bullets("Not included", fees.notes.map((n) => `${n.label}${n.conditions ? `: ${n.conditions}` : ""}`)) });
  }
  details.push({ kind: "note", text: bullets("Assumptions", estimate.assumptions) });
  details.push({
    kind: "note",
    text: bullets("Sources", estimate.sources.map((s) => `[${s.title}](${s.url})${s.status === "archived" ? " (archived)" : ""}`)),
  });
  const deadline = deadlineText(estimate);
  return {
    title: `Estimate: ${estimateHeadline(estimate)}`,
    blocks: [
      {
        kind: "facts",
        facts: [
          { label: "Total", value: totalText(estimate) },
          { label: "Expected completion", value: timeline ? formatDate(timeline.completion) : "no date: see the details" },
          ...fees.lines.map((line) => ({ label: feeShortLabel(line), value: feeShortValue(line) })),
        ],
      },
      ...(deadline ? [{ kind: "note" as const, text: deadline }] : []),
      // Whom to ask for a quote is no detail: without it a quoted estimate has no next step.
      ...quoted.map((l): Block => ({ kind: "note", text: `${l.label}: ${l.conditions}` })),
      ...(actions.length ? [{ kind: "markdown" as const, text: actions.map((a) => `- ${a}`).join("\n") }] : []),
      ...(advice ? [{ kind: "markdown" as const, text: `**Porting many numbers?** Read [${advice.title}](${advice.url}) before you submit.` }] : []),
    ],
    details,
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
    ...(estimate.deadline ? { deadline: estimate.deadline } : {}),
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

/** "Which kind are the 2 other numbers?": numbers counted without their kind beside counted kinds. */
function pendingKindText(count: number): string {
  return count === 1 ? "Which kind is the other number?" : `Which kind are the ${count} other numbers?`;
}

/** One question of the estimate request, with its buttons. */
export function estimateQuestionReply(question: Exclude<Question, { field: "done" }>, intro?: string): Reply {
  const text =
    question.field === "count"
      ? `How many ${question.kind} numbers?`
      : question.field === "kind" && question.pending?.others
        ? pendingKindText(question.pending.count)
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
  if (problem.plain) return problem.message;
  const name = FIELD_NAMES[problem.field] ?? `${problem.field} count`;
  return `Sorry, that doesn't work for the ${name}: ${problem.message}${/[.?!]$/.test(problem.message) ? "" : "."}`;
}
