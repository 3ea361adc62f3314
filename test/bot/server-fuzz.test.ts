import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { activity, healthy, post, type Running, start } from "./http.js";

/** A small seeded generator (mulberry32), so a failure can be replayed with the seed it prints. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261130;
const REQUESTS = 400;

describe("generated requests", () => {
  let app: Running;
  beforeAll(async () => {
    app = await start(await realKnowledge());
  });
  afterAll(() => app.close());

  it(`never get a 5xx or stop the server (${REQUESTS} requests, seed ${SEED})`, async () => {
    const next = random(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const strings = ["", "1", "help", "my pin is 4 8 2 1", "how long does a port take", "a".repeat(10_001), "\u0000", "constructor", "__proto__", "<at>bot</at> hi", "５１４５５５０１９９", "😀".repeat(50)];
    const leaf = (): unknown => pick<() => unknown>([() => null, () => next() * 1e6, () => pick(strings), () => next() > 0.5, () => [], () => ({}), () => -1])();
    const value = (depth: number): unknown => {
      if (depth > 2 || next() < 0.5) return leaf();
      if (next() < 0.5) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(["type", "id", "text", "action", "flow", "length", "name", "value", "__proto__", "constructor"]), value(depth + 1)]));
    };
    const fields = ["type", "id", "text", "value", "entities", "attachments", "membersAdded", "membersRemoved", "channelData", "name", "deliveryMode", "serviceUrl", "conversation", "from", "recipient", "channelId", "locale", "replyToId", "textFormat"];
    const types = ["message", "conversationUpdate", "invoke", "event", "messageReaction", "installationUpdate", "typing", "endOfConversation", "somethingNew"];
    const invokeNames = ["adaptiveCard/action", "signin/verifyState", "task/fetch", "composeExtension/query", "unknown"];

    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const base = activity({ type: pick(types), text: pick(strings), conversation: { id: `fuzz-${i % 7}` }, id: `a-${Math.floor(next() * 50)}` });
      if (base.type === "invoke") base.name = pick(invokeNames);
      for (let k = Math.floor(next() * 4); k > 0; k--) base[pick(fields)] = value(0);
      if (next() < 0.3) base.deliveryMode = pick(["normal", "expectReplies", undefined]);
      if (base.deliveryMode === "normal") base.serviceUrl = "http://127.0.0.1:9/";
      const json = JSON.stringify(base);
      const kind = next();
      let body: string | Buffer = json;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (kind < 0.05) body = json.slice(0, Math.floor(next() * json.length));
      else if (kind < 0.08) body = Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256)));
      else if (kind < 0.1) {
        body = gzipSync(json);
        headers["content-encoding"] = pick(["gzip", "GZIP", "deflate, gzip", "br"]);
      } else if (kind < 0.12) headers["content-type"] = pick(["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data"]);
      else if (kind < 0.14) headers.authorization = pick(["Bearer x", "Basic abc", "Bearer a.b.c"]);
      else if (kind < 0.16) body = JSON.stringify(value(0));
      const res = await post(app.url, body, headers);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `request ${i} (seed ${SEED}): ${String(body).slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await healthy(app.url)).toBe(true);
    // The generator reached the bot as well as the refusals.
    expect(statuses.get(200)).toBeGreaterThan(REQUESTS / 4);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    // Nothing generated reached the apology: every shape the bot cannot read was caught before a dialog saw it.
    expect(app.logs.filter((l) => l.includes("turn failed"))).toEqual([]);
  }, 120_000);
});
