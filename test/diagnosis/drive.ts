import { fileURLToPath } from "node:url";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { nextStep, reply, startDiagnosis, type DiagnosisState, type Step } from "../../src/diagnosis/flow.js";
import type { CaseContext } from "../../src/diagnosis/context.js";

export const TODAY = "2026-03-05";
export const FIXTURE_KB = fileURLToPath(new URL("../fixtures/diagnosis-kb", import.meta.url));

export async function knowledgeFrom(dir: string, today = TODAY): Promise<DiagnosisKnowledge> {
  return diagnosisKnowledge(await loadKnowledgeBase(dir), today);
}

export interface Run {
  state: DiagnosisState;
  /** Every step shown, the last one included. */
  steps: Step[];
  last: Step;
}

/** Plays the replies in order and returns every step the customer saw. */
export function drive(knowledge: DiagnosisKnowledge, replies: string[], opening?: string, today = TODAY): Run {
  let state = startDiagnosis(knowledge, opening, today);
  const steps: Step[] = [nextStep(knowledge, state, today)];
  for (const text of replies) {
    state = reply(knowledge, state, text, today).state;
    steps.push(nextStep(knowledge, state, today));
  }
  return { state, steps, last: steps[steps.length - 1]! };
}

/** The ids of the yes/no questions asked, in order. */
export function questionIds(run: Run): string[] {
  return run.steps.flatMap((s) => (s.kind === "question" ? [s.id] : []));
}

/** How a customer answers the steps that are not yes/no questions; a step without an answer ends the run there. */
export interface Customer {
  direction?: string;
  country?: string;
  kind?: string;
  /** The reply to "Which of these reasons does the rejection give?"; "not sure" when absent. */
  reason?: string;
  date?: string;
  verdict?: string;
  /** What the caller already knew of the case when the diagnosis started. */
  known?: CaseContext;
}

/**
 * Answers every yes/no question as a customer whose port was rejected for `causeId` would: the pointing answer
 * for that cause's questions, the other answer for the rest; a notice's confirmation "yes" for that cause only.
 * Context questions the customer has no answer for get "not sure".
 */
export function pathTo(knowledge: DiagnosisKnowledge, causeId: string, customer: Customer, today = TODAY): Run {
  const owner = new Map(knowledge.causes.flatMap((c) => c.diagnosis.questions.map((q) => [q.id, { cause: c.id, q }] as const)));
  let state = startDiagnosis(knowledge, undefined, today, customer.known);
  const steps: Step[] = [nextStep(knowledge, state, today)];
  for (let guard = 0; guard < 100; guard++) {
    const step = steps[steps.length - 1]!;
    let text: string | undefined;
    if (step.kind === "question") {
      const { cause, q } = owner.get(step.id)!;
      text = cause === causeId ? q.points_to : q.points_to === "yes" ? "no" : "yes";
    } else if (step.kind === "context") text = customer[step.id] ?? "not sure";
    else if (step.kind === "reason") text = customer.reason ?? "not sure";
    else if (step.kind === "confirm") text = step.causeId === causeId ? "yes" : "no";
    else if (step.kind === "date") text = customer.date;
    else if (step.kind === "outcome") text = customer.verdict;
    if (text === undefined) break;
    state = reply(knowledge, state, text, today).state;
    steps.push(nextStep(knowledge, state, today));
  }
  return { state, steps, last: steps[steps.length - 1]! };
}

/** Questions shown before the first result (a date question, an outcome or a hand-off): context, reason, confirmations, yes/no. */
export function questionsBeforeResult(run: Run): number {
  const end = run.steps.findIndex((s) => s.kind === "date" || s.kind === "outcome" || s.kind === "handoff" || s.kind === "done");
  return (end < 0 ? run.steps : run.steps.slice(0, end)).length;
}
