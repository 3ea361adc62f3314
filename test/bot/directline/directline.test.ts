import { MemoryStorage } from "botbuilder";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenIssuer } from "../../../bot/directline/tokens.js";
import type { KnowledgeBase } from "../../../src/knowledge/schema.js";
import { realKnowledge } from "../harness.js";
import { SECRET, Stream, call, cardTitle, newConversation, refusedWith, say, startBot, type ActivitySet, type Running } from "./running.js";

/** Tokens signed with the bot's key an hour ago: API tokens (30 minutes) and stream tokens (2 minutes) have expired. */
const issuedAnHourAgo = new TokenIssuer(SECRET, 1800, () => Date.now() - 3_600_000);
const WELCOME = "Hi! I help with porting phone numbers.";
const QUESTION = "How long does it take to port a number?";
const ANSWER_TITLE = "How long does the port process take?";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

describe("the Direct Line channel", () => {
  let bot: Running;
  beforeAll(async () => {
    bot = await startBot(kb, { DIRECTLINE_TOKENS_PER_MINUTE: "1000" });
  });
  afterAll(() => bot.close());

  const activities = (c: { conversationId: string; token: string }, watermark?: string) =>
    call<ActivitySet>(`${bot.api}/conversations/${c.conversationId}/activities${watermark === undefined ? "" : `?watermark=${watermark}`}`, { token: c.token });

  describe("tokens", () => {
    it("generates a token bound to a new conversation and a dl_ user, which Web Chat reads", async () => {
      const res = await call(`${bot.api}/tokens/generate`, { method: "POST" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
      const claims = jwt.decode(res.body.token) as Record<string, unknown>;
      expect(claims.conv).toBe(res.body.conversationId);
      expect(claims.user).toMatch(/^dl_/);
      expect((claims.exp as number) - (claims.iat as number)).toBe(1800);
    });

    it("gives each call a different conversation", async () => {
      const [a, b] = await Promise.all([1, 2].map(() => call(`${bot.api}/tokens/generate`, { method: "POST" })));
      expect(a!.body.conversationId).not.toBe(b!.body.conversationId);
    });

    it("refreshes a token into a new one for the same conversation and user", async () => {
      const c = await newConversation(bot.api);
      const res = await call(`${bot.api}/tokens/refresh`, { method: "POST", token: c.token });
      expect(res.status).toBe(200);
      expect(res.body.conversationId).toBe(c.conversationId);
      expect(res.body.token).not.toBe(c.token);
      expect((jwt.decode(res.body.token) as { user: string }).user).toBe((jwt.decode(c.token) as { user: string }).user);
      expect((await say(bot.api, { ...c, token: res.body.token }, "hello")).status).toBe(200);
    });

    it("refuses to refresh without a token (401), a forged one (401) or an expired one (403)", async () => {
      const c = await newConversation(bot.api);
      const grant = { conversationId: c.conversationId, userId: (jwt.decode(c.token) as { user: string }).user };
      expect((await call(`${bot.api}/tokens/refresh`, { method: "POST" })).status).toBe(401);
      expect((await call(`${bot.api}/tokens/refresh`, { method: "POST", token: new TokenIssuer("another-secret-that-is-also-long-enough", 1800).issue(grant) })).status).toBe(401);
      const expired = await call(`${bot.api}/tokens/refresh`, { method: "POST", token: issuedAnHourAgo.issue(grant) });
      expect(expired.status).toBe(403);
      expect(expired.body.error.code).toBe("TokenExpired");
    });
  });

  describe("conversations", () => {
    it("starts the conversation (201) with a stream URL, and the bot's welcome is its first activity", async () => {
      const generated = (await call(`${bot.api}/tokens/generate`, { method: "POST" })).body;
      const res = await call(`${bot.api}/conversations`, { method: "POST", token: generated.token });
      expect(res.status).toBe(201);
      expect(res.body.conversationId).toBe(generated.conversationId);
      expect(res.body.expires_in).toBe(1800);
      expect(res.body.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${res.body.conversationId}/stream\\?t=`));
      const kept = await activities(res.body);
      expect(kept.status).toBe(200);
      expect(kept.body.activities).toHaveLength(1);
      const [welcome] = kept.body.activities;
      expect(welcome).toMatchObject({ type: "message", channelId: "directline", from: { role: "bot" }, id: `${res.body.conversationId}|0000001` });
      expect(welcome!.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(cardTitle(welcome!)).toBe(WELCOME);
      expect(kept.body.watermark).toBe("1");
    });

    it("starting it again changes nothing (200, no second welcome)", async () => {
      const c = await newConversation(bot.api);
      const again = await call(`${bot.api}/conversations`, { method: "POST", token: c.token });
      expect(again.status).toBe(200);
      expect(again.body.conversationId).toBe(c.conversationId);
      expect((await activities(c)).body.activities).toHaveLength(1);
    });

    it("reconnects to a conversation with a new stream URL carrying the watermark", async () => {
      const c = await newConversation(bot.api);
      const res = await call(`${bot.api}/conversations/${c.conversationId}?watermark=1`, { token: c.token });
      expect(res.status).toBe(200);
      expect(res.body.conversationId).toBe(c.conversationId);
      expect(new URL(res.body.streamUrl).searchParams.get("watermark")).toBe("1");
    });

    it("answers 404 for a conversation that was never started", async () => {
      const generated = (await call(`${bot.api}/tokens/generate`, { method: "POST" })).body;
      expect((await call(`${bot.api}/conversations/${generated.conversationId}`, { token: generated.token })).status).toBe(404);
      expect((await say(bot.api, generated, "hello")).status).toBe(404);
    });
  });

  describe("activities", () => {
    it("takes a message ({ id }) and keeps it with the bot's answer card, through the same bot as every channel", async () => {
      const c = await newConversation(bot.api);
      const posted = await say(bot.api, c, QUESTION);
      expect(posted.status).toBe(200);
      expect(posted.body.id).toBe(`${c.conversationId}|0000002`);
      const { body } = await activities(c, "1");
      const [mine, answer] = body.activities;
      expect(mine).toMatchObject({ id: posted.body.id, type: "message", text: QUESTION, from: { id: (jwt.decode(c.token) as { user: string }).user, role: "user" } });
      expect(answer).toMatchObject({ type: "message", from: { role: "bot" }, replyToId: posted.body.id });
      expect(cardTitle(answer!)).toBe(ANSWER_TITLE);
    });

    it("pages by watermark: only what came after it, and the watermark to ask from next", async () => {
      const c = await newConversation(bot.api);
      await say(bot.api, c, QUESTION);
      const first = await activities(c, "1");
      expect(first.body.activities.length).toBeGreaterThanOrEqual(2);
      expect(first.body.watermark).toBe(String(1 + first.body.activities.length));
      const nothingNew = await activities(c, first.body.watermark);
      expect(nothingNew.body).toEqual({ activities: [], watermark: first.body.watermark });
      await say(bot.api, c, "help");
      const next = await activities(c, first.body.watermark);
      expect(next.body.activities[0]).toMatchObject({ text: "help", from: { role: "user" } });
      expect(Number(next.body.watermark)).toBe(Number(first.body.watermark) + next.body.activities.length);
      const all = await activities(c);
      expect(all.body.activities.map((a) => a.id)).toEqual([
        ...(await activities(c, "0")).body.activities.map((a) => a.id),
      ]);
      expect(all.body.activities).toHaveLength(1 + first.body.activities.length + next.body.activities.length);
    });

    it("keeps the conversation's state between turns: a diagnosis goes on from one post to the next", async () => {
      const c = await newConversation(bot.api);
      await say(bot.api, c, "my port was rejected");
      const before = (await activities(c)).body.watermark;
      await say(bot.api, c, "start over");
      const after = await activities(c, before);
      expect(after.body.activities.some((a) => a.from.role === "bot")).toBe(true);
    });

    it("answers 400 for a bad watermark", async () => {
      const c = await newConversation(bot.api);
      expect((await activities(c, "abc")).status).toBe(400);
    });
  });

  describe("misuse", () => {
    it("refuses another conversation's id with this token (403), reading and writing", async () => {
      const mine = await newConversation(bot.api);
      const theirs = await newConversation(bot.api);
      const other = { conversationId: theirs.conversationId, token: mine.token };
      expect((await activities(other)).status).toBe(403);
      expect((await say(bot.api, other, "hello")).status).toBe(403);
      expect((await call(`${bot.api}/conversations/${theirs.conversationId}`, { token: mine.token })).status).toBe(403);
      expect((await activities(theirs)).body.activities).toHaveLength(1);
    });

    it("refuses an expired token (403)", async () => {
      const c = await newConversation(bot.api);
      const expired = issuedAnHourAgo.issue({ conversationId: c.conversationId, userId: (jwt.decode(c.token) as { user: string }).user });
      expect((await say(bot.api, { ...c, token: expired }, "hello")).status).toBe(403);
      expect((await activities({ ...c, token: expired })).status).toBe(403);
    });

    it("refuses a forged token (401): another key, tampered claims, no signature, or no token at all", async () => {
      const c = await newConversation(bot.api);
      const grant = { conversationId: c.conversationId, userId: (jwt.decode(c.token) as { user: string }).user };
      const [header, , signature] = c.token.split(".");
      const claims = Buffer.from(JSON.stringify({ ...(jwt.decode(c.token) as object), user: "dl_someone-else" })).toString("base64url");
      const forged = [
        new TokenIssuer("another-secret-that-is-also-long-enough", 1800).issue(grant),
        `${header}.${claims}.${signature}`,
        jwt.sign({ conv: c.conversationId, user: grant.userId, use: "api" }, "", { algorithm: "none" } as jwt.SignOptions),
        "not-a-token",
      ];
      for (const token of forged) {
        const res = await say(bot.api, { ...c, token }, "hello");
        expect(res.status).toBe(401);
        expect(res.body.error?.code).toBe("BadToken");
      }
      expect((await call(`${bot.api}/conversations/${c.conversationId}/activities`)).status).toBe(401);
      expect((await activities(c)).body.activities).toHaveLength(1);
    });

    it("keeps the bot's replies in the conversation whatever delivery mode the client asks for", async () => {
      const c = await newConversation(bot.api);
      const body = JSON.stringify({ type: "message", text: QUESTION, deliveryMode: "expectReplies" });
      const posted = await call(`${bot.api}/conversations/${c.conversationId}/activities`, { method: "POST", token: c.token, body });
      expect(Object.keys(posted.body)).toEqual(["id"]);
      const kept = (await activities(c, "2")).body.activities;
      expect(cardTitle(kept[0]!)).toBe(ANSWER_TITLE);
    });

    it("refuses a stream token as an API token (401)", async () => {
      const c = await newConversation(bot.api);
      const streamToken = new URL(c.streamUrl).searchParams.get("t")!;
      expect((await say(bot.api, { ...c, token: streamToken }, "hello")).status).toBe(401);
    });

    it("refuses an oversized activity (413) before the bot sees it", async () => {
      const c = await newConversation(bot.api);
      const body = JSON.stringify({ type: "message", text: "x", channelData: { padding: "y".repeat(70 * 1024) } });
      const res = await call(`${bot.api}/conversations/${c.conversationId}/activities`, { method: "POST", token: c.token, body });
      expect(res.status).toBe(413);
      expect((await activities(c)).body.activities).toHaveLength(1);
    });

    it("refuses bad JSON (400) without echoing it", async () => {
      const c = await newConversation(bot.api);
      const res = await call(`${bot.api}/conversations/${c.conversationId}/activities`, { method: "POST", token: c.token, body: '{"type": "message", "text": "call 514 555 0199' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain("514");
    });

    it("refuses what is not an activity (400) and a body that is not JSON (415)", async () => {
      const c = await newConversation(bot.api);
      const url = `${bot.api}/conversations/${c.conversationId}/activities`;
      expect((await call(url, { method: "POST", token: c.token, body: JSON.stringify({ type: "invoke", text: "x" }) })).status).toBe(400);
      expect((await call(url, { method: "POST", token: c.token, body: JSON.stringify({ type: "message", text: "x".repeat(10_001) }) })).status).toBe(400);
      expect((await call(url, { method: "POST", token: c.token, body: JSON.stringify({ type: "message", attachments: [{ contentType: "image/png" }] }) })).status).toBe(400);
      expect((await call(url, { method: "POST", token: c.token, body: "hello", type: "text/plain" })).status).toBe(415);
      expect((await activities(c)).body.activities).toHaveLength(1);
    });
  });

  describe("the WebSocket stream", () => {
    it("sends what is kept, then the bot's replies as they are sent, with rising watermarks", async () => {
      const c = await newConversation(bot.api);
      const stream = await Stream.open(c.streamUrl);
      try {
        await stream.until((a) => cardTitle(a) === WELCOME);
        const posted = await say(bot.api, c, QUESTION);
        const answer = await stream.until((a) => a.replyToId === posted.body.id && a.type === "message");
        expect(cardTitle(answer)).toBe(ANSWER_TITLE);
        expect(stream.activities.find((a) => a.id === posted.body.id)).toMatchObject({ text: QUESTION, from: { role: "user" } });
        expect(stream.activities.some((a) => a.type === "typing" && a.from.role === "bot")).toBe(true);
        const kept = stream.received.filter((m) => m.activities.some((a) => a.type !== "typing"));
        const watermarks = kept.map((m) => Number(m.watermark));
        expect(watermarks).toEqual([...watermarks].sort((a, b) => a - b));
        expect(watermarks.at(-1)).toBe(Number((await activities(c)).body.watermark));
        const ids = kept.flatMap((m) => m.activities.map((a) => a.id));
        expect(new Set(ids).size).toBe(ids.length);
      } finally {
        stream.close();
      }
    });

    it("resumes after a watermark: a stream from GET /conversations/{id}?watermark= sends only what came after", async () => {
      const c = await newConversation(bot.api);
      await say(bot.api, c, QUESTION);
      const { watermark } = (await activities(c)).body;
      const reconnect = await call(`${bot.api}/conversations/${c.conversationId}?watermark=${watermark}`, { token: c.token });
      const stream = await Stream.open(reconnect.body.streamUrl);
      try {
        await say(bot.api, c, "help");
        await stream.until((a) => a.from.role === "bot" && a.type === "message");
        const kept = stream.activities.filter((a) => a.type !== "typing");
        expect(kept[0]).toMatchObject({ text: "help" });
        expect(kept.every((a) => Number(a.id.split("|")[1]) > Number(watermark))).toBe(true);
      } finally {
        stream.close();
      }
    });

    it("refuses a stream without a valid stream token (401), for another conversation (403), or an expired one (403)", async () => {
      const c = await newConversation(bot.api);
      const other = await newConversation(bot.api);
      const url = new URL(c.streamUrl);
      const grant = { conversationId: c.conversationId, userId: (jwt.decode(c.token) as { user: string }).user };
      const withToken = (t: string, path = url.pathname) => `${url.origin}${path}?t=${encodeURIComponent(t)}`;
      expect(await refusedWith(withToken("forged"))).toBe(401);
      expect(await refusedWith(withToken(c.token))).toBe(401);
      expect(await refusedWith(withToken(new URL(other.streamUrl).searchParams.get("t")!))).toBe(403);
      expect(await refusedWith(withToken(issuedAnHourAgo.issue(grant, "stream")))).toBe(403);
      expect(await refusedWith(`${url.origin}/v3/directline/elsewhere`)).toBe(404);
      expect(await refusedWith(`${url.origin}/v3/directline/conversations/%E0%A4%A/stream?t=x`)).toBe(400);
    });
  });
});

describe("token generation per client address", () => {
  let bot: Running;
  beforeAll(async () => {
    bot = await startBot(kb, { DIRECTLINE_TOKENS_PER_MINUTE: "3" });
  });
  afterAll(() => bot.close());

  it("is rate-limited: past the allowance, 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(`${bot.api}/tokens/generate`, { method: "POST" })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe("transcripts in the bot's storage", () => {
  it("keep only the newest activities past the count bound, watermarks still rising", async () => {
    const bot = await startBot(kb, { DIRECTLINE_TRANSCRIPT_MAX_ACTIVITIES: "10" });
    try {
      const c = await newConversation(bot.api);
      for (let i = 0; i < 6; i++) await say(bot.api, c, `hello ${i}`);
      const res = await call<ActivitySet>(`${bot.api}/conversations/${c.conversationId}/activities`, { token: c.token });
      expect(res.body.activities).toHaveLength(10);
      expect(Number(res.body.watermark)).toBeGreaterThan(10);
      expect(res.body.activities.at(-1)!.id).toBe(`${c.conversationId}|${res.body.watermark.padStart(7, "0")}`);
      expect(res.body.activities.some((a) => a.text === "hello 5")).toBe(true);
      expect(res.body.activities.some((a) => cardTitle(a) === WELCOME)).toBe(false);
    } finally {
      await bot.close();
    }
  });

  it("let a second instance sharing the storage and secret carry on the conversation, and stream it", async () => {
    const storage = new MemoryStorage();
    const env = { DIRECTLINE_STREAM_POLL_MS: "100" };
    const [a, b] = await Promise.all([startBot(kb, env, storage), startBot(kb, env, storage)]);
    try {
      const c = await newConversation(a.api);
      const stream = await Stream.open(c.streamUrl);
      try {
        const posted = await say(b.api, c, QUESTION);
        expect(posted.status).toBe(200);
        const answer = await stream.until((x) => x.replyToId === posted.body.id && x.type === "message");
        expect(cardTitle(answer)).toBe(ANSWER_TITLE);
        const seen = await call<ActivitySet>(`${a.api}/conversations/${c.conversationId}/activities?watermark=1`, { token: c.token });
        expect(seen.body.activities.map((x) => x.id)).toContain(posted.body.id);
      } finally {
        stream.close();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
