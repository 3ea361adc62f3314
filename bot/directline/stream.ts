import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { parseWatermark } from "./http.js";
import { TokenError, type TokenIssuer } from "./tokens.js";
import type { ActivitySet, TranscriptStore } from "./transcript.js";

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const HEARTBEAT_MS = 30_000;

export interface StreamOptions {
  tokens: TokenIssuer;
  transcripts: TranscriptStore;
  /** How often an open stream also reads the storage, for what another instance appended. */
  storagePollMs: number;
}

/** Event name on the transcript's emitter for the bot's typing indicator, which is shown but not kept. */
export const typingEvent = (conversationId: string) => `typing:${conversationId}`;

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The WebSocket stream of Direct Line: `/v3/directline/conversations/{id}/stream?t=<stream token>&watermark=<n>`.
 * It first sends what is kept after the watermark, then each activity as it is kept, as `{ activities, watermark }`
 * messages; the bot's typing indicator as `{ activities: [typing] }` without a watermark. What the client sends is
 * ignored (Web Chat sends empty keep-alives). Returns a function that closes every stream.
 */
export function attachStreams(server: HttpServer, { tokens, transcripts, storagePollMs }: StreamOptions): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = URL.parse(req.url ?? "/", "http://localhost");
    const path = url && STREAM_PATH.exec(url.pathname);
    if (!url || !path) return refuse(socket, 404, "Not Found");
    let conversationId: string;
    try {
      conversationId = decodeURIComponent(path[1]!);
    } catch {
      return refuse(socket, 400, "Bad Request");
    }
    const watermark = parseWatermark(url.searchParams.get("watermark") ?? undefined);
    if (watermark === "invalid") return refuse(socket, 400, "Bad Request");
    let grantConversation: string;
    try {
      grantConversation = tokens.verify(url.searchParams.get("t") ?? "", "stream").conversationId;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      return refuse(socket, error.reason === "expired" ? 403 : 401, error.reason === "expired" ? "Forbidden" : "Unauthorized");
    }
    if (grantConversation !== conversationId) return refuse(socket, 403, "Forbidden");
    wss.handleUpgrade(req, socket, head, (ws) => stream(ws, conversationId, watermark ?? 0));
  });

  function stream(ws: WebSocket, conversationId: string, from: number): void {
    let sent = from;
    let pumping: Promise<void> = Promise.resolve();
    let alive = true;

    const send = (set: ActivitySet) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
    };
    /** Sends what is kept after `sent`, reading the storage. Serialised, so messages keep their order. */
    const pull = () => {
      pumping = pumping.then(async () => {
        const set = await transcripts.since(conversationId, sent);
        if (!set) return ws.close(4404, "conversation ended");
        if (set.activities.length > 0) send(set);
        sent = Math.max(sent, Number(set.watermark));
      }).catch(() => ws.close(1011, "transcript unavailable"));
    };
    /** An append in this process: sent as is when it follows what was sent, else read from storage. */
    const onAppend = (set: ActivitySet) => {
      pumping = pumping.then(() => {
        const last = Number(set.watermark);
        const first = last - set.activities.length + 1;
        if (last <= sent) return;
        if (first === sent + 1) {
          send(set);
          sent = last;
        } else pull();
      });
    };
    const onTyping = (typing: object) => send({ activities: [typing], watermark: String(sent) });

    transcripts.events.on(conversationId, onAppend);
    transcripts.events.on(typingEvent(conversationId), onTyping);
    pull();
    const poll = setInterval(pull, storagePollMs);
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, HEARTBEAT_MS);
    ws.on("pong", () => (alive = true));
    ws.on("close", () => {
      clearInterval(poll);
      clearInterval(heartbeat);
      transcripts.events.off(conversationId, onAppend);
      transcripts.events.off(typingEvent(conversationId), onTyping);
    });
  }

  return () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
