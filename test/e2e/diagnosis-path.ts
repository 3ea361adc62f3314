import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { nextStep, reply, startDiagnosis } from "../../src/diagnosis/flow.js";
import { diagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";

/**
 * The diagnosis as the knowledge base runs it for a pasted notice and the answers given to its questions: each
 * question a page should show before its answer is given, and the outcome's first cause.
 */
export function diagnosisPath(kb: KnowledgeBase, notice: string, answers: string[]) {
  const today = dateInZone(new Date(), PORTING_TIME_ZONE);
  const knowledge = diagnosisKnowledge(kb, today);
  let state = startDiagnosis(knowledge, notice, today);
  const questions: string[] = [];
  for (const answer of answers) {
    const step = nextStep(knowledge, state, today);
    if (!("text" in step)) throw new Error(`the diagnosis ended (${step.kind}) before the answer '${answer}'`);
    questions.push(step.text);
    const next = reply(knowledge, state, answer, today);
    if (!next.understood) throw new Error(`'${answer}' is no answer to: ${step.text}`);
    state = next.state;
  }
  const step = nextStep(knowledge, state, today);
  if (step.kind !== "outcome") throw new Error(`the diagnosis path ends in ${step.kind}, not an outcome`);
  return { questions, cause: step.outcome.causes[0]! };
}
