import type { TurnContext } from "botbuilder";
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from "botbuilder-dialogs";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { DiagnosisState, isFinished, nextStep, reply, startDiagnosis, type Step } from "../../src/diagnosis/flow.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { doneReply, handoffReply, outcomeReply, stepReply } from "../cards/diagnosis-card.js";
import { readInput } from "../input.js";
import type { BotServices } from "../services.js";
import { FLOW_IDS, type FlowOptions } from "./flows.js";
import { answerAside } from "./interruptions.js";

export const DIAGNOSE_DIALOG = "diagnose";
const STEPS = "diagnose-steps";

const START = "Let's find out why your port was rejected. A few quick questions, each with the reason I ask it; type \"cancel\" to stop at any time.";
const BACK = "Back to your diagnosis:";
const MISSED = "Sorry, I didn't get that. Please pick one of these:";

/** What the dialog keeps in conversation state between turns. */
interface Saved {
  diagnosis: DiagnosisState;
}

/**
 * Runs the pure diagnosis of src/diagnosis/flow.ts one turn at a time: each turn applies the reply to the state
 * kept in dialog state and shows the next step. Replies that are no answer may be porting questions, answered
 * on the side before the step is asked again.
 */
class DiagnosisSteps extends Dialog<FlowOptions> {
  constructor(private readonly services: BotServices) {
    super(STEPS);
  }

  private knowledge(): { knowledge: DiagnosisKnowledge; today: string } {
    const today = dateInZone(this.services.now(), PORTING_TIME_ZONE);
    return { knowledge: diagnosisKnowledge(this.services.kb, today), today };
  }

  override async beginDialog(dc: DialogContext, options?: FlowOptions): Promise<DialogTurnResult> {
    const { knowledge, today } = this.knowledge();
    const state = startDiagnosis(knowledge, options?.text, today);
    return this.show(dc, state, nextStep(knowledge, state, today), START);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { knowledge, today } = this.knowledge();
    const saved = DiagnosisState.safeParse((dc.activeDialog!.state as Partial<Saved>).diagnosis);
    if (!saved.success) {
      this.services.log.warn(`diagnosis state unreadable, starting again: ${saved.error.issues.map((i) => i.path.join(".")).join(", ")}`);
      const fresh = startDiagnosis(knowledge, undefined, today);
      return this.show(dc, fresh, nextStep(knowledge, fresh, today), "Sorry, I lost track of your diagnosis. Let's start again.");
    }
    const { text } = readInput(dc.context);
    const result = reply(knowledge, saved.data, text, today);
    const step = nextStep(knowledge, result.state, today);
    if (result.understood) return this.show(dc, result.state, step);
    if (text && (await answerAside(dc, text))) return this.show(dc, saved.data, nextStep(knowledge, saved.data, today), BACK);
    return this.show(dc, result.state, step, isFinished(step) ? undefined : MISSED);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { knowledge, today } = this.knowledge();
    const saved = DiagnosisState.safeParse((instance.state as Partial<Saved>).diagnosis);
    if (!saved.success) return;
    const step = nextStep(knowledge, saved.data, today);
    if (!isFinished(step)) await this.services.send(context, this.stepReply(step, BACK));
  }

  private stepReply(step: Exclude<Step, { kind: "done" | "handoff" }>, intro?: string) {
    return step.kind === "outcome" ? outcomeReply(step.outcome, step) : stepReply(step, intro);
  }

  private async show(dc: DialogContext, state: DiagnosisState, step: Step, intro?: string): Promise<DialogTurnResult> {
    if (step.kind === "handoff") {
      await this.services.send(dc.context, handoffReply(step.handoff));
      return dc.endDialog({ handoff: step.handoff });
    }
    if (step.kind === "done") {
      await this.services.send(dc.context, doneReply(new Set(FLOW_IDS.filter((id) => dc.findDialog(id)))));
      return dc.endDialog({ outcome: step.outcome });
    }
    (dc.activeDialog!.state as Saved).diagnosis = state;
    await this.services.send(dc.context, this.stepReply(step, intro));
    return Dialog.EndOfTurn;
  }
}

/** "My port was rejected": the guided diagnosis, started by the main dialog with the text that triggered it. */
export class DiagnosisDialog extends ComponentDialog {
  constructor(services: BotServices) {
    super(DIAGNOSE_DIALOG);
    this.addDialog(new DiagnosisSteps(services));
    this.initialDialogId = STEPS;
  }
}
