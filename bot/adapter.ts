import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState, type TurnContext } from "botbuilder";
import type { BotConfig } from "./config.js";
import type { Logger } from "./log.js";

/**
 * The Bot Framework adapter: with an app id, incoming requests need a valid Bot Framework token (401 otherwise);
 * without one, local mode, unauthenticated.
 */
export function createAdapter(config: BotConfig, conversationState: ConversationState, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? "",
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? "",
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? "",
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(conversationState, log);
  return adapter;
}

/**
 * A failed turn is logged (redacted), the user is told, and that conversation's state (its dialog stack) is
 * cleared so the next message starts afresh; the process keeps serving everyone else.
 */
export function turnErrorHandler(conversationState: ConversationState, log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    log.error(`turn failed (${context.activity.channelId}, ${context.activity.type}): ${error.stack ?? error.message}`);
    try {
      await context.sendActivity("Sorry, something went wrong on my side. Please try again, or type \"agent\" to reach a person.");
    } catch (sendError) {
      log.error(`could not tell the user about the failure: ${(sendError as Error).message}`);
    }
    try {
      await conversationState.delete(context);
    } catch (deleteError) {
      log.error(`could not clear the conversation state: ${(deleteError as Error).message}`);
    }
  };
}
