import type { ConversationState, Middleware, TurnContext } from "botbuilder";
import { EtagConflictError } from "./etag-storage.js";
import { LocalLastMessages, type MessageRepeats } from "./last-messages.js";
import type { Logger } from "./log.js";
import { channelLabel, type BotMetrics, type TurnOutcome } from "./metrics.js";
import type { KnowledgeSource } from "./services.js";
import { TurnLockTimeout, type TurnLock } from "./turn-lock.js";
import { inTurn, type TurnScope } from "./turn-scope.js";

export const BUSY_REPLY = "I'm still working on your previous message. Please send this one again in a moment.";

export interface TurnMiddlewareOptions {
  lock: TurnLock;
  knowledge: KnowledgeSource;
  conversationState: ConversationState;
  metrics: BotMetrics;
  log: Logger;
  /** Each conversation's last message, for spotting a double send: in this process unless shared. */
  lastMessages?: MessageRepeats;
}

/**
 * Whether a guided flow is running: the main dialog (bots/porting-bot.ts, dialogs/main-dialog.ts) is a
 * ComponentDialog whose children, the flows, are kept in its state under "dialogs".
 */
function inFlow(conversationState: ConversationState, context: TurnContext): boolean {
  const state = conversationState.get(context) as { dialogState?: { dialogStack?: Array<{ state?: { dialogs?: { dialogStack?: unknown[] } } }> } } | undefined;
  return (state?.dialogState?.dialogStack?.[0]?.state?.dialogs?.dialogStack?.length ?? 0) > 0;
}

function outcomeOf(scope: TurnScope, flow: boolean): TurnOutcome {
  if (scope.fellBack) return "fallback";
  if (scope.asked === "answered") return "answered";
  if (scope.asked === "clarify") return "asked_back";
  if (scope.asked === "fallback") return "fallback";
  return flow ? "flow" : "other";
}

/**
 * What a message says, as a key of its conversation: the same text and value stamped by the client
 * (`localTimestamp`, set by Web Chat and Teams) within REPEAT_MS of the conversation's last message is a double send
 * (Enter pressed twice, a button tapped twice), not a second answer. Messages without the stamp are all run, in turn.
 */
function messageKey(context: TurnContext, lockKey: string): string | undefined {
  const { type, text, value } = context.activity;
  if (type !== "message" || (!text && value === undefined)) return undefined;
  return JSON.stringify([lockKey, text ?? "", value ?? null]);
}

function clientTime(context: TurnContext): number | undefined {
  const stamp = context.activity.localTimestamp as Date | string | undefined;
  const at = stamp === undefined ? NaN : new Date(stamp).getTime();
  return Number.isFinite(at) ? at : undefined;
}

/**
 * Around every turn: drops a message its client sent twice (a double send would otherwise answer two questions with
 * one tap, or add "2 more" twice; spotted on every instance sharing `lastMessages`); takes the conversation's lock, so its turns run one at a time on every instance; pins the
 * knowledge the turn starts with; and counts the turn and its time by channel and outcome.
 * A turn whose state write conflicts with another writer's keeps the other's state (the write is refused, the
 * conflict logged and counted); a turn that waited too long for the lock is asked to be sent again. Neither clears
 * the conversation, as a failed turn would.
 */
export function turnMiddleware({ lock, knowledge, conversationState, metrics, log, lastMessages = new LocalLastMessages() }: TurnMiddlewareOptions): Middleware {
  return {
    async onTurn(context, next) {
      const { channelId, conversation } = context.activity;
      const channel = channelLabel(channelId);
      const lockKey = `${channelId}/${conversation?.id ?? ""}`;
      const key = messageKey(context, lockKey);
      const at = clientTime(context);
      if (key !== undefined && at !== undefined && (await lastMessages.repeats(lockKey, key, at))) {
        log.info(`message not run (${channel}): the same message of this conversation was just received`);
        metrics.turns.inc({ channel, outcome: "repeat" });
        return;
      }
      const stopTimer = metrics.turnSeconds.startTimer({ channel });
      const scope: TurnScope = { etags: new Map(), knowledge: knowledge.latest() };
      let outcome: TurnOutcome = "error";
      try {
        await lock.run(lockKey, () =>
          inTurn(scope, async () => {
            await conversationState.load(context);
            const flowBefore = inFlow(conversationState, context);
            await next();
            outcome = outcomeOf(scope, flowBefore || inFlow(conversationState, context));
          }),
        );
      } catch (error) {
        if (error instanceof TurnLockTimeout) {
          outcome = "busy";
          log.warn(`turn not run (${channel}): ${error.message}`);
          await context.sendActivity(BUSY_REPLY);
          return;
        }
        if (error instanceof EtagConflictError) {
          outcome = "conflict";
          log.warn(`turn not saved (${channel}): its conversation was changed by another turn meanwhile`);
          return;
        }
        throw error;
      } finally {
        metrics.turns.inc({ channel, outcome });
        stopTimer();
      }
    },
  };
}
