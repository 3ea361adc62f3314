import { fileURLToPath } from "node:url";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { nextStep, reply, startDiagnosis, type DiagnosisState, type Step } from "../../src/diagnosis/flow.js";

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

/**
 * Answers every yes/no question as a customer whose port was rejected for `causeId` would:
 * the pointing answer for that cause's questions, the other answer for the rest; `otherReplies` answer
 * every other step in turn (context, confirmation, date, outcome).
 */
export function pathTo(knowledge: DiagnosisKnowledge, causeId: string, otherReplies: string[], today = TODAY): Run {
  const owner = new Map(knowledge.causes.flatMap((c) => c.diagnosis.questions.map((q) => [q.id, { cause: c.id, q }] as const)));
  let state = startDiagnosis(knowledge, undefined, today);
  const steps: Step[] = [nextStep(knowledge, state, today)];
  const queue = [...otherReplies];
  for (let guard = 0; guard < 100; guard++) {
    const step = steps[steps.length - 1]!;
    let text: string | undefined;
    if (step.kind === "question") {
      const { cause, q } = owner.get(step.id)!;
      text = cause === causeId ? q.points_to : q.points_to === "yes" ? "no" : "yes";
    } else text = queue.shift();
    if (text === undefined) break;
    state = reply(knowledge, state, text, today).state;
    steps.push(nextStep(knowledge, state, today));
  }
  return { state, steps, last: steps[steps.length - 1]! };
}
