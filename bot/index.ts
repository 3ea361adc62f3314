import "dotenv/config";
import { KnowledgeBaseError } from "../src/knowledge/loader.js";
import { feedbackFile } from "../src/feedback/store.js";
import { knowledgeDir, vectorCacheFile } from "../src/paths.js";
import { loadSentenceEncoder } from "../src/answer/sentence-encoder.js";
import { VectorCache } from "../src/answer/vector-cache.js";
import { loadAgentConfig } from "./agent-config.js";
import { createService } from "./app.js";
import { ConfigError, isLocalMode, listenHost, loadConfig } from "./config.js";
import { LiveKnowledge } from "./live-knowledge.js";
import { createLogger, type Logger } from "./log.js";
import { BotMetrics } from "./metrics.js";
import { createStateStore } from "./storage.js";

const LOCAL_MODE_WARNING = [
  "*****************************************************************************",
  "  LOCAL MODE: MicrosoftAppId is not set, so requests are NOT authenticated.",
  "  Fine for the Agents Playground or the Emulator on this machine; set",
  "  MicrosoftAppId and MicrosoftAppPassword (see .env.example) before exposing it.",
  "*****************************************************************************",
].join("\n");

/** How long a stop waits for running turns before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The sentence encoder behind the answers' second opinion, unless SECOND_OPINION=off; a failure to load is logged,
 * not fatal. It loads while the bot already serves with the engine alone.
 */
async function sentenceVectors(log: Logger): Promise<VectorCache | undefined> {
  try {
    return new VectorCache(await loadSentenceEncoder(), vectorCacheFile(process.env));
  } catch (error) {
    log.error(`cannot load the sentence encoder, answering without its second opinion: ${(error as Error).message}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const log = createLogger();
  const config = loadConfig(process.env);
  const agents = loadAgentConfig(process.env);
  const dir = knowledgeDir(process.env);
  const metrics = new BotMetrics();
  const reviews = { ...(config.SECOND_OPINION_BUDGET_MS ? { budgetMs: config.SECOND_OPINION_BUDGET_MS } : {}), onLate: () => metrics.lateReviews.inc() };
  const knowledge = await LiveKnowledge.load(dir, log, config.SECOND_OPINION === "off" ? undefined : sentenceVectors(log), reviews);
  log.info(`knowledge base: ${knowledge.latest().kb.entries.length} entries from ${dir}`);
  if (isLocalMode(config)) process.stderr.write(`${LOCAL_MODE_WARNING}\n`);
  const state = createStateStore(config, { log, onConflict: () => metrics.storageConflicts.inc() });
  log.info(state.kind === "redis" ? "conversation state: Redis (shared by every instance)" : "conversation state: this process's memory (one instance only)");
  const service = createService({ config, knowledge, live: knowledge, state, metrics, feedbackFile: feedbackFile(process.env), log, env: process.env, agents });
  const stopWatching = knowledge.watch();
  service.server.listen(config.PORT, listenHost(config), () => {
    // The addresses go as fields: the message text is masked, and "127.0.0.1" would read as a number.
    log.info({ messages: `${service.server.url}/api/messages`, webChat: `${service.server.url}/` }, "porting bot listening");
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing running turns, then stopping`);
    stopWatching();
    setTimeout(() => {
      log.error(`turns still running after ${SHUTDOWN_GRACE_MS / 1000} s: stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    service.shutdown().then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error(`stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof KnowledgeBaseError || error instanceof ConfigError) {
    process.stderr.write(`cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`cannot start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
