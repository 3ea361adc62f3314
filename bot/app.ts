import { ConversationState, UserState, type Storage } from "botbuilder";
import type { Dialog } from "botbuilder-dialogs";
import type { Server } from "restify";
import { createAnswerEngine } from "../src/answer/engine.js";
import { appendFeedback } from "../src/feedback/store.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { createAdapter } from "./adapter.js";
import { PortingBot } from "./bots/porting-bot.js";
import { createReplySender } from "./channels/render.js";
import type { BotConfig } from "./config.js";
import { MainDialog } from "./dialogs/main-dialog.js";
import type { Logger } from "./log.js";
import { createServer } from "./server.js";
import { kbLinks, type BotServices } from "./services.js";
import { createStorage } from "./storage.js";

export interface AppOptions {
  config: BotConfig;
  kb: KnowledgeBase;
  feedbackFile: string;
  log: Logger;
  storage?: Storage;
  now?: () => Date;
}

/** The guided flows hosted by the main dialog. */
function flows(_services: BotServices): Dialog[] {
  return [];
}

/** Wires the whole bot (state, engine, dialogs, adapter, HTTP server) without listening: index.ts and tests share it. */
export function createApp({ config, kb, feedbackFile, log, storage = createStorage(), now = () => new Date() }: AppOptions): Server {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const links = kbLinks(kb);
  const services: BotServices = {
    kb,
    engine: createAnswerEngine(kb),
    send: createReplySender(links),
    links,
    recordFeedback: (record) => appendFeedback(feedbackFile, record),
    userState,
    log,
    now,
  };
  const dialog = new MainDialog(services, flows(services));
  const bot = new PortingBot(conversationState, userState, dialog);
  const adapter = createAdapter(config, conversationState, log);
  return createServer({ adapter, bot, log });
}
