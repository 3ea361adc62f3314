import type { TurnContext } from "botbuilder";
import type { DialogContext } from "botbuilder-dialogs";
import type { BotServices } from "../services.js";
import { isAcknowledgement } from "./acknowledgements.js";
import { answerReply, ask, recordFallback } from "./answer-turn.js";
import { looksLikeQuestion } from "./question-shape.js";

/**
 * How the guided flows (diagnose, checklist, estimate) share the conversation with the main dialog:
 *
 * - Global commands ("help", "menu", "start over", "cancel", "agent") never reach a flow: the main dialog handles
 *   them first. "help" and "agent" answer and then call the flow's repromptDialog, so a flow must re-ask its current
 *   step there; "cancel", "menu" and "start over" end it.
 * - Buttons of main-dialog cards (an answer's "Did this help?", a related entry) clicked during a flow are handled by
 *   the main dialog, which then calls repromptDialog too.
 * - Everything else goes to the flow. When the flow cannot read the reply as an answer to its step, it calls
 *   `answerAside(dc, text)`: if the text is a porting question the engine answers, the answer card (without
 *   buttons) is sent and true returned, and the flow re-asks its step ("Back to your diagnosis: …"); false means
 *   nothing was sent and the flow treats the reply as a miss. A reply the engine has no answer for is logged as a
 *   fallback only when it is shaped like a question (see `answerAside`); outside a flow every fallback is logged.
 * - Flows extend StepDialog (./step-dialog.ts), built with the services in bot/app.ts: it reads the user's reply
 *   with `readInput(dc.context).text` (bot @mention removed, button clicks as text), calls `answerAside` and sends
 *   with `this.services.send(dc.context, reply)`; flows offer choices as `say` buttons, which text channels number.
 */
export async function answerAside(dc: DialogContext, text: string): Promise<boolean> {
  // A bare "yes" the step did not take (an older card's button) is no question: not asked, not logged.
  if (isAcknowledgement(text)) return false;
  const services = servicesOf(dc);
  const result = ask(services, text, dc.context);
  // In a flow most misses are answers the step did not take ("maybe", "last friday", "the second one"): logging them
  // would bury the questions curators need to see among them, so only a question-shaped miss is logged.
  if (result.status === "fallback" && looksLikeQuestion(text)) await recordFallback(services, dc.context, result);
  if (result.status !== "answered") return false;
  // Without buttons: the flow's own buttons follow, and in web chat a click posts its label as text, so an
  // answer's "Yes" would read as an answer to the flow's question.
  await services.send(dc.context, { ...answerReply(services, flowsOf(dc.context), result, dc.context), groups: [] });
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
