import type { ActivityHandler, CloudAdapter, Storage } from "botbuilder";
import type { Server } from "restify";
import { ConfigError, type BotConfig } from "../config.js";
import { registerDirectLine } from "../directline/routes.js";
import { directLineSettings } from "../directline/settings.js";
import type { Logger } from "../log.js";
import { registerWebChatPage } from "./routes.js";
import { webChatSettings } from "./settings.js";

export interface WebChatOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  storage: Storage;
  config: BotConfig;
  log: Logger;
  /** DIRECTLINE_* and WEBCHAT_* settings (see bot/directline/settings.ts, bot/webchat/settings.ts). */
  env: NodeJS.ProcessEnv;
}

/** Web chat for customers: the bot's own Direct Line channel under /v3/directline and the page at GET /. */
export function registerWebChat(server: Server, { adapter, bot, storage, config, log, env }: WebChatOptions): void {
  let settings;
  try {
    settings = { directLine: directLineSettings(env), page: webChatSettings(env) };
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const account = { id: config.MicrosoftAppId ?? "porting-bot", name: settings.page.title };
  registerDirectLine(server, { adapter, bot, storage, settings: settings.directLine, account, log });
  registerWebChatPage(server, settings.page);
}
