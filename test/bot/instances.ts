import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createService, type Service } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import type { LiveKnowledge } from "../../bot/live-knowledge.js";
import { createLogger } from "../../bot/log.js";
import { BotMetrics } from "../../bot/metrics.js";
import { fixedKnowledge } from "../../bot/services.js";
import { createStateStore, type StateStore } from "../../bot/storage.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { projectRoot } from "../../src/paths.js";

/** One bot instance in this process, behind a real HTTP server on an ephemeral port. */
export interface Instance {
  url: string;
  service: Service;
  state: StateStore;
  logs: string[];
  feedbackFile: string;
  stop(): Promise<void>;
}

export interface InstanceOptions {
  kb?: KnowledgeBase;
  live?: LiveKnowledge;
  env?: NodeJS.ProcessEnv;
}

export async function startInstance({ kb, live, env = {} }: InstanceOptions): Promise<Instance> {
  const logs: string[] = [];
  const log = createLogger((line) => logs.push(line));
  const feedbackFile = join(mkdtempSync(join(tmpdir(), "porting-bot-")), "feedback.jsonl");
  const config = loadConfig(env);
  const metrics = new BotMetrics();
  const state = createStateStore(config, { log, onConflict: () => metrics.storageConflicts.inc() });
  const knowledge = live ?? fixedKnowledge(kb!);
  const service = createService({ config, knowledge, ...(live ? { live } : {}), state, metrics, feedbackFile, log });
  await new Promise<void>((resolve) => service.server.listen(0, "127.0.0.1", resolve));
  const { port } = service.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, service, state, logs, feedbackFile, stop: () => service.shutdown() };
}

/** bot/index.ts as its own process (what `npm start` runs), listening on an ephemeral port. */
export interface ChildBot {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

export function startChildBot(env: NodeJS.ProcessEnv): Promise<ChildBot> {
  const root = projectRoot();
  const child = spawn(process.execPath, ["--import", "tsx", "bot/index.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, MicrosoftAppId: "", KNOWLEDGE_DIR: "", PORT: "0", FEEDBACK_LOG: join(mkdtempSync(join(tmpdir(), "porting-bot-")), "feedback.jsonl"), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (data) => {
      stderr += data;
      const listening = /"messages":"http:\/\/[^"]+?:(\d+)\/api\/messages"/.exec(stderr);
      if (listening) resolve({ url: `http://127.0.0.1:${listening[1]}`, child, output: () => stderr, exited });
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before listening:\n${stderr}`)));
  });
}

export interface Turn {
  status: number;
  /** The replies' text, cards as their JSON: what the user sees. */
  replies: string[];
}

/** One message of a conversation, answered in the response (expectReplies), on the plain-text "test" channel. */
export async function say(url: string, conversation: string, text: string, channelId = "test"): Promise<Turn> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      channelId,
      serviceUrl: "http://127.0.0.1:9/unused",
      conversation: { id: conversation },
      from: { id: "user-1", name: "Customer" },
      recipient: { id: "bot-1", name: "Porting help" },
      deliveryMode: "expectReplies",
      text,
    }),
  });
  const body = await res.text();
  if (res.status !== 200) return { status: res.status, replies: [body] };
  const { activities = [] } = JSON.parse(body) as { activities?: Array<{ text?: string; attachments?: unknown[] }> };
  return { status: res.status, replies: activities.map((a) => a.text ?? JSON.stringify(a.attachments ?? [])) };
}

export const textOf = (turn: Turn) => turn.replies.join("\n---\n");

/** The day before today, as the diagnosis expects a rejection date. */
export function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}
