import { ConversationState, UserState, type Storage } from "botbuilder";
import type { Dialog } from "botbuilder-dialogs";
import type { Server } from "restify";
import type { AnswerEngine } from "../src/answer/engine.js";
import type { FeedbackRecord } from "../src/feedback/record.js";
import { FeedbackLog } from "../src/feedback/feedback-log.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import type { Reader } from "../src/reading/read.js";
import { resolveKbLink } from "../src/render/markdown.js";
import { createAdapter } from "./adapter.js";
import { SearchExtension } from "./extension/search-extension.js";
import { EntryUsage } from "./extension/usage.js";
import { loadAgentConfig, slackSettings, type AgentConfig } from "./agent-config.js";
import { PortingBot } from "./bots/porting-bot.js";
import { createReplySender } from "./channels/render.js";
import { isLocalMode, loadConfig, type BotConfig } from "./config.js";
import { ChecklistDialog } from "./dialogs/checklist-dialog.js";
import { DiagnosisDialog } from "./dialogs/diagnosis-dialog.js";
import { EstimateDialog } from "./dialogs/estimate-dialog.js";
import { MainDialog } from "./dialogs/main-dialog.js";
import type { LiveKnowledge } from "./live-knowledge.js";
import type { Logger } from "./log.js";
import { BotMetrics } from "./metrics.js";
import { registerOperations } from "./operations.js";
import { registerSearchApi } from "./search-api.js";
import { createServer } from "./server.js";
import { registerSlack } from "./slack/app.js";
import { currentKnowledgeBase, currentSearch, fixedKnowledge, observedEngine, observedReview, type BotServices, type KnowledgeSource } from "./services.js";
import { ShownChoices } from "./shown-choices.js";
import { z } from "zod";
import { ConversationValue } from "./conversation-value.js";
import { EstimateInput } from "../src/estimate/input.js";
import { memoryState, type StateStore } from "./storage.js";
import { turnMiddleware } from "./turn-middleware.js";
import { currentTurn } from "./turn-scope.js";
import { registerWebChat } from "./webchat/register.js";
import { createBotReader } from "./dialogs/reading.js";

/** A second request kept for later: the text of one part of a message. */
const PENDING_REQUEST = z.string().trim().min(1).max(500);

/** The guided flows hosted by the main dialog, each started by its id (see dialogs/flows.ts). */
function flows(services: BotServices): Dialog[] {
  return [new DiagnosisDialog(services), new ChecklistDialog(services), new EstimateDialog(services)];
}

export interface BotOptions {
  /** A fixed knowledge base (tests), unless `knowledge` is given. */
  kb?: KnowledgeBase;
  /** The real engine over `kb` unless given. */
  engine?: AnswerEngine;
  /** Where each turn reads its knowledge; it wins over `kb`. */
  knowledge?: KnowledgeSource;
  log: Logger;
  recordFeedback: (record: FeedbackRecord) => Promise<void>;
  /** Memory bounded as bot/config.ts's defaults say, unless given. */
  storage?: Storage;
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

function knowledgeOf({ kb, engine, knowledge }: Pick<BotOptions, "kb" | "engine" | "knowledge">): KnowledgeSource {
  if (knowledge) return knowledge;
  if (!kb) throw new TypeError("a knowledge base or a knowledge source is required");
  return fixedKnowledge(kb, engine);
}

/** The bot and its state, ready for any adapter: the HTTP server's, or a TestAdapter. */
export function createBot({ log, recordFeedback, storage = memoryState(loadConfig({})).storage, now = () => new Date(), extension, agentChannels = new Set(), ...rest }: BotOptions): BotParts {
  const source = knowledgeOf(rest);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const shown = new ShownChoices(conversationState);
  const engine = observedEngine(source);
  const readers = new WeakMap<KnowledgeBase, Reader>();
  const services: BotServices = {
    get kb() {
      return source.current().kb;
    },
    engine,
    review: observedReview(source),
    send: createReplySender(resolveKbLink({ get byId() { return source.current().kb.byId; } }), shown),
    shown,
    lastEstimate: new ConversationValue(conversationState, "lastEstimate", EstimateInput),
    nextRequest: new ConversationValue(conversationState, "nextRequest", PENDING_REQUEST),
    cannedShown: new ConversationValue(conversationState, "cannedShown", z.array(z.string()).max(10)),
    recordFeedback,
    log,
    now,
    get reader() {
      const { kb } = source.current();
      let reader = readers.get(kb);
      if (!reader) readers.set(kb, (reader = createBotReader(kb, now)));
      return reader;
    },
    agentChannels,
  };
  const dialog = new MainDialog(services, flows(services));
  return { bot: new PortingBot(conversationState, userState, dialog, extension), conversationState };
}

export interface ServiceOptions {
  config: BotConfig;
  knowledge: KnowledgeSource;
  /** Reloads the knowledge (POST /admin/reload); absent for a fixed knowledge base. */
  live?: LiveKnowledge;
  state: StateStore;
  metrics?: BotMetrics;
  feedbackFile: string;
  log: Logger;
  /** Web chat settings (DIRECTLINE_*, WEBCHAT_*); none set means the defaults. */
  env?: NodeJS.ProcessEnv;
  /** The agents' tools (search API, Slack app) and agent channels; all off when absent. */
  agents?: AgentConfig;
}

/** The running bot, as index.ts and the tests drive it. */
export interface Service {
  /** Not yet listening: index.ts listens on PORT, tests on port 0. */
  server: Server;
  metrics: BotMetrics;
  /**
   * Graceful stop: /readyz turns unavailable, the server stops accepting connections and waits for the requests
   * (turns) in progress, then the feedback log is flushed and the state store closed.
   */
  shutdown(): Promise<void>;
}

/** The whole bot behind its HTTP server: messages, health, readiness, metrics and, with a key, the admin reload. */
export function createService({ config, knowledge, live, state, metrics = new BotMetrics(), feedbackFile, log, env = {}, agents = loadAgentConfig({}) }: ServiceOptions): Service {
  const feedback = new FeedbackLog({ file: feedbackFile, onProblem: (message) => log.warn(message) });
  const recordFeedback = async (record: FeedbackRecord) => {
    feedback.record(record);
    metrics.feedback.inc({ status: record.status });
    const turn = currentTurn();
    if (turn && record.status === "fallback") turn.fellBack = true;
  };
  // The agents' tools read the knowledge at each use, so a reload reaches them as it reaches the dialogs.
  const kb = currentKnowledgeBase(knowledge);
  const search = currentSearch(knowledge);
  const usage = new EntryUsage(kb);
  const extension = new SearchExtension(kb, search, usage);
  const { bot, conversationState } = createBot({ knowledge, log, recordFeedback, storage: state.storage, extension, agentChannels: new Set(agents.AGENT_CHANNELS) });
  const { adapter, issuers } = createAdapter(config, conversationState, log);
  adapter.use(turnMiddleware({ lock: state.lock, lastMessages: state.lastMessages, knowledge, conversationState, metrics, log }));
  metrics.entries.set(knowledge.latest().kb.entries.length);
  metrics.observeOpinion(() => knowledge.opinionStatus());
  live?.onReload((result) => {
    metrics.reloads.inc({ result: result.status });
    metrics.entries.set(knowledge.latest().kb.entries.length);
  });
  state.reloads.listen(() => {
    if (!live) return;
    log.info("knowledge reload announced by another instance");
    void live.reload();
  });
  const server = createServer({ adapter, issuers, bot, log, localMode: isLocalMode(config), recent: state.activities });
  registerWebChat(server, { adapter, bot, storage: state.storage, config, log, env });
  registerSearchApi(server, { kb, search, keys: agents.SEARCH_API_KEYS, log });
  registerSlack(server, { settings: slackSettings(agents), bot, conversationState, kb, search, usage, log });
  // Longer than a proxy's idle keep-alive (nginx keeps upstream connections 60 s), so a proxy never sends a request
  // on a connection the bot is closing at that moment.
  server.server.keepAliveTimeout = 65_000;
  let stopping = false;
  registerOperations(server, {
    knowledge,
    ...(live ? { reload: () => live.reload() } : {}),
    announceReload: () => state.reloads.announce(),
    state,
    metrics,
    log,
    ...(config.ADMIN_API_KEY ? { adminKey: config.ADMIN_API_KEY } : {}),
    stopping: () => stopping,
  });
  return {
    server,
    metrics,
    async shutdown() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive connections close as soon as their request in progress is answered.
      const closeIdle = setInterval(() => server.server.closeIdleConnections(), 50);
      await closed.finally(() => clearInterval(closeIdle));
      await Promise.all([feedback.close(), state.close()]);
    },
  };
}

export interface AppOptions {
  config: BotConfig;
  kb: KnowledgeBase;
  feedbackFile: string;
  log: Logger;
  storage?: Storage;
  /** Web chat settings (DIRECTLINE_*, WEBCHAT_*); none set means the defaults. */
  env?: NodeJS.ProcessEnv;
  /** The agents' tools (search API, Slack app) and agent channels; all off when absent. */
  agents?: AgentConfig;
}

/**
 * The bot with a fixed knowledge base, not yet listening: state in memory unless `storage` is given (tests share one
 * between two instances), web chat settings from `env`.
 */
export function createApp({ config, kb, feedbackFile, log, storage, env = {}, agents }: AppOptions): Server {
  const state = memoryState(config);
  return createService({ config, knowledge: fixedKnowledge(kb), state: storage ? { ...state, storage } : state, feedbackFile, log, env, ...(agents ? { agents } : {}) }).server;
}
