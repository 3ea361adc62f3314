import type { TurnContext } from "botbuilder";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { DiagnosisState, nextStep, rejectedForAnUnknownReason, reply, startDiagnosis, type Step } from "../../src/diagnosis/flow.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { earlierQuestionMeant } from "../../src/diagnosis/choices.js";
import { questionsFor } from "../../src/diagnosis/ranking.js";
import type { Outcome } from "../../src/diagnosis/outcome.js";
import { doneReply, handoffReply, outcomeReply, stepReply } from "../cards/diagnosis-card.js";
import type { BotServices } from "../services.js";
import type { Reading } from "../../src/reading/read.js";
import { looksLikeQuestion } from "../../src/reading/question-shape.js";
import { flowsOf } from "./interruptions.js";
import { readingOf } from "./reading.js";
import { StepDialog, type Answered, type Shown } from "./step-dialog.js";

export const DIAGNOSE_DIALOG = "diagnose";

const START = "Let's find out why your port was rejected. A few quick questions, each with the reason I ask it; type \"cancel\" to stop at any time.";
/** A message saying the port was rejected that names no cause the knowledge lists: none is guessed. */
const START_NO_CAUSE =
  "Your message says the port was rejected, but not for a reason I know among the usual rejection causes, so I won't guess one. A few quick questions can narrow it down, each with the reason I ask it; type \"talk to a human\" to reach the porting team instead, or \"cancel\" to stop.";
const MISSED = "Sorry, I didn't get that. Please pick one of these:";
const REOPENED = "It sounds like you're changing an earlier answer, so I've cleared it and will take it into account again (your other answers are kept).";
/** A notice pasted in reply to a question: said to be read, then the question it leaves open. */
const NOTICE_READ = "Thanks, I've read the notice.";

interface Today {
  knowledge: DiagnosisKnowledge;
  today: string;
}

/**
 * "My port was rejected": the pure diagnosis of src/diagnosis/flow.ts, started by the main dialog with the text that
 * triggered it (a pasted rejection notice goes straight to its cause).
 */
export class DiagnosisDialog extends StepDialog<DiagnosisState, Step, Today> {
  constructor(services: BotServices) {
    super(DIAGNOSE_DIALOG, services, "diagnosis", DiagnosisState);
  }

  protected knowledge(): Today {
    const today = dateInZone(this.services.now(), PORTING_TIME_ZONE);
    return { knowledge: diagnosisKnowledge(this.services.kb, today), today };
  }

  /** The port's direction the reader found in the opening message ("I'm porting out to Rogers") is not asked again. */
  protected start({ knowledge, today }: Today, opening: string | undefined, context: TurnContext) {
    const direction = opening?.trim() ? readingOf(context, this.services, opening).facts.direction : undefined;
    const state = startDiagnosis(knowledge, opening, today, direction ? { direction } : {});
    const unnamed = opening !== undefined && !state.notice && rejectedForAnUnknownReason(knowledge, opening);
    return { state, intro: unnamed ? START_NO_CAUSE : START };
  }

  protected next({ knowledge, today }: Today, state: DiagnosisState): Step {
    return nextStep(knowledge, state, today);
  }

  protected answer({ knowledge, today }: Today, state: DiagnosisState, text: string, reading: Reading): Answered<DiagnosisState> {
    // "wait, I was wrong about the PO box" a few questions later: that answer is cleared, so it is asked again.
    const step = nextStep(knowledge, state, today);
    const answered = questionsFor(knowledge.causes, state.context).map((q) => q.question).filter((q) => state.answers[q.id] !== undefined);
    const meant = "text" in step ? earlierQuestionMeant(text, step.text, answered) : undefined;
    if (meant && !state.confirmed && !state.verdict) {
      const { [meant.id]: _reopened, ...answers } = state.answers;
      return { state: { ...state, answers, misses: 0 }, understood: true, intro: REOPENED };
    }
    const result = reply(knowledge, state, text, today);
    const said = reading.facts.direction;
    // "sorry, I meant port out": the direction answered before is corrected, and what was asked for the other
    // direction is forgotten, before any cause is settled. (A question naming a direction is a question.)
    if (!result.understood && said && state.context.direction && said !== state.context.direction && !state.confirmed && !state.verdict && !looksLikeQuestion(text)) {
      return { state: { ...state, context: { ...state.context, direction: said }, answers: {}, reasonAsked: false, misses: 0 }, understood: true };
    }
    const noticed = result.understood && result.state.notice !== undefined && result.state.notice.text !== state.notice?.text;
    return { ...result, missed: MISSED, ...(noticed ? { intro: NOTICE_READ } : {}) };
  }

  protected override whyAsked(step: Step): string | undefined {
    return "why" in step ? step.why : undefined;
  }

  protected show(step: Step, intro: string | undefined, context: TurnContext, again: boolean): Shown {
    switch (step.kind) {
      case "handoff":
        return { last: { ...handoffReply(step.handoff), data: { diagnosis: { handoff: true } } }, result: { handoff: step.handoff } };
      case "done":
        return { last: doneReply(flowsOf(context), step.outcome), result: { outcome: step.outcome } };
      case "outcome": {
        // Asked again, the verdict alone: the reasons are already above in the conversation.
        const reply = again ? stepReply(step, intro) : outcomeReply(step.outcome, step);
        return { ask: { ...reply, data: { diagnosis: { causes: rankedCauses(step.outcome) } } } };
      }
      case "confirm":
        return { ask: { ...stepReply(step, intro), data: { diagnosis: { causes: step.ranked.map((id) => ({ id })), asking: step.causeId } } } };
      default:
        return { ask: stepReply(step, intro) };
    }
  }
}

/** The outcome's causes as data, most likely first. */
function rankedCauses(outcome: Outcome): Array<{ id: string; probability: number }> {
  return outcome.causes.map((c) => ({ id: c.id, probability: c.probability }));
}
