import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createService, type Service } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { LiveKnowledge } from "../../bot/live-knowledge.js";
import { createLogger } from "../../bot/log.js";
import { memoryState } from "../../bot/storage.js";
import { loadSentenceEncoder } from "../../src/answer/sentence-encoder.js";
import { VectorCache } from "../../src/answer/vector-cache.js";
import { knowledgeDir, vectorCacheFile } from "../../src/paths.js";
import { activity } from "./http.js";

/** What the tests read of a reply beside its text: what the bot understood of the message. */
interface Reply {
  channelData?: { understood?: { facts?: { direction?: string } } };
}

let service: Service;
let url: string;

beforeAll(async () => {
  const log = createLogger(() => undefined);
  // The project's own cache: the knowledge's vectors are then embedded once for every test and run.
  const live = await LiveKnowledge.load(knowledgeDir({}), log, new VectorCache(await loadSentenceEncoder(), vectorCacheFile({})));
  await live.opinionSettled();
  const config = loadConfig({});
  service = createService({ config, knowledge: live, live, state: memoryState(config), feedbackFile: "/dev/null", log });
  await new Promise<void>((resolve) => service.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => service.shutdown());

async function ask(text: string): Promise<Reply[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity({ text })),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: Reply[] }).activities;
}

describe("a customer whose port to voip.ms was rejected over its PIN, through /api/messages", () => {
  it("is read as a port in, and neither answered nor offered the port-out PIN entries", async () => {
    const replies = await ask("my port to voip.ms got rejected, PIN incorrect");
    expect(replies[0]?.channelData?.understood?.facts?.direction).toBe("in");
    const all = JSON.stringify(replies);
    expect(all).not.toContain("Port Out Rejection for PIN");
    expect(all).not.toContain("When Porting Out my number the new carrier requests the PIN");
    // The port-in rejection whose causes include an incorrect account PIN.
    expect(all).toContain("Account Number, Reseller Mismatch");
  });

  it("is pointed to the port-out PIN rejection when the port was out of voip.ms", async () => {
    const replies = await ask("my port out of voip.ms was rejected because the new carrier says the PIN is wrong");
    expect(replies[0]?.channelData?.understood?.facts?.direction).toBe("out");
    expect(JSON.stringify(replies)).toContain("Port Out Rejection for PIN");
  });
});
