import { createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenHost, loadConfig } from "../../bot/config.js";
import { readFeedback } from "../../src/feedback/store.js";
import { realKnowledge } from "./harness.js";
import { activity, healthy, post, say, start, type Running } from "./http.js";

const APOLOGY = "something went wrong on my side";
const JSON_TYPE = { "content-type": "application/json" };

/** Every line the server logged is one JSON object with no stack trace and no key material. */
function expectCleanLogs(logs: string[]): void {
  for (const line of logs) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry.level).toBeTypeOf("string");
    expect(line).not.toMatch(/BEGIN (?:RSA |PUBLIC )?KEY|\n\s+at |eyJ/);
  }
}

describe("bodies the server refuses before reading them (local mode)", () => {
  let app: Running;
  beforeAll(async () => {
    app = await start(await realKnowledge());
  });
  afterAll(() => app.close());

  it("refuses a compressed body with 415 instead of inflating it: not gzip, cut short, or a bomb", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, " "));
    const whole = gzipSync(JSON.stringify(activity({ text: "hello" })));
    for (const body of [Buffer.from("notgzip"), whole.subarray(0, whole.length - 10), bomb]) {
      const res = await post(app.url, body, { ...JSON_TYPE, "content-encoding": "gzip" });
      expect(res.status).toBe(415);
      expect(res.json().error).toMatch(/Content-Encoding/);
    }
    expect(await post(app.url, Buffer.from("x"), { ...JSON_TYPE, "content-encoding": "deflate" })).toMatchObject({ status: 415 });
    expect(await healthy(app.url)).toBe(true);
    expectCleanLogs(app.logs);
  });

  it("gives each refusal a short JSON error and one log line", async () => {
    const before = app.logs.length;
    const res = await post(app.url, "{");
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ error: "the body is not valid JSON" });
    expect(app.logs.length - before).toBe(1);
  });
});

describe("local mode", () => {
  let app: Running;
  let hanging: http.Server;
  let held = 0;
  beforeAll(async () => {
    app = await start(await realKnowledge());
    hanging = http.createServer(() => {
      held++; // never answers: a channel that does not respond
    });
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    hanging.close();
    await app.close();
  });

  it("listens on the loopback interface unless HOST says otherwise", () => {
    expect(listenHost(loadConfig({}))).toBe("127.0.0.1");
    expect(listenHost(loadConfig({ HOST: "0.0.0.0" }))).toBe("0.0.0.0");
    expect(listenHost(loadConfig({ MicrosoftAppId: "id", MicrosoftAppPassword: "secret" }))).toBe("0.0.0.0");
  });

  it("refuses to reply to a serviceUrl on another machine (403), and to one that is not http(s) (400)", async () => {
    for (const serviceUrl of ["http://10.0.0.5/api", "https://example.com/", "http://169.254.169.254/latest", "http://[fe80::1]/"]) {
      const res = await post(app.url, JSON.stringify(activity({ serviceUrl, text: "hello", deliveryMode: "normal" })));
      expect(res.status).toBe(403);
    }
    for (const serviceUrl of ["javascript:alert(1)", "file:///etc/passwd", "ftp://127.0.0.1/", "not a url"]) {
      const res = await post(app.url, JSON.stringify(activity({ serviceUrl, text: "hello" })));
      expect(res.status).toBe(400);
      expect(res.json().error).toMatch(/serviceUrl/);
    }
    expect(await healthy(app.url)).toBe(true);
  });

  it("answers a normal-delivery request without waiting for a channel that does not respond", async () => {
    const { port } = hanging.address() as AddressInfo;
    const res = await post(app.url, JSON.stringify(activity({ serviceUrl: `http://127.0.0.1:${port}/`, text: "how long does a port take", deliveryMode: "normal" })));
    expect(res.status).toBe(200);
    await expect.poll(() => held).toBeGreaterThan(0);
    expect(await healthy(app.url)).toBe(true);
  });

  it("keeps a conversation's state when its replies cannot be delivered", async () => {
    const conversation = `undeliverable-${Math.random()}`;
    expect((await say(app.url, conversation, { text: "how much to port 3 numbers" })).replies()).toMatch(/Which kind of number/);
    const res = await post(app.url, JSON.stringify(activity({ conversation: { id: conversation }, text: "1", deliveryMode: "normal", serviceUrl: "http://127.0.0.1:9/" })));
    expect(res.status).toBe(200);
    await expect.poll(() => app.logs.some((l) => l.includes("the reply could not be delivered")), { timeout: 15_000 }).toBe(true);
    expect(app.logs.filter((l) => l.includes("turn failed"))).toEqual([]);
    // The undelivered turn's changes are not saved, and nothing was wiped: the flow still waits for the kind of number.
    const next = await say(app.url, conversation, { text: "2" });
    expect(next.replies()).not.toMatch(/Which kind of number|Let's work out/);
    expect(next.text).not.toContain(APOLOGY);
  });
});

describe("payloads the bot cannot read get a harmless reply and keep the conversation's state", () => {
  let app: Running;
  beforeAll(async () => {
    app = await start(await realKnowledge());
  });
  afterAll(() => app.close());

  const bad: Array<[string, Record<string, unknown>]> = [
    ["entities [null]", { text: "1", entities: [null] }],
    ["entities [{}]", { text: "1", entities: [{}] }],
    ['entities "abc"', { text: "1", entities: "abc" }],
    ["entities {length: 5}", { text: "1", entities: { length: 5 } }],
    ["entities [{type: 5}]", { text: "1", entities: [{ type: 5 }] }],
    ["a start button for a flow that does not exist", { text: "", value: { action: "start", flow: "constructor" } }],
    ['membersAdded "abc"', { type: "conversationUpdate", membersAdded: "abc" }],
    ["membersAdded [null]", { type: "conversationUpdate", membersAdded: [null] }],
    ["adaptiveCard/action with value {}", { type: "invoke", name: "adaptiveCard/action", value: {} }],
    ['adaptiveCard/action with value "x"', { type: "invoke", name: "adaptiveCard/action", value: "x" }],
  ];

  for (const [name, fields] of bad) {
    it(name, async () => {
      const conversation = `bad-${Math.random()}`;
      expect((await say(app.url, conversation, { text: "how much to port 3 numbers" })).replies()).toMatch(/Which kind of number/);
      const res = await say(app.url, conversation, fields);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(APOLOGY);
      // The estimate is still waiting for the kind of number: "1" (local) moves it on.
      const next = await say(app.url, conversation, { text: "1" });
      expect(next.replies()).not.toMatch(/Which kind of number|Let's work out/);
      expect(next.text).not.toContain(APOLOGY);
      expect(await healthy(app.url)).toBe(true);
    });
  }

  it("answers a message of 10,001 characters with the polite too-long reply, its identifiers masked", async () => {
    const conversation = `long-${Math.random()}`;
    await say(app.url, conversation, { text: "how much to port 3 numbers" });
    const text = `my pin is 4 8 2 1, call 514-555-0199 ${"a".repeat(10_001)}`;
    const res = await say(app.url, conversation, { text });
    expect(res.status).toBe(200);
    const reply = res.json().activities[0]!.text as string;
    expect(reply).toMatch(/^Sorry, that message is too long for me: I read up to 10,000 characters and it has 10,038\. The first part was: "my pin is \[pin\], call \[phone\] a+…"/);
    expect((await say(app.url, conversation, { text: "1" })).replies()).not.toMatch(/Which kind of number/);
  });

  it("applies an activity resent with the same id only once", async () => {
    const conversation = `dup-${Math.random()}`;
    await say(app.url, conversation, { text: "how much to port 3 numbers" });
    const first = await say(app.url, conversation, { id: "activity-7", text: "1" });
    const again = await say(app.url, conversation, { id: "activity-7", text: "1" });
    expect(first.replies()).not.toBe("");
    expect(again.status).toBe(200);
    expect(again.json().activities).toEqual([]);
    // The same id in another conversation is another activity.
    expect((await say(app.url, `other-${Math.random()}`, { id: "activity-7", text: "hello" })).json().activities.length).toBeGreaterThan(0);
  });

  it("never echoes an identifier typed where the estimate expects a count", async () => {
    const conversation = `echo-${Math.random()}`;
    await say(app.url, conversation, { text: "estimate" });
    const replies = [];
    for (const text of ["1", "my pin is 4 8 2 1", "514 - 555 - 0199", "my password is hunter2"]) replies.push((await say(app.url, conversation, { text })).text);
    expect(replies.join("\n")).not.toMatch(/4 8 2 1|0199|hunter2/);
  });

  it("logs one JSON line per event, with the request id, and never a stack trace", () => {
    expectCleanLogs(app.logs);
    expect(app.logs.some((l) => /"requestId":"[0-9a-f-]{36}"/.test(l))).toBe(true);
  });
});

describe("the feedback log never breaks a turn", () => {
  const cases: Array<[string, () => string]> = [
    [
      "a path under a file",
      () => {
        const blocker = join(mkdtempSync(join(tmpdir(), "fb-")), "blocker");
        writeFileSync(blocker, "");
        return join(blocker, "feedback.jsonl");
      },
    ],
    ["a path under /proc", () => "/proc/x/y/feedback.jsonl"],
  ];
  for (const [name, file] of cases) {
    it(`with ${name}: fallbacks and "No" answer normally and the conversation goes on`, async () => {
      const app = await start(await realKnowledge(), {}, file());
      try {
        const conversation = `fb-${Math.random()}`;
        for (let i = 0; i < 3; i++) {
          const res = await say(app.url, conversation, { text: "What is the weather on Mars?" });
          expect(res.status).toBe(200);
          expect(res.text).not.toContain(APOLOGY);
        }
        const answer = await say(app.url, conversation, { text: "How long does it take to port a number?" });
        expect(answer.replies()).toContain("Did this help?");
        // Web chat posts a clicked button's label as the message text.
        const res = await say(app.url, conversation, { text: "No" });
        expect(res.status).toBe(200);
        expect(res.text).not.toContain(APOLOGY);
        await expect.poll(() => app.logs.filter((l) => l.includes("cannot be written")).length).toBe(1);
        expect(await healthy(app.url)).toBe(true);
      } finally {
        await app.close();
      }
    });
  }

  it("keeps every identifier the customer typed out of the log", async () => {
    const app = await start(await realKnowledge());
    try {
      const typed = [
        "my pin is 4 8 2 1",
        "my pin's 4821",
        "the PIN for my port-out is 4821",
        "PIN 48 21",
        "514 - 555 - 0199",
        "514/555/0199",
        "５１４５５５０１９９",
        "jöne.doe@exämple.com",
        "my password is hunter2",
      ];
      for (const text of typed) await say(app.url, `ids-${Math.random()}`, { text: `weather on Mars? ${text}` });
      // Each question is a fallback or a choice between entries; the fallbacks' records are written in the background.
      await expect.poll(async () => (await readFeedback(app.feedbackFile)).records.length).toBeGreaterThanOrEqual(typed.length - 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const log = readFileSync(app.feedbackFile, "utf8");
      expect(log).not.toMatch(/4821|4 8 2 1|48 21|0199|５|jöne|exämple|hunter2/);
      expect(log).toContain("[password]");
    } finally {
      await app.close();
    }
  });
});
