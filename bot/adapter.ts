import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  CallerIdConstants,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import { AuthenticationConstants, ToBotFromBotOrEmulatorTokenValidationParameters, type AuthenticateRequestResult, type ConnectorClient } from "botframework-connector";
import type { BotConfig } from "./config.js";
import type { Logger } from "./log.js";
import type { TokenIssuers } from "./request-auth.js";

/** How long one reply may take to reach the channel (all retries included) before the send is abandoned. */
export const REPLY_TIMEOUT_MS = 5000;

/** A reply that could not reach the channel's serviceUrl: nothing else can reach the user either. */
export class DeliveryError extends Error {
  override name = "DeliveryError";
}

/** CloudAdapter with its activity entry points public: the server reads, checks and answers requests itself. */
export class BotFrameworkAdapter extends CloudAdapter {
  /** The SDK's full check of the request's token against the activity (channel, serviceUrl claim, endorsements). */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs `logic` on an authenticated activity; an invoke's response. */
  handle(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

export interface BotAdapter {
  adapter: BotFrameworkAdapter;
  /** Who may sign the tokens this bot accepts (the server checks a token before reading a request's body). */
  issuers: TokenIssuers;
}

/** The public cloud's token issuers and key locations, the key locations overridable (sovereign clouds, tests). */
export function tokenIssuers(config: BotConfig): TokenIssuers {
  return {
    appId: config.MicrosoftAppId ?? "",
    channel: {
      issuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      metadataUrl: config.ToBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    },
    emulator: {
      issuers: ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[],
      metadataUrl: config.ToBotFromEmulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    },
  };
}

/**
 * The Bot Framework adapter: with an app id, incoming requests need a valid Bot Framework token;
 * without one, local mode, unauthenticated. Replies sent to the channel give up after REPLY_TIMEOUT_MS.
 */
export function createAdapter(config: BotConfig, conversationState: ConversationState, log: Logger, replyTimeoutMs = REPLY_TIMEOUT_MS): BotAdapter {
  const issuers = tokenIssuers(config);
  const overridden = config.ToBotFromChannelOpenIdMetadataUrl !== undefined || config.ToBotFromEmulatorOpenIdMetadataUrl !== undefined;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? "",
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? "",
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? "",
    // Overriding one public-cloud setting makes the SDK expect them all.
    ...(overridden
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: issuers.channel.issuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: issuers.channel.metadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: issuers.emulator.metadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  });
  const adapter = new BotFrameworkAdapter(auth);
  adapter.use(async (context, next) => {
    const client = context.turnState.get<ConnectorClient | undefined>(adapter.ConnectorClientKey);
    if (client) limitReplies(client, replyTimeoutMs);
    await next();
  });
  adapter.onTurnError = turnErrorHandler(conversationState, log);
  return { adapter, issuers };
}

type Send = (...args: unknown[]) => Promise<unknown>;

/** The connector calls a turn makes carry a deadline; a failure surfaces as a DeliveryError. */
function limitReplies(client: ConnectorClient, timeoutMs: number): void {
  const conversations = client.conversations as unknown as Record<string, Send>;
  // The options argument of each call the adapter makes while sending, updating or deleting replies.
  const optionsAt: Record<string, number> = { replyToActivity: 3, sendToConversation: 2, updateActivity: 3, deleteActivity: 2 };
  for (const [method, at] of Object.entries(optionsAt)) {
    const send = conversations[method]!.bind(client.conversations);
    conversations[method] = async (...args: unknown[]) => {
      const options = (args[at] ?? {}) as Record<string, unknown>;
      args[at] = { ...options, abortSignal: AbortSignal.timeout(timeoutMs) };
      try {
        return await send(...args);
      } catch (error) {
        throw new DeliveryError(`the reply could not be delivered: ${(error as Error).name}`);
      }
    };
  }
}

/** Whether `error`, or the error it wraps (dialogs wrap what fails inside them), is a DeliveryError. */
function isDeliveryFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { error?: unknown; cause?: unknown }).error ?? (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DeliveryError) return true;
  }
  return false;
}

/**
 * A failed turn is logged (redacted, one line), the user is told, and that conversation's state (its dialog stack)
 * is cleared so the next message starts afresh; the process keeps serving everyone else. A reply that could not be
 * delivered is only logged: the conversation itself is fine.
 */
export function turnErrorHandler(conversationState: ConversationState, log: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const where = `${context.activity.channelId}, ${context.activity.type}`;
    if (isDeliveryFailure(error)) {
      log.warn(`turn ended early (${where}): the reply could not be delivered`);
      return;
    }
    log.error({ stack: error.stack?.split("\n").slice(1, 4).join(" | ") }, `turn failed (${where}): ${error.name}: ${error.message}`);
    try {
      await context.sendActivity("Sorry, something went wrong on my side. Please try again, or type \"agent\" to reach a person.");
    } catch (sendError) {
      log.error(`could not tell the user about the failure: ${(sendError as Error).name}`);
    }
    try {
      await conversationState.delete(context);
    } catch (deleteError) {
      log.error(`could not clear the conversation state: ${(deleteError as Error).name}`);
    }
  };
}
