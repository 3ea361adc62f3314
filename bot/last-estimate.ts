import type { ConversationState, StatePropertyAccessor, TurnContext } from "botbuilder";
import { EstimateInput } from "../src/estimate/input.js";

/**
 * The order of the last estimate given in a conversation, kept in conversation state so a fragment that follows it
 * ("and if expedited?", "what about 3 more", "for Quebec instead") changes that order instead of going to the
 * answer engine. Forgotten when another flow starts or the customer starts over.
 */
export class LastEstimate {
  private readonly property: StatePropertyAccessor<unknown>;

  constructor(conversationState: ConversationState) {
    this.property = conversationState.createProperty("lastEstimate");
  }

  remember(context: TurnContext, input: EstimateInput): Promise<void> {
    return this.property.set(context, input);
  }

  forget(context: TurnContext): Promise<void> {
    return this.property.delete(context);
  }

  /** Read back with the input's schema, so anything unreadable (an older shape) counts as no estimate. */
  async get(context: TurnContext): Promise<EstimateInput | undefined> {
    const stored = await this.property.get(context);
    if (stored === undefined) return undefined;
    const parsed = EstimateInput.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }
}
