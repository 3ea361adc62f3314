import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger, type RespondFn } from "@slack/bolt";
import type { Activity, ActivityHandler, ConversationState } from "botbuilder";
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { SearchEngine } from "../../src/answer/engine.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { Id } from "../../src/knowledge/schema.js";
import { redact } from "../../src/privacy/redact.js";
import { agentAnswer } from "../../src/render/agent-answer.js";
import { resolveKbLink } from "../../src/render/markdown.js";
import { Action } from "../actions.js";
import { turnErrorHandler } from "../adapter.js";
import type { SlackSettings } from "../agent-config.js";
import type { EntryUsage } from "../extension/usage.js";
import type { Logger } from "../log.js";
import { conversationId, SlackBotAdapter, SLACK_APP_CHANNEL } from "./adapter.js";
import { agentAnswerBlocks, CHOICE_ACTION, POST_ANSWER, SHOW_ANOTHER } from "./blocks.js";
import { SeenEvents } from "./seen-events.js";

/** Events, interactivity and the slash command all arrive here (bot/slack/manifest.yaml). */
export const SLACK_PATH = "/api/slack/events";
export const SLASH_COMMAND = "/porting";

const MAX_RESULTS = 5;

export interface SlackOptions {
  settings: SlackSettings | undefined;
  bot: ActivityHandler;
  conversationState: ConversationState;
  kb: KnowledgeBase;
  search: SearchEngine;
  usage: EntryUsage;
  log: Logger;
}

/** What the buttons of an answer and of a reply carry back; outside input, so parsed. */
const Clicked = z.object({ label: z.string().min(1).max(200), action: Action });
const Posted = z.object({ id: Id });
const Another = z.object({ q: z.string().max(500), rank: z.number().int().min(0).max(MAX_RESULTS) });

function parseJson<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Bolt's logger writing through ours (redacted). */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...message: unknown[]) => log.warn(`slack: ${message.join(" ")}`),
    error: (...message: unknown[]) => log.error(`slack: ${message.join(" ")}`),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** "<@U123> how long" -> "how long" */
function withoutMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * The native Slack app, in the bot's process, on POST /api/slack/events (Bolt's HTTP receiver: each request's
 * signature is checked with the signing secret and its timestamp must be within 5 minutes, 401 otherwise):
 * - a mention in a channel is answered in the message's thread, a direct message in the DM, by the same bot and
 *   dialogs as every other channel, rendered as Block Kit; button clicks come back through interactivity;
 * - `/porting <question>` answers the agent alone (ephemeral) with the canned answer, "Post to channel" and
 *   "Show another".
 * Off, and said so, without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.
 */
export function registerSlack(server: Server, { settings, bot, conversationState, kb, search, usage, log }: SlackOptions): boolean {
  if (!settings) {
    log.info(`Slack app off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to serve ${SLACK_PATH}`);
    return false;
  }
  const logger = boltLogger(log);
  const receiver = new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: SLACK_PATH, logger });
  const app = new App({
    receiver,
    token: settings.botToken,
    logger,
    tokenVerificationEnabled: false,
    ...(settings.apiUrl ? { clientOptions: { slackApiUrl: settings.apiUrl } } : {}),
  });
  const adapter = new SlackBotAdapter(app.client);
  adapter.onTurnError = turnErrorHandler(conversationState, log);
  const resolve = resolveKbLink(kb);
  const seen = new SeenEvents();

  const runBot = (activity: Partial<Activity>) => adapter.process({ channelId: SLACK_APP_CHANNEL, ...activity }, (context) => bot.run(context));

  const message = (channel: string, thread: string | undefined, user: string, botUser: string, team: string | undefined, fields: Partial<Activity>): Partial<Activity> => ({
    type: "message",
    conversation: { id: conversationId(channel, thread), isGroup: thread !== undefined, conversationType: thread ? "channel" : "personal", name: channel },
    from: { id: user, name: user },
    recipient: { id: botUser, name: "porting bot" },
    channelData: { channel: { id: channel }, ...(team ? { team: { id: team } } : {}) },
    ...fields,
  });

  // A retried event that was already handled is acknowledged (Bolt acks events first) and not answered again.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !seen.first(eventId)) return;
    await next();
  });

  app.event("app_mention", async ({ event, context, body }) => {
    await runBot(message(event.channel, event.thread_ts ?? event.ts, event.user ?? "unknown", context.botUserId ?? "bot", body.team_id, { text: withoutMentions(event.text) }));
  });

  app.message(async ({ message: m, context, body }) => {
    if (m.channel_type !== "im" || m.subtype !== undefined || typeof m.text !== "string") return;
    await runBot(message(m.channel, undefined, m.user, context.botUserId ?? "bot", (body as { team_id?: string }).team_id, { text: m.text }));
  });

  app.action({ type: "block_actions", action_id: new RegExp(`^${CHOICE_ACTION}-`) }, async ({ ack, action, body, context }) => {
    await ack();
    const clicked = parseJson(Clicked, "value" in action ? action.value : undefined);
    const channel = body.channel?.id;
    if (!clicked || !channel) return;
    const thread = (body.message as { thread_ts?: string } | undefined)?.thread_ts;
    await runBot(message(channel, thread, body.user.id, context.botUserId ?? "bot", body.team?.id, { text: clicked.label, value: clicked.action }));
  });

  const answerAt = (question: string, rank: number) => {
    const hits = search.search(question, { audience: "agent", limit: MAX_RESULTS });
    if (hits.length === 0) return undefined;
    const at = rank % hits.length;
    return agentAnswerBlocks(agentAnswer(kb.byId.get(hits[at]!.id)!, resolve), resolve, { question, rank: at });
  };

  const nothingFound = (question: string) => ({
    text: question
      ? "No porting answer matches that. Try other words, e.g. `/porting port fees` or `/porting BTN mismatch`."
      : "Type a question after the command, e.g. `/porting how long does a port take`.",
  });

  app.command(SLASH_COMMAND, async ({ ack, command, client, respond }) => {
    await ack();
    const question = redact(command.text.trim()).slice(0, 500);
    const answer = (question && answerAt(question, 0)) || nothingFound(question);
    try {
      await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, ...answer });
    } catch {
      // The bot is not in that channel: the command's response URL reaches the agent anyway.
      await respond({ response_type: "ephemeral", ...answer });
    }
  });

  app.action({ type: "block_actions", action_id: SHOW_ANOTHER }, async ({ ack, action, respond }) => {
    await ack();
    const another = parseJson(Another, "value" in action ? action.value : undefined);
    const answer = another ? answerAt(another.q, another.rank + 1) : undefined;
    await respond({ replace_original: true, ...(answer ?? nothingFound(another?.q ?? "")) });
  });

  app.action({ type: "block_actions", action_id: POST_ANSWER }, async ({ ack, action, body, client, respond }) => {
    await ack();
    const posted = parseJson(Posted, "value" in action ? action.value : undefined);
    const entry = posted ? kb.byId.get(posted.id) : undefined;
    const channel = body.channel?.id;
    if (!entry || !channel) return;
    usage.record(entry.id);
    const answer = agentAnswerBlocks(agentAnswer(entry, resolve), resolve);
    await postToChannel(client, respond, channel, answer);
    await respond({ delete_original: true });
  });

  app.error(async (error) => {
    log.error(`slack: ${error.message}`);
  });

  // Bolt reads the raw body itself (the signature covers it), so no body parser runs on this route.
  server.post(SLACK_PATH, async (req: Request, res: Response) => {
    const done = new Promise((resolve) => res.once("close", resolve));
    receiver.requestListener(req, res);
    await done;
  });
  log.info(`Slack app on at ${SLACK_PATH}`);
  return true;
}

/** Posted as the bot; where the bot is not a member, through the command's response URL (as the agent). */
async function postToChannel(client: App["client"], respond: RespondFn, channel: string, answer: { text: string; blocks: unknown[] }): Promise<void> {
  try {
    await client.chat.postMessage({ channel, text: answer.text, blocks: answer.blocks as never });
  } catch {
    await respond({ response_type: "in_channel", replace_original: false, text: answer.text, blocks: answer.blocks as never });
  }
}
