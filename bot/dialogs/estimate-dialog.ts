import type { TurnContext } from "botbuilder";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { estimate } from "../../src/estimate/estimate.js";
import { RequestState, answerQuestion, nextQuestion, startRequest, type Question } from "../../src/estimate/request-flow.js";
import { estimateCard, estimateQuestionReply, problemText, questionChoices } from "../cards/estimate-card.js";
import { resolveChoice } from "../input.js";
import type { BotServices } from "../services.js";
import { StepDialog, type Answered, type Shown } from "./step-dialog.js";

export const ESTIMATE_DIALOG = "estimate";

const START = "Let's work out the fees and the dates of your port. A few quick questions; type \"cancel\" to stop at any time.";
/** Replies this short answer the question; longer ones may be a porting question asked on the side. */
const ASIDE_MIN_WORDS = 3;

/**
 * "Fees and timing": completes an estimate request with the pure flow of src/estimate/request-flow.ts, asking only
 * what the opening message (the text that started it) left out, then sends the estimate card.
 */
export class EstimateDialog extends StepDialog<RequestState, Question, string> {
  constructor(services: BotServices) {
    super(ESTIMATE_DIALOG, services, "estimate", RequestState);
  }

  /** Today, on the porting department's clock. */
  protected knowledge(): string {
    return dateInZone(this.services.now(), PORTING_TIME_ZONE);
  }

  protected start(today: string, opening: string | undefined) {
    const { state, problems } = startRequest(opening, today);
    return { state, intro: problems.length ? problems.map(problemText).join("\n\n") : START };
  }

  protected next(today: string, state: RequestState): Question {
    return nextQuestion(state, today);
  }

  /** A choice's label typed back counts as its text; a bad answer keeps the state and says what was wrong. */
  protected answer(today: string, state: RequestState, text: string): Answered<RequestState> {
    const question = nextQuestion(state, today);
    const choice = question.field === "done" ? undefined : resolveChoice(text, questionChoices(question));
    const result = answerQuestion(state, choice?.action.action === "say" ? choice.action.text : text, today);
    if (result.understood) return { state: result.state, understood: true };
    return { state, understood: false, ...(result.problem ? { missed: problemText(result.problem) } : {}) };
  }

  protected override mayBeQuestion(text: string): boolean {
    return text.split(/\s+/).length >= ASIDE_MIN_WORDS;
  }

  protected show(question: Question, intro: string | undefined, _context: TurnContext): Shown {
    if (question.field !== "done") return { ask: estimateQuestionReply(question, intro) };
    const result = estimate(this.services.kb, question.input, question.context);
    return { last: estimateCard(result), result };
  }
}
