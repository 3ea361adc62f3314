import type { ConversationState, StatePropertyAccessor, TurnContext } from "botbuilder";
import type { z } from "zod";

/**
 * One value kept in conversation state between turns, read back with its schema so that anything unreadable (an
 * older shape, a tampered store) counts as none.
 */
export class ConversationValue<T> {
  private readonly property: StatePropertyAccessor<unknown>;

  constructor(
    conversationState: ConversationState,
    name: string,
    private readonly schema: z.ZodType<T>,
  ) {
    this.property = conversationState.createProperty(name);
  }

  remember(context: TurnContext, value: T): Promise<void> {
    return this.property.set(context, value);
  }

  forget(context: TurnContext): Promise<void> {
    return this.property.delete(context);
  }

  async get(context: TurnContext): Promise<T | undefined> {
    const stored = await this.property.get(context);
    if (stored === undefined) return undefined;
    const parsed = this.schema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  /** The value kept, forgotten as it is read. */
  async take(context: TurnContext): Promise<T | undefined> {
    const value = await this.get(context);
    await this.forget(context);
    return value;
  }
}
