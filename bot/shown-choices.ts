import type { ConversationState, StatePropertyAccessor, TurnContext } from "botbuilder";
import { z } from "zod";
import { Choice, choicesOf, type Reply } from "./channels/reply.js";

const Shown = z.array(Choice);

/**
 * The choices of the last reply sent in a conversation, whoever sent it (the main dialog, a flow, the welcome),
 * kept in conversation state. The main dialog reads them outside a flow: in text channels a number or label typed
 * back picks one, and in web chat a click (which posts the button's text) maps back to its payload.
 */
export class ShownChoices {
  private readonly property: StatePropertyAccessor<unknown>;

  constructor(conversationState: ConversationState) {
    this.property = conversationState.createProperty("shownChoices");
  }

  /** Replaces the remembered choices by the reply's (none when it has no buttons). */
  async remember(context: TurnContext, reply: Reply): Promise<void> {
    await this.property.set(context, choicesOf(reply));
  }

  /** Read back from the store, so anything unreadable (an older shape) counts as no choices. */
  async get(context: TurnContext): Promise<Choice[]> {
    const parsed = Shown.safeParse(await this.property.get(context, []));
    return parsed.success ? parsed.data : [];
  }
}
