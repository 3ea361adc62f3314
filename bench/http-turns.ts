import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import restify, { type Server } from "restify";
import { createApp } from "../bot/app.js";
import { loadConfig } from "../bot/config.js";
import { createLogger } from "../bot/log.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

/**
 * One conversation's worth of mixed traffic: answered questions, fallbacks (each writes a feedback record), a
 * "which of these" choice, and an estimate flow from its first question to its result.
 */
const SCRIPT = [
  "How long does it take to port a number?",
  "what is the weather on Mars",
  "how much does it cost to port a number",
  "can I order a pizza here",
  "how much to port 3 numbers",
  "1",
  "3",
  "US",
  "tomorrow",
  "what is a CSR",
  "my port was rejected",
  "cancel",
];

/** The bare Bot Framework sample: restify, CloudAdapter without authentication, a bot that echoes. */
function echoBot(): Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

interface Load {
  turnsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

/** `clients` conversations at once, each sending the script in order, again and again, for `seconds`. */
async function drive(url: string, clients: number, seconds: number): Promise<Load> {
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let round = 0; performance.now() < until; round++) {
        const conversation = { id: `bench-${c}-${round}` };
        for (const text of SCRIPT) {
          const body = JSON.stringify({
            type: "message",
            id: `${conversation.id}-${text}`,
            channelId: "webchat",
            serviceUrl: "http://127.0.0.1:9/",
            conversation,
            from: { id: `user-${c}` },
            recipient: { id: "bot" },
            deliveryMode: "expectReplies",
            text,
          });
          const start = performance.now();
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
          await res.arrayBuffer();
          latencies.push(performance.now() - start);
          if (res.status !== 200) failed++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { turnsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), failed };
}

async function measure(server: Server, clients: number, seconds: number): Promise<Load> {
  const url = await listen(server);
  await drive(url, clients, 1); // warm-up
  const load = await drive(url, clients, seconds);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return load;
}

/** /api/messages turns per second and latency, this bot beside a bare botbuilder + restify echo bot, same run. */
export async function benchTurns(kb: KnowledgeBase, clients = 8, seconds = 5): Promise<void> {
  const quiet = createLogger(() => {});
  const folder = mkdtempSync(join(tmpdir(), "bench-turns-"));
  const blocker = join(folder, "not-a-folder");
  writeFileSync(blocker, "");
  const app = (feedbackFile: string) => createApp({ config: loadConfig({}), kb, feedbackFile, log: quiet });

  const echo = await measure(echoBot(), clients, seconds);
  const mixed = await measure(app(join(folder, "feedback.jsonl")), clients, seconds);
  const unwritable = await measure(app(join(blocker, "feedback.jsonl")), clients, seconds);

  console.log(`/api/messages, ${clients} conversations at once for ${seconds} s each, expectReplies; mixed traffic: ${SCRIPT.length}-turn script (answers, fallbacks, a choice, an estimate flow):`);
  const line = (name: string, l: Load) =>
    console.log(`  ${name.padEnd(50)} ${l.turnsPerSecond.toFixed(0).padStart(6)} turns/s   p50 ${l.p50.toFixed(2).padStart(7)} ms   p99 ${l.p99.toFixed(2).padStart(7)} ms   non-200: ${l.failed}`);
  line("bare botbuilder + restify echo bot", echo);
  line("this bot, mixed traffic", mixed);
  line("this bot, mixed traffic, feedback log unwritable", unwritable);
  const ratio = (l: Load) => `throughput ${(l.turnsPerSecond / echo.turnsPerSecond).toFixed(2)}x the echo bot's, p99 ${(l.p99 / echo.p99).toFixed(1)}x`;
  console.log(`  ratio, mixed traffic: ${ratio(mixed)}`);
  console.log(`  ratio, feedback log unwritable: ${ratio(unwritable)}`);
}
