import type { TurnContext } from "botbuilder";
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from "botbuilder-dialogs";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { estimate } from "../../src/estimate/estimate.js";
import { RequestState, answerQuestion, nextQuestion, startRequest } from "../../src/estimate/request-flow.js";
import { estimateCard, estimateQuestionReply, problemText, questionChoices } from "../cards/estimate-card.js";
import { readInput, resolveChoice } from "../input.js";
import type { BotServices } from "../services.js";
import type { FlowOptions } from "./flows.js";
import { answerAside } from "./interruptions.js";

export const ESTIMATE_DIALOG = "estimate";
const STEPS = "estimate-steps";

const START = "Let's work out the fees and the dates of your port. A few quick questions; type \"cancel\" to stop at any time.";
const BACK = "Back to your estimate:";
/** Replies this short answer the question; longer ones may be a porting question asked on the side. */
const ASIDE_MIN_WORDS = 3;

interface Saved {
  request: RequestState;
}

/**
 * Completes an estimate request one turn at a time with the pure flow of src/estimate/request-flow.ts, asking only
 * what the opening message left out, then sends the estimate card.
 */
class EstimateSteps extends Dialog<FlowOptions> {
  constructor(private readonly services: BotServices) {
    super(STEPS);
  }

  private today(): string {
    return dateInZone(this.services.now(), PORTING_TIME_ZONE);
  }

  override async beginDialog(dc: DialogContext, options?: FlowOptions): Promise<DialogTurnResult> {
    const { state, problems } = startRequest(options?.text, this.today());
    const intro = problems.length ? problems.map(problemText).join("\n\n") : START;
    return this.show(dc, state, intro);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const today = this.today();
    const saved = RequestState.safeParse((dc.activeDialog!.state as Partial<Saved>).request);
    if (!saved.success) {
      this.services.log.warn(`estimate state unreadable, starting again: ${saved.error.issues.map((i) => i.path.join(".")).join(", ")}`);
      return this.show(dc, startRequest(undefined, today).state, "Sorry, I lost track of your estimate. Let's start again.");
    }
    const { text } = readInput(dc.context);
    const question = nextQuestion(saved.data, today);
    const choice = question.field === "done" ? undefined : resolveChoice(text, questionChoices(question));
    const answer = choice?.action.action === "say" ? choice.action.text : text;
    const result = answerQuestion(saved.data, answer, today);
    if (result.understood) return this.show(dc, result.state);
    if (text.split(/\s+/).length >= ASIDE_MIN_WORDS && (await answerAside(dc, text))) return this.show(dc, saved.data, BACK);
    return this.show(dc, saved.data, result.problem ? problemText(result.problem) : undefined);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const saved = RequestState.safeParse((instance.state as Partial<Saved>).request);
    if (!saved.success) return;
    const question = nextQuestion(saved.data, this.today());
    if (question.field !== "done") await this.services.send(context, estimateQuestionReply(question, BACK));
  }

  private async show(dc: DialogContext, state: RequestState, intro?: string): Promise<DialogTurnResult> {
    const question = nextQuestion(state, this.today());
    if (question.field === "done") {
      const result = estimate(this.services.kb, question.input, question.context);
      await this.services.send(dc.context, estimateCard(result));
      return dc.endDialog(result);
    }
    (dc.activeDialog!.state as Saved).request = state;
    await this.services.send(dc.context, estimateQuestionReply(question, intro));
    return Dialog.EndOfTurn;
  }
}

/** "Fees and timing": the estimate flow, started by the main dialog with the text that triggered it. */
export class EstimateDialog extends ComponentDialog {
  constructor(services: BotServices) {
    super(ESTIMATE_DIALOG);
    this.addDialog(new EstimateSteps(services));
    this.initialDialogId = STEPS;
  }
}
