import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { realKnowledge } from "./harness.js";

let server: Server;
let url: string;

beforeAll(async () => {
  const feedbackFile = join(mkdtempSync(join(tmpdir(), "porting-bot-")), "feedback.jsonl");
  server = createApp({ config: loadConfig({}), kb: await realKnowledge(), feedbackFile, log: createLogger(() => undefined) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server.close());

async function firstMessage(text: string): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      channelId: "webchat",
      serviceUrl: "http://127.0.0.1:9/unused",
      conversation: { id: `conversation-${Math.random()}` },
      from: { id: "user-1", name: "Customer" },
      recipient: { id: "bot-1", name: "Porting help" },
      deliveryMode: "expectReplies",
      text,
    }),
  });
  expect(res.status).toBe(200);
  return JSON.stringify(((await res.json()) as { activities: unknown[] }).activities);
}

describe("a question outside porting as a first message, through /api/messages", () => {
  it.each(["reset my password", "I need to reset my voicemail PIN"])("'%s' is refused plainly, with who to contact, and starts no flow", async (text) => {
    const replies = await firstMessage(text);
    expect(replies).toContain("I don't know that one");
    expect(replies).toContain("live chat or a ticket");
    expect(replies).not.toContain("why your port was rejected");
    expect(replies).not.toContain("How to write to them");
  });
});
