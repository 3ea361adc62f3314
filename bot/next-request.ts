import type { ConversationState, StatePropertyAccessor, TurnContext } from "botbuilder";
import { z } from "zod";

const Pending = z.string().trim().min(1).max(500);

/**
 * The second request of a message that made two ("how much for 2 local and also why was my port rejected"), kept in
 * conversation state while the first is handled, so that it is offered next. Forgotten once offered, or when the
 * customer cancels or starts over.
 */
export class NextRequest {
  private readonly property: StatePropertyAccessor<unknown>;

  constructor(conversationState: ConversationState) {
    this.property = conversationState.createProperty("nextRequest");
  }

  remember(context: TurnContext, text: string): Promise<void> {
    return this.property.set(context, text);
  }

  forget(context: TurnContext): Promise<void> {
    return this.property.delete(context);
  }

  /** The request kept, forgotten as it is read; anything unreadable counts as none. */
  async take(context: TurnContext): Promise<string | undefined> {
    const stored = await this.property.get(context);
    if (stored === undefined) return undefined;
    await this.forget(context);
    const parsed = Pending.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }
}
