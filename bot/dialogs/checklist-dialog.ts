import type { TurnContext } from "botbuilder";
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from "botbuilder-dialogs";
import { ChecklistState, nextCheck, replyToCheck, startChecklist, type ChecklistStep } from "../../src/diagnosis/checklist.js";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { checkStepReply, checklistHandoffReply, checklistReply } from "../cards/checklist-card.js";
import { readInput } from "../input.js";
import type { BotServices } from "../services.js";
import { answerAside } from "./interruptions.js";

export const CHECKLIST_DIALOG = "checklist";
const STEPS = "checklist-steps";

const START = "Let's check your port before you submit it, so it is not rejected. Answer each check; type \"cancel\" to stop at any time.";
const BACK = "Back to your checklist:";
const MISSED = "Sorry, I didn't get that. Please pick one of these:";

interface Saved {
  checklist: ChecklistState;
}

/** Runs the pure pre-port checklist of src/diagnosis/checklist.ts one turn at a time, state in dialog state. */
class ChecklistSteps extends Dialog {
  constructor(private readonly services: BotServices) {
    super(STEPS);
  }

  private knowledge(): DiagnosisKnowledge {
    return diagnosisKnowledge(this.services.kb, dateInZone(this.services.now(), PORTING_TIME_ZONE));
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const knowledge = this.knowledge();
    const state = startChecklist();
    return this.show(dc, state, nextCheck(knowledge, state), START);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const knowledge = this.knowledge();
    const saved = ChecklistState.safeParse((dc.activeDialog!.state as Partial<Saved>).checklist);
    if (!saved.success) {
      this.services.log.warn(`checklist state unreadable, starting again: ${saved.error.issues.map((i) => i.path.join(".")).join(", ")}`);
      const fresh = startChecklist();
      return this.show(dc, fresh, nextCheck(knowledge, fresh), "Sorry, I lost track of your checklist. Let's start again.");
    }
    const { text } = readInput(dc.context);
    const result = replyToCheck(knowledge, saved.data, text);
    const step = nextCheck(knowledge, result.state);
    if (result.understood) return this.show(dc, result.state, step);
    if (text && (await answerAside(dc, text))) return this.show(dc, saved.data, nextCheck(knowledge, saved.data), BACK);
    return this.show(dc, result.state, step, step.kind === "handoff" ? undefined : MISSED);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const saved = ChecklistState.safeParse((instance.state as Partial<Saved>).checklist);
    if (!saved.success) return;
    const step = nextCheck(this.knowledge(), saved.data);
    if (step.kind === "context" || step.kind === "check") await this.services.send(context, checkStepReply(step, BACK));
  }

  private async show(dc: DialogContext, state: ChecklistState, step: ChecklistStep, intro?: string): Promise<DialogTurnResult> {
    if (step.kind === "done") {
      await this.services.send(dc.context, checklistReply(step.checklist));
      return dc.endDialog({ checklist: step.checklist });
    }
    if (step.kind === "handoff") {
      await this.services.send(dc.context, checklistHandoffReply(step));
      return dc.endDialog({ handoff: step });
    }
    (dc.activeDialog!.state as Saved).checklist = state;
    await this.services.send(dc.context, checkStepReply(step, intro));
    return Dialog.EndOfTurn;
  }
}

/** "Check before I port": the pre-port checklist, started by the main dialog. */
export class ChecklistDialog extends ComponentDialog {
  constructor(services: BotServices) {
    super(CHECKLIST_DIALOG);
    this.addDialog(new ChecklistSteps(services));
    this.initialDialogId = STEPS;
  }
}
