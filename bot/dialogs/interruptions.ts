import type { TurnContext } from "botbuilder";
import type { DialogContext } from "botbuilder-dialogs";
import { looksLikeQuestion } from "../../src/reading/question-shape.js";
import type { BotServices } from "../services.js";
import { answerReply, ask, recordFallback } from "./answer-turn.js";

/**
 * How the guided flows (diagnose, checklist, estimate) share the conversation with the main dialog:
 *
 * - Every message is read once by the reader (./reading.ts). Commands in any wording ("cancel", "menu", "help",
 *   "start over", "talk to a human") never reach a flow: the main dialog handles them first. "help" and "agent"
 *   answer and then call the flow's repromptDialog, so a flow must re-ask its current step there; "cancel", "menu"
 *   and "start over" end it.
 * - Buttons of main-dialog cards (an answer's "Did this help?", a related entry) clicked during a flow are handled by
 *   the main dialog, which then calls repromptDialog too.
 * - Everything else goes to the flow (StepDialog, ./step-dialog.ts). A reply its step does not take is, in order:
 *   a request for another flow, which replaces this one; a porting question, answered on the side by
 *   `answerAside(dc, text)` before the step is asked again ("Back to your diagnosis: …"); or a miss, asked again
 *   with its buttons twice, then the flow ends with the menu and the way to reach a person.
 */
export async function answerAside(dc: DialogContext, text: string): Promise<boolean> {
  const services = servicesOf(dc);
  const result = await ask(services, text, dc.context);
  // In a flow most misses are answers the step did not take ("maybe", "the second one"): logging them would bury
  // the questions curators need to see among them, so only a question-shaped miss is logged.
  if (result.status === "fallback" && looksLikeQuestion(text)) await recordFallback(services, dc.context, result);
  if (result.status === "fallback") return false;
  // Offering a choice here would put a second set of buttons beside the flow's: the closest entry is shown instead,
  // but only for a question. A reply the step did not take ("hmm, not sure what you mean") that merely shares words
  // with an entry would otherwise get an article it never asked for; it is asked again instead.
  if (result.status === "clarify" && !looksLikeQuestion(text)) return false;
  const answered = result.status === "answered" ? result : { ...result, status: "answered" as const, answer: result.alternatives[0]! };
  if (!answered.answer) return false;
  // Without buttons: the flow's own buttons follow, and in web chat a click posts its label as text, so an
  // answer's "Yes" would read as an answer to the flow's question.
  await services.send(dc.context, { ...answerReply(services, flowsOf(dc.context), answered, dc.context), groups: [] });
  return true;
}

const SERVICES = Symbol("porting-bot services");
const FLOWS = Symbol("porting-bot flows");

/** The main dialog puts its services and flows on the turn, for `answerAside` and the replies that offer the flows. */
export function provideServices(dc: DialogContext, services: BotServices, flows: ReadonlySet<string>): void {
  dc.context.turnState.set(SERVICES, services);
  dc.context.turnState.set(FLOWS, flows);
}

function servicesOf(dc: DialogContext): BotServices {
  const services = dc.context.turnState.get(SERVICES) as BotServices | undefined;
  if (!services) throw new Error("no bot services on this turn: flows must run inside the main dialog");
  return services;
}

/** The flows the main dialog hosts, for a reply that offers them. */
export function flowsOf(context: TurnContext): ReadonlySet<string> {
  return (context.turnState.get(FLOWS) as ReadonlySet<string> | undefined) ?? new Set();
}
