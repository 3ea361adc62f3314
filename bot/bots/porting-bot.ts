import {
  TeamsActivityHandler,
  type ConversationState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from "botbuilder";
import type { DialogState } from "botbuilder-dialogs";
import type { MainDialog } from "../dialogs/main-dialog.js";
import type { SearchExtension } from "../extension/search-extension.js";

/**
 * Greets a conversation once, runs every message through the main dialog, and saves both states after each turn.
 * Outside Teams a greeting goes to a user joining; in Teams, to the conversation the bot is installed in
 * (personal chat, group chat or channel), since Teams reports the bot's own arrival. Teams' search message extension
 * (compose box) is answered by `extension`.
 */
export class PortingBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(
    conversationState: ConversationState,
    userState: UserState,
    dialog: MainDialog,
    private readonly extension?: SearchExtension,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>("dialogState");
    this.welcomed = conversationState.createProperty<boolean>("welcomed");

    this.onMembersAdded(async (context, next) => {
      if (this.shouldWelcome(context) && !(await this.welcomed.get(context, false))) {
        await dialog.welcome(context);
        await this.welcomed.set(context, true);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await dialog.run(context, this.dialogState);
      await next();
    });

    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context);
      await userState.saveChanges(context);
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionQuery(_context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    if (!this.extension) return super.handleTeamsMessagingExtensionQuery(_context, query);
    return this.extension.query(query);
  }

  private shouldWelcome(context: TurnContext): boolean {
    const { membersAdded = [], recipient, channelId } = context.activity;
    const botAdded = membersAdded.some((m) => m.id === recipient.id);
    return channelId === "msteams" ? botAdded : membersAdded.some((m) => m.id !== recipient.id);
  }
}
