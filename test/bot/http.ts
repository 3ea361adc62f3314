import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "restify";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";

/** The whole bot behind its HTTP server on an ephemeral loopback port, as bot/index.ts serves it. */
export interface Running {
  url: string;
  server: Server;
  /** Log lines, one JSON object each. */
  logs: string[];
  feedbackFile: string;
  close(): Promise<void>;
}

export async function start(kb: KnowledgeBase, env: NodeJS.ProcessEnv = {}, feedbackFile?: string): Promise<Running> {
  const logs: string[] = [];
  const file = feedbackFile ?? join(mkdtempSync(join(tmpdir(), "porting-bot-")), "feedback.jsonl");
  const server = createApp({ config: loadConfig(env), kb, feedbackFile: file, log: createLogger((line) => logs.push(line)) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    logs,
    feedbackFile: file,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function activity(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    channelId: "webchat",
    serviceUrl: "http://127.0.0.1:9/unused",
    conversation: { id: `conversation-${Math.random()}` },
    from: { id: "user-1", name: "Customer" },
    recipient: { id: "bot-1", name: "Porting help" },
    deliveryMode: "expectReplies",
    ...fields,
  };
}

export interface Posted {
  status: number;
  headers: Headers;
  text: string;
  json(): { activities: Array<Record<string, any>> } & Record<string, any>;
  /** The text of every reply, cards' TextBlocks included, one reply a line. */
  replies(): string;
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Posted> {
  const res = await fetch(`${url}/api/messages`, { method: "POST", body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]), headers });
  const text = await res.text();
  const json = () => JSON.parse(text);
  return {
    status: res.status,
    headers: res.headers,
    text,
    json,
    replies: () =>
      (json().activities as Array<Record<string, any>>)
        .map((a) => [a.text ?? "", ...(a.attachments ?? []).flatMap((at: any) => (at.content?.body ?? []).map((e: any) => e.text ?? ""))].join(" "))
        .join("\n"),
  };
}

/** Posts `fields` as one turn of `conversation` (expectReplies, so the replies are in the response). */
export function say(url: string, conversation: string, fields: Record<string, unknown>): Promise<Posted> {
  return post(url, JSON.stringify(activity({ conversation: { id: conversation }, ...fields })));
}

/** New conversations on a running bot, each a function that sends one text and returns the response. */
export function conversations(app: () => Running, prefix: string): () => (text: string) => Promise<Posted> {
  let count = 0;
  return () => {
    const id = `${prefix}-${++count}`;
    return (text: string) => say(app().url, id, { text });
  };
}

/** Each reply's channelData, in order. */
export function channelData(res: Posted): any[] {
  return res.json().activities.map((a) => a.channelData ?? {});
}

/** The estimate's figures carried by a reply, if any. */
export function estimateOf(res: Posted): any {
  return channelData(res).find((d) => d.estimate)?.estimate;
}

export async function healthy(url: string): Promise<boolean> {
  return (await fetch(`${url}/healthz`)).status === 200;
}
