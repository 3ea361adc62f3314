import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Storage } from "botbuilder";
import type { Server } from "restify";
import WebSocket from "ws";
import { createApp } from "../../../bot/app.js";
import { loadConfig } from "../../../bot/config.js";
import { createLogger } from "../../../bot/log.js";
import type { KnowledgeBase } from "../../../src/knowledge/schema.js";

export const SECRET = "a-test-secret-that-is-long-enough-for-hs256";

export interface Running {
  origin: string;
  api: string;
  server: Server;
  logs: string[];
  close(): Promise<void>;
}

/** The whole bot on an ephemeral loopback port, its Direct Line settings from `env`. */
export async function startBot(kb: KnowledgeBase, env: NodeJS.ProcessEnv = {}, storage?: Storage): Promise<Running> {
  const logs: string[] = [];
  const feedbackFile = join(mkdtempSync(join(tmpdir(), "porting-bot-dl-")), "feedback.jsonl");
  const server = createApp({
    config: loadConfig({}),
    kb,
    feedbackFile,
    log: createLogger((line) => logs.push(line)),
    env: { DIRECTLINE_TOKEN_SECRET: SECRET, ...env },
    ...(storage ? { storage } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, api: `${origin}/v3/directline`, server, logs, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Response<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(url: string, init: { method?: string; token?: string; body?: string; type?: string } = {}): Promise<Response<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = init.type ?? "application/json";
  const res = await fetch(url, { method: init.method ?? "GET", headers, body: init.body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface Conversation {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** A token from tokens/generate and the conversation started with it. */
export async function newConversation(api: string): Promise<Conversation> {
  const generated = await call(`${api}/tokens/generate`, { method: "POST" });
  if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
  const started = await call(`${api}/conversations`, { method: "POST", token: generated.body.token });
  if (started.status !== 201) throw new Error(`conversations answered ${started.status}`);
  return started.body;
}

export function say(api: string, c: Pick<Conversation, "conversationId" | "token">, text: string) {
  return call<{ id: string; error?: { code: string } }>(`${api}/conversations/${c.conversationId}/activities`, {
    method: "POST",
    token: c.token,
    body: JSON.stringify({ type: "message", text, from: { id: "ignored", name: "Customer" } }),
  });
}

export interface ActivitySet {
  activities: Array<Record<string, any>>;
  watermark: string;
}

/** A WebSocket stream and every message it has received, with a way to wait for one that matches. */
export class Stream {
  readonly received: ActivitySet[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.received.push(JSON.parse(String(data)) as ActivitySet);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(url: string): Promise<Stream> {
    const ws = new WebSocket(url);
    const stream = new Stream(ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(stream));
      ws.once("unexpected-response", (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
      ws.once("error", reject);
    });
  }

  get activities(): Array<Record<string, any>> {
    return this.received.flatMap((m) => m.activities);
  }

  /** Resolves once an activity matching `test` has arrived. */
  async until(test: (activity: Record<string, any>) => boolean): Promise<Record<string, any>> {
    for (;;) {
      const found = this.activities.find(test);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** The status a refused WebSocket upgrade answered with. */
export function refusedWith(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once("open", () => {
      ws.close();
      reject(new Error("the stream was opened"));
    });
    ws.once("error", () => undefined);
  });
}

/** The first heading of the Adaptive Card in a bot message. */
export const cardTitle = (activity: Record<string, any>): string | undefined => activity.attachments?.[0]?.content?.body?.[0]?.text;
