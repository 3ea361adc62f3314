import { z } from "zod";
import { Answer } from "../knowledge/schema.js";
import { ANSWER_CHOICES, answerLabel, pickAnswer, pickChoice, type Choice } from "./choices.js";
import { CONTEXT_QUESTIONS, CaseContext, describeContext, matchesContext, withContextAnswer, type Dimension } from "./context.js";
import type { ChecklistItem, DiagnosisKnowledge, EntryRef } from "./knowledge.js";
import { MAX_MISSES } from "./flow.js";

/** The pre-port checklist is for numbers coming in, so only the country and the kind of number are asked. */
const CHECKLIST_CONTEXT: readonly Dimension[] = ["country", "kind"];

export const ChecklistState = z
  .object({
    context: CaseContext.default({ direction: "in" }),
    asked: z.array(z.enum(["direction", "country", "kind"])).default([]),
    answers: z.record(z.string(), Answer).default({}),
    misses: z.number().int().nonnegative().default(0),
  })
  .strict();
export type ChecklistState = z.infer<typeof ChecklistState>;

export interface CheckResult {
  id: string;
  text: string;
  answer: Answer;
  status: "ok" | "at-risk";
  /** Why the item is at risk and what to do: the check's `risk`. */
  reason?: string;
  entryId: string;
  entryTitle: string;
}

export interface Checklist {
  context: CaseContext;
  items: CheckResult[];
  atRisk: number;
  contact?: string;
}

export type ChecklistStep =
  | { kind: "context"; id: Dimension; text: string; why: string; choices: Choice[] }
  | { kind: "check"; id: string; text: string; why: string; choices: Choice[]; index: number; total: number }
  | { kind: "done"; checklist: Checklist }
  | { kind: "handoff"; reason: string; contact?: string; where?: EntryRef; summary: string };

export function startChecklist(): ChecklistState {
  return ChecklistState.parse({});
}

function relevantChecks(knowledge: DiagnosisKnowledge, context: CaseContext): ChecklistItem[] {
  return knowledge.checks.filter((c) => matchesContext(c.when, context));
}

function result(check: ChecklistItem, answer: Answer): CheckResult {
  const ok = answer === check.ok;
  return {
    id: check.id,
    text: check.text,
    answer,
    status: ok ? "ok" : "at-risk",
    reason: ok ? undefined : answer === "not-sure" ? `Not checked yet. ${check.risk}` : check.risk,
    entryId: check.entryId,
    entryTitle: check.entryTitle,
  };
}

export function nextCheck(knowledge: DiagnosisKnowledge, state: ChecklistState): ChecklistStep {
  const checks = relevantChecks(knowledge, state.context);
  if (state.misses >= MAX_MISSES) {
    const lines = [
      "Pre-port checklist",
      ...describeContext(state.context).filter((line) => !line.startsWith("Direction")),
      ...checks.filter((c) => state.answers[c.id]).map((c) => `- ${c.text} ${answerLabel(state.answers[c.id]!)}`),
      "Handed off because: the answers did not match the choices offered",
    ];
    return { kind: "handoff", reason: "the answers did not match the choices offered", contact: knowledge.contact, where: knowledge.whereToSend, summary: lines.join("\n") };
  }
  const dimension = CHECKLIST_CONTEXT.find((d) => !state.asked.includes(d));
  if (dimension) return { kind: "context", ...CONTEXT_QUESTIONS[dimension] };
  const index = checks.findIndex((c) => state.answers[c.id] === undefined);
  const pending = checks[index];
  if (pending) return { kind: "check", id: pending.id, text: pending.text, why: pending.why, choices: [...ANSWER_CHOICES], index: index + 1, total: checks.length };
  const items = checks.map((c) => result(c, state.answers[c.id]!));
  return { kind: "done", checklist: { context: state.context, items, atRisk: items.filter((i) => i.status === "at-risk").length, contact: knowledge.contact } };
}

export function replyToCheck(knowledge: DiagnosisKnowledge, state: ChecklistState, text: string): { state: ChecklistState; understood: boolean } {
  const step = nextCheck(knowledge, state);
  if (step.kind === "context") {
    const choice = pickChoice(step.choices, text);
    if (choice) return { state: { ...state, context: withContextAnswer(state.context, step.id, choice), asked: [...state.asked, step.id], misses: 0 }, understood: true };
  } else if (step.kind === "check") {
    const answer = pickAnswer(text);
    if (answer) return { state: { ...state, answers: { ...state.answers, [step.id]: answer }, misses: 0 }, understood: true };
  } else {
    return { state, understood: false };
  }
  return { state: { ...state, misses: state.misses + 1 }, understood: false };
}
