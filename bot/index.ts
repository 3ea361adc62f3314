import "dotenv/config";
import { loadKnowledgeBase, KnowledgeBaseError } from "../src/knowledge/loader.js";
import { feedbackFile } from "../src/feedback/store.js";
import { knowledgeDir } from "../src/paths.js";
import { loadAgentConfig } from "./agent-config.js";
import { createApp } from "./app.js";
import { ConfigError, isLocalMode, listenHost, loadConfig } from "./config.js";
import { createLogger } from "./log.js";

const LOCAL_MODE_WARNING = [
  "*****************************************************************************",
  "  LOCAL MODE: MicrosoftAppId is not set, so requests are NOT authenticated.",
  "  Fine for the Agents Playground or the Emulator on this machine; set",
  "  MicrosoftAppId and MicrosoftAppPassword (see .env.example) before exposing it.",
  "*****************************************************************************",
].join("\n");

async function main(): Promise<void> {
  const log = createLogger();
  const config = loadConfig(process.env);
  const agents = loadAgentConfig(process.env);
  const dir = knowledgeDir(process.env);
  const kb = await loadKnowledgeBase(dir);
  log.info(`knowledge base: ${kb.entries.length} entries from ${dir}`);
  if (isLocalMode(config)) process.stderr.write(`${LOCAL_MODE_WARNING}\n`);
  const server = createApp({ config, kb, feedbackFile: feedbackFile(process.env), log, agents });
  server.listen(config.PORT, listenHost(config), () => {
    log.info(`porting bot listening on ${server.url}/api/messages`);
  });
}

main().catch((error: unknown) => {
  if (error instanceof KnowledgeBaseError || error instanceof ConfigError) {
    process.stderr.write(`cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`cannot start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
