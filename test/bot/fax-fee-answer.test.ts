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

async function ask(text: string, channelId: string): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      channelId,
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

describe("a customer asking what porting a fax number costs, through /api/messages", () => {
  it.each(["webchat", "slack"])("gets the porting fee entry on %s, whose text states the fee of 15 dollars, not a choice", async (channel) => {
    const replies = await ask("how much does it cost to port a fax number", channel);
    expect(replies).toContain("How much does it cost to Port a Number to VoIP.ms?");
    expect(replies).toContain("$15");
    expect(replies).not.toContain("more than one possible answer");
  });
});
