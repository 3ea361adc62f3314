import { ConversationState, UserState, type Storage } from "botbuilder";
import type { Dialog } from "botbuilder-dialogs";
import type { Server } from "restify";
import { createAnswerEngine, type AnswerEngine } from "../src/answer/engine.js";
import type { FeedbackRecord } from "../src/feedback/record.js";
import { FeedbackLog } from "../src/feedback/feedback-log.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { resolveKbLink } from "../src/render/markdown.js";
import { createAdapter } from "./adapter.js";
import { SearchExtension } from "./extension/search-extension.js";
import { EntryUsage } from "./extension/usage.js";
import { loadAgentConfig, slackSettings, type AgentConfig } from "./agent-config.js";
import { PortingBot } from "./bots/porting-bot.js";
import { createReplySender } from "./channels/render.js";
import { isLocalMode, type BotConfig } from "./config.js";
import { ChecklistDialog } from "./dialogs/checklist-dialog.js";
import { DiagnosisDialog } from "./dialogs/diagnosis-dialog.js";
import { EstimateDialog } from "./dialogs/estimate-dialog.js";
import { MainDialog } from "./dialogs/main-dialog.js";
import type { Logger } from "./log.js";
import { registerSearchApi } from "./search-api.js";
import { createServer } from "./server.js";
import { registerSlack } from "./slack/app.js";
import type { BotServices } from "./services.js";
import { ShownChoices } from "./shown-choices.js";
import { createStorage } from "./storage.js";

/** The guided flows hosted by the main dialog, each started by its id (see dialogs/flows.ts). */
function flows(services: BotServices): Dialog[] {
  return [new DiagnosisDialog(services), new ChecklistDialog(services), new EstimateDialog(services)];
}

export interface BotOptions {
  kb: KnowledgeBase;
  log: Logger;
  recordFeedback: (record: FeedbackRecord) => Promise<void>;
  storage?: Storage;
  /** The real engine over `kb` unless given. */
  engine?: AnswerEngine;
  now?: () => Date;
  /** Teams' search message extension; without it the bot answers no extension query. */
  extension?: SearchExtension;
  /** Conversations of support agents (AGENT_CHANNELS): they get canned answers, archived entries included. */
  agentChannels?: ReadonlySet<string>;
}

export interface BotParts {
  bot: PortingBot;
  conversationState: ConversationState;
}

/** The bot and its state, ready for any adapter: the HTTP server's, or a TestAdapter. */
export function createBot({ kb, log, recordFeedback, storage = createStorage(), engine = createAnswerEngine(kb), now = () => new Date(), extension, agentChannels = new Set() }: BotOptions): BotParts {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const shown = new ShownChoices(conversationState);
  const services: BotServices = { kb, engine, send: createReplySender(resolveKbLink(kb), shown), shown, recordFeedback, log, now, agentChannels };
  const dialog = new MainDialog(services, flows(services));
  return { bot: new PortingBot(conversationState, userState, dialog, extension), conversationState };
}

export interface AppOptions {
  config: BotConfig;
  kb: KnowledgeBase;
  feedbackFile: string;
  log: Logger;
  /** The agents' tools (search API, Slack app) and agent channels; all off when absent. */
  agents?: AgentConfig;
}

/**
 * The whole bot behind its HTTP server, not yet listening: index.ts listens on PORT, tests on port 0.
 * Feedback goes to a background writer: recording it never waits for, or fails with, the file.
 */
export function createApp({ config, kb, feedbackFile, log, agents = loadAgentConfig({}) }: AppOptions): Server {
  const feedback = new FeedbackLog({ file: feedbackFile, onProblem: (message) => log.warn(message) });
  const engine = createAnswerEngine(kb);
  const usage = new EntryUsage(kb);
  const extension = new SearchExtension(kb, engine, usage);
  const { bot, conversationState } = createBot({
    kb,
    log,
    engine,
    extension,
    agentChannels: new Set(agents.AGENT_CHANNELS),
    recordFeedback: async (record) => feedback.record(record),
  });
  const { adapter, issuers } = createAdapter(config, conversationState, log);
  const server = createServer({ adapter, issuers, bot, log, localMode: isLocalMode(config) });
  registerSearchApi(server, { kb, search: engine, keys: agents.SEARCH_API_KEYS, log });
  registerSlack(server, { settings: slackSettings(agents), bot, conversationState, kb, search: engine, usage, log });
  return server;
}
