import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { ChecklistState, nextCheck, replyToCheck, startChecklist, type ChecklistStep } from "../../src/diagnosis/checklist.js";
import { earlierQuestionMeant, normalizeReply } from "../../src/diagnosis/choices.js";
import { redact } from "../../src/privacy/redact.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { checkStepReply, checklistHandoffReply, checklistReply } from "../cards/checklist-card.js";
import type { BotServices } from "../services.js";
import { StepDialog, type Answered, type Shown } from "./step-dialog.js";

export const CHECKLIST_DIALOG = "checklist";

const START = "Let's check your port before you submit it, so it is not rejected. Answer each check; type \"cancel\" to stop at any time.";
const MISSED = "Sorry, I didn't get that. Please pick one of these:";
/** A reply giving the number, PIN or account number itself: it is not kept, and the form is where it goes. */
const NO_IDENTIFIERS = "No need to type numbers, PINs or account numbers here (I don't keep them); they go in the port request form.";
/** What a "do you know / do you have …?" check may ask for, named in a reply that gives it ("my BTN is 514…"). */
const DETAILS = ["btn", "billing", "pin", "password", "imei", "account"];
const REOPENED = "It sounds like you're changing an earlier answer, so let's take that question again (your other answers are kept):";

/** "Check before I port": the pure pre-port checklist of src/diagnosis/checklist.ts, started by the main dialog. */
export class ChecklistDialog extends StepDialog<ChecklistState, ChecklistStep, DiagnosisKnowledge> {
  constructor(services: BotServices) {
    super(CHECKLIST_DIALOG, services, "checklist", ChecklistState);
  }

  protected knowledge(): DiagnosisKnowledge {
    return diagnosisKnowledge(this.services.kb, dateInZone(this.services.now(), PORTING_TIME_ZONE));
  }

  protected start() {
    return { state: startChecklist(), intro: START };
  }

  protected next(knowledge: DiagnosisKnowledge, state: ChecklistState): ChecklistStep {
    return nextCheck(knowledge, state);
  }

  protected answer(knowledge: DiagnosisKnowledge, state: ChecklistState, text: string): Answered<ChecklistState> {
    // "actually no, we're keeping the internet" three checks after the one about other services: that one is asked again.
    const step = nextCheck(knowledge, state);
    const answered = knowledge.checks.filter((c) => state.answers[c.id] !== undefined);
    const meant = step.kind === "check" ? earlierQuestionMeant(text, step.text, answered) : undefined;
    if (meant) {
      const { [meant.id]: _reopened, ...answers } = state.answers;
      return { state: { ...state, answers }, understood: true, intro: REOPENED };
    }
    const replied = replyToCheck(knowledge, state, text);
    const identifier = redact(text) !== text;
    if (!replied.understood && identifier && step.kind === "check" && givesWhatIsAsked(step.text, text)) {
      return { state: replyToCheck(knowledge, state, "yes").state, understood: true, intro: `Noted: Yes. ${NO_IDENTIFIERS}` };
    }
    return { ...replied, missed: identifier ? `${NO_IDENTIFIERS} ${MISSED}` : MISSED };
  }

  protected override whyAsked(step: ChecklistStep): string | undefined {
    return "why" in step ? step.why : undefined;
  }

  protected show(step: ChecklistStep, intro: string | undefined): Shown {
    switch (step.kind) {
      case "done":
        return { last: checklistReply(step.checklist), result: { checklist: step.checklist } };
      case "handoff":
        return { last: checklistHandoffReply(step), result: { handoff: step } };
      default:
        return { ask: checkStepReply(step, intro) };
    }
  }
}

/** Whether a reply giving a detail ("my BTN is 514-555-0199") gives what a "do you know / have …?" check asks for. */
function givesWhatIsAsked(check: string, reply: string): boolean {
  if (!/\bdo you (?:know|have)\b/i.test(check)) return false;
  const words = (text: string) => new Set(normalizeReply(text).split(" "));
  const asked = words(check);
  const said = words(reply);
  return DETAILS.some((d) => asked.has(d) && said.has(d));
}
