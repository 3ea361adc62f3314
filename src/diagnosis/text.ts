import { toPlainText } from "../render/markdown.js";
import { durationLimit, feeAmount } from "../render/wording.js";
import type { Checklist, ChecklistStep } from "./checklist.js";
import { answerLabel, type Choice } from "./choices.js";
import { formatDate } from "../calendar/dates.js";
import type { Prompt } from "./flow.js";
import type { DiagnosisKnowledge, EntryRef } from "./knowledge.js";
import type { Deadline, Handoff, Outcome, Resubmission } from "./outcome.js";

/** Plain-text rendering of the diagnosis and the checklist: the terminal, and channels without cards. */

export function numberedChoices(choices: readonly Choice[]): string {
  return choices.map((c, i) => `${i + 1}. ${c.label}`).join("   ");
}

export function promptText(prompt: Prompt): string {
  return [prompt.text, `Why: ${prompt.why}`, numberedChoices(prompt.choices)].join("\n");
}

export function checkPromptText(step: Extract<ChecklistStep, { kind: "context" | "check" }>): string {
  const head = step.kind === "check" ? `Check ${step.index} of ${step.total}: ${step.text}` : step.text;
  return [head, `Why: ${step.why}`, numberedChoices(step.choices)].join("\n");
}

export function deadlineText(deadline: Deadline): string {
  const window = `Reply within ${durationLimit(deadline.duration)} of the rejection`;
  const conditions = deadline.duration.conditions ? ` ${deadline.duration.conditions}` : "";
  if (!deadline.date || deadline.daysLeft === undefined) return `${window}.${conditions}`;
  const day = formatDate(deadline.date);
  if (deadline.daysLeft < 0) return `${window}: the last day was ${day}, which has passed.${conditions}`;
  const left = deadline.daysLeft === 0 ? "today is the last day" : `${deadline.daysLeft} day${deadline.daysLeft === 1 ? "" : "s"} left`;
  return `${window}: by ${day} (${left}).${conditions}`;
}

export function resubmissionText(r: Resubmission): string | undefined {
  const parts: string[] = [];
  if (r.fee) parts.push(`${r.fee.fee.label}: ${feeAmount(r.fee.fee)}${r.fee.fee.unit === "per-resubmission" ? " each time" : ""}.`);
  if (r.restarts) parts.push(`${r.restarts.rule.label.replace(/\.$/, "")}.`);
  return parts.length ? parts.join(" ") : undefined;
}

export function whereText(where: EntryRef, knowledge: Pick<DiagnosisKnowledge, "titles">): string {
  return toPlainText(where.body, (id) => knowledge.titles.get(id));
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

export function outcomeText(outcome: Outcome, knowledge: Pick<DiagnosisKnowledge, "titles">): string {
  const out: string[] = [];
  outcome.causes.forEach((c, i) => {
    out.push(`${i === 0 ? "Most likely" : "Also possible"}: ${c.title}${c.probability < 1 ? ` (${percent(c.probability)})` : ""}`);
    for (const b of c.because) out.push(`  Because you answered "${answerLabel(b.answer)}" to: ${b.question}`);
    out.push(`  What to do: ${c.fix}`);
    out.push(`  What to send: ${c.send.join("; ")}`);
    out.push(`  Next time: ${c.avoid}`);
    out.push(`  More: ${c.url}`);
  });
  if (outcome.where) out.push("", `Where to send it (${outcome.where.title}):`, whereText(outcome.where, knowledge), outcome.where.url);
  if (outcome.deadline) out.push("", deadlineText(outcome.deadline));
  const resubmission = resubmissionText(outcome.resubmission);
  if (resubmission) out.push(resubmission);
  return out.join("\n");
}

export function handoffText(handoff: Handoff): string {
  return [
    `I could not pin down the cause (${handoff.reason}), so a person should look at the order.`,
    handoff.contact ? `Write to the LNP department at ${handoff.contact}, or reply to your rejection ticket, with this summary:` : "Pass this summary to support:",
    "",
    handoff.summary,
  ].join("\n");
}

export function checklistText(checklist: Checklist): string {
  const lines = checklist.items.map((item) => `[${item.status === "ok" ? "ok" : "AT RISK"}] ${item.text}${item.reason ? `\n    ${item.reason}` : ""}`);
  const verdict = checklist.atRisk === 0 ? "Everything checked out: you can submit the port." : `${checklist.atRisk} item${checklist.atRisk === 1 ? "" : "s"} at risk: sort ${checklist.atRisk === 1 ? "it" : "them"} out before you submit, or the port may be rejected.`;
  return ["Pre-port checklist", ...lines, "", verdict].join("\n");
}
