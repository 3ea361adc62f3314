/**
 * Web chat under load: 100 concurrent conversations of 10 turns over the bot's Direct Line channel (WebSocket
 * stream), then the same turns over /api/messages (expectReplies), against one bot in this process. A Direct Line
 * turn lasts from posting the activity until the bot's reply has arrived on the stream; an /api/messages turn, the
 * request with the replies in its response.
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { createApp } from "../bot/app.js";
import { loadConfig } from "../bot/config.js";
import { createLogger } from "../bot/log.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

const CONVERSATIONS = 100;
/** A question and its feedback, an estimate in words and its country, a diagnosis by its buttons, and help. */
const TURNS = [
  "How long does it take to port my number?",
  "Yes",
  "how much to port 3 fax numbers and 2 toll free if I submit next Tuesday",
  "United States",
  "Rejected - BTN mismatch",
  "Yes",
  "US number",
  "I don't know the date",
  "That's it",
  "help",
];

interface Activity {
  id?: string;
  type: string;
  replyToId?: string;
  from: { role?: string };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function json(url: string, init: RequestInit): Promise<any> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status}`);
  return res.json();
}

/** One customer over Direct Line: token, conversation, stream; then each turn timed until the bot's reply is streamed. */
async function directLineConversation(api: string): Promise<number[]> {
  const { token } = await json(`${api}/tokens/generate`, { method: "POST" });
  const auth = { authorization: `Bearer ${token}` };
  const { conversationId, streamUrl } = await json(`${api}/conversations`, { method: "POST", headers: auth });
  const replied = new Set<string>();
  let wake: (() => void) | undefined;
  const onMessage = (data: unknown) => {
    for (const a of (JSON.parse(String(data)) as { activities: Activity[] }).activities) {
      if (a.from.role === "bot" && a.type === "message" && a.replyToId) replied.add(a.replyToId);
    }
    wake?.();
  };
  const open = (url: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.on("message", onMessage);
      socket.once("open", () => resolve(socket)).once("error", reject);
    });
  // A stream URL lives two minutes; on a machine loaded enough to outlast it, a client asks for a fresh one, as Web
  // Chat does when it reconnects.
  const ws = await open(streamUrl).catch(async () => open((await json(`${api}/conversations/${conversationId}`, { method: "GET", headers: auth })).streamUrl));
  const times: number[] = [];
  try {
    for (const text of TURNS) {
      const start = performance.now();
      const { id } = await json(`${api}/conversations/${conversationId}/activities`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text }),
      });
      while (!replied.has(id)) await new Promise<void>((resolve) => (wake = resolve));
      times.push(performance.now() - start);
    }
  } finally {
    ws.close();
  }
  return times;
}

/** The same customer over /api/messages, replies in the response (expectReplies). */
async function apiMessagesConversation(endpoint: string, n: number): Promise<number[]> {
  const base = {
    channelId: "webchat",
    serviceUrl: "http://127.0.0.1:9/unused",
    conversation: { id: `bench-${n}-${Math.random()}` },
    from: { id: `user-${n}`, name: "Customer" },
    recipient: { id: "bot", name: "Porting help" },
    deliveryMode: "expectReplies",
  };
  const post = (activity: object) => json(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...base, ...activity }) });
  await post({ type: "conversationUpdate", membersAdded: [{ id: base.from.id }] });
  const times: number[] = [];
  for (const text of TURNS) {
    const start = performance.now();
    const { activities } = await post({ type: "message", text });
    if (!activities?.length) throw new Error(`no reply to '${text}' over /api/messages`);
    times.push(performance.now() - start);
  }
  return times;
}

function summary(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

export async function benchDirectLine(kb: KnowledgeBase): Promise<void> {
  const server = createApp({
    config: loadConfig({}),
    kb,
    feedbackFile: join(mkdtempSync(join(tmpdir(), "porting-bot-bench-")), "feedback.jsonl"),
    log: createLogger(() => {}),
    env: { DIRECTLINE_TOKEN_SECRET: "bench-secret-bench-secret-bench-secret", DIRECTLINE_TOKENS_PER_MINUTE: "100000" },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Under this load the event loop lags by seconds: an idle keep-alive connection must not be closed by the server
  // just as the client reuses it.
  server.server.keepAliveTimeout = 120_000;
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // Warm-up: a few conversations each way, untimed.
    await Promise.all([0, 1, 2].map(() => directLineConversation(`${origin}/v3/directline`)));
    await Promise.all([0, 1, 2].map((n) => apiMessagesConversation(`${origin}/api/messages`, -n)));

    const started = performance.now();
    const dl = (await Promise.all(Array.from({ length: CONVERSATIONS }, () => directLineConversation(`${origin}/v3/directline`)))).flat();
    const dlSeconds = (performance.now() - started) / 1000;
    const apiStarted = performance.now();
    const api = (await Promise.all(Array.from({ length: CONVERSATIONS }, (_, n) => apiMessagesConversation(`${origin}/api/messages`, n)))).flat();
    const apiSeconds = (performance.now() - apiStarted) / 1000;

    const d = summary(dl);
    const a = summary(api);
    console.log(`\nWeb chat: ${CONVERSATIONS} concurrent conversations x ${TURNS.length} turns, one bot in this process (ms per turn):`);
    console.log(`  Direct Line (WebSocket)      p50 ${d.p50.toFixed(1).padStart(7)}  p99 ${d.p99.toFixed(1).padStart(7)}  (${dl.length} turns in ${dlSeconds.toFixed(1)} s)`);
    console.log(`  /api/messages (expectReplies) p50 ${a.p50.toFixed(1).padStart(6)}  p99 ${a.p99.toFixed(1).padStart(7)}  (${api.length} turns in ${apiSeconds.toFixed(1)} s)`);
    console.log(`  Direct Line / /api/messages: p50 ${(d.p50 / a.p50).toFixed(2)}x, p99 ${(d.p99 / a.p99).toFixed(2)}x`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
