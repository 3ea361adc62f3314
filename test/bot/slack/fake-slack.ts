import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackCall {
  method: string;
  body: Record<string, any>;
}

/**
 * Slack's side on loopback: the Web API methods the app calls (auth.test, chat.postMessage, chat.postEphemeral),
 * and response URLs. Every call is recorded; chat.postEphemeral fails for channels in `notMember`.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly notMember = new Set<string>();
  private server: Server | undefined;
  private ts = 1700000000;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => {
        const method = (req.url ?? "").replace(/^\/api\//, "").replace(/^\//, "");
        const body = parseBody(raw, req.headers["content-type"] ?? "");
        this.calls.push({ method, body });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(this.answer(method, body)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): void {
    this.server?.close();
  }

  private answer(method: string, body: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "porting" };
      case "chat.postMessage":
        return { ok: true, channel: body.channel, ts: `${++this.ts}.000100` };
      case "chat.postEphemeral":
        return this.notMember.has(body.channel) ? { ok: false, error: "channel_not_found" } : { ok: true, message_ts: `${++this.ts}.000200` };
      default:
        return { ok: true };
    }
  }

  /** The calls to one method (or response URL path), in order. */
  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls to `method` have arrived. */
  async waitFor(method: string, count = 1): Promise<SlackCall[]> {
    for (let i = 0; i < 400; i++) {
      if (this.of(method).length >= count) return this.of(method);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`expected ${count} call(s) to ${method}; got ${JSON.stringify(this.calls.map((c) => c.method))}`);
  }
}

function parseBody(raw: string, type: string): Record<string, any> {
  if (type.includes("json")) return JSON.parse(raw || "{}") as Record<string, any>;
  const form = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ["blocks", "attachments"]) if (typeof form[key] === "string") form[key] = JSON.parse(form[key]!);
  return form;
}

/** A request signed as Slack signs it: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>"). */
export function signedHeaders(secret: string, body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}
