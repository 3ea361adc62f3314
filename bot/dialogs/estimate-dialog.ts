import type { TurnContext } from "botbuilder";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { estimate } from "../../src/estimate/estimate.js";
import { totalNumbers } from "../../src/estimate/input.js";
import { RequestState, answerQuestion, followUpRequest, nextQuestion, startRequest, type Question } from "../../src/estimate/request-flow.js";
import { isCustomerEntry } from "../../src/knowledge/audience.js";
import type { Reading } from "../../src/reading/read.js";
import { looksLikeQuestion } from "../../src/reading/question-shape.js";
import { estimateCard, estimateQuestionReply, problemText, questionChoices } from "../cards/estimate-card.js";
import { resolveChoice } from "../input.js";
import type { BotServices } from "../services.js";
import type { FlowOptions } from "./flows.js";
import { readingOf } from "./reading.js";
import { StepDialog, type Answered, type Shown } from "./step-dialog.js";

export const ESTIMATE_DIALOG = "estimate";

const CHANGED = "Let's redo your estimate with that change. One more question; type \"cancel\" to stop at any time.";
const START = "Let's work out the fees and the dates of your port. A few quick questions; type \"cancel\" to stop at any time.";

/**
 * "Fees and timing": completes an estimate request with the pure flow of src/estimate/request-flow.ts from the facts
 * the reader found in the opening message, asking only what it left out, then sends the estimate card.
 */
export class EstimateDialog extends StepDialog<RequestState, Question, string> {
  constructor(services: BotServices) {
    super(ESTIMATE_DIALOG, services, "estimate", RequestState);
  }

  /** Today, on the porting department's clock. */
  protected knowledge(): string {
    return dateInZone(this.services.now(), PORTING_TIME_ZONE);
  }

  protected start(_today: string, opening: string | undefined, context: TurnContext, options?: FlowOptions) {
    const { previous, change } = options?.followUp ?? {};
    if (previous && change) {
      const { state, problems } = followUpRequest(previous, change);
      return { state, intro: problems.length ? problems.map(problemText).join("\n\n") : CHANGED };
    }
    const facts = change?.facts ?? (opening?.trim() ? readingOf(context, this.services, opening).facts : undefined);
    const { state, problems } = startRequest(facts);
    return { state, intro: problems.length ? problems.map(problemText).join("\n\n") : START };
  }

  protected next(today: string, state: RequestState): Question {
    return nextQuestion(state, today);
  }

  /** A button's label typed back counts as its text; the reply is read by the same reader as the opening message. */
  protected answer(today: string, state: RequestState, text: string, reading: Reading): Answered<RequestState> {
    const question = nextQuestion(state, today);
    const choice = question.field === "done" ? undefined : resolveChoice(text, questionChoices(question));
    // "my port got rejected yesterday" tells of a rejection, not of this order's submission day: the diagnosis takes
    // it. A count of rejections to expect ("2 rejections") still prices the order.
    if (!choice && reading.intent === "diagnosis" && reading.facts.rejections === undefined) return { state, understood: false };
    const said = choice?.action.action === "say" ? choice.action.text : text;
    const facts = said === text ? reading.facts : this.services.reader.read(said, { today }).facts;
    const result = answerQuestion(state, said, facts, today);
    if (result.understood) return { state: result.state, understood: true };
    return { state, understood: false, ...(result.problem ? { missed: problemText(result.problem) } : {}) };
  }

  /**
   * A bare count that the step did not take ("two" to "Where are the numbers from?") is a slip in the order, not a
   * question: it is asked again rather than answered with whatever entry the word happens to match.
   */
  protected override mayBeQuestion(text: string, reading: Reading): boolean {
    return super.mayBeQuestion(text, reading) && (reading.facts.count === undefined || looksLikeQuestion(text));
  }

  protected show(question: Question, intro: string | undefined, _context: TurnContext): Shown {
    if (question.field !== "done") return { ask: estimateQuestionReply(question, intro) };
    const result = estimate(this.services.kb, question.input, question.context);
    return { last: estimateCard(result, this.bulkAdvice(totalNumbers(question.input.numbers))), result };
  }

  /** The knowledge's advice for porting many numbers, when the order is that big. */
  private bulkAdvice(count: number): { title: string; url: string } | undefined {
    const bulk = this.services.kb.reading?.kinds.bulk;
    if (!bulk || count < bulk.from) return undefined;
    const entry = this.services.kb.byId.get(bulk.entry);
    return entry && isCustomerEntry(entry) ? { title: entry.title, url: entry.source.url } : undefined;
  }
}
