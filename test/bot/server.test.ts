import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeedback } from "../../src/feedback/store.js";
import { realKnowledge } from "./harness.js";
import { activity, post, start, type Running } from "./http.js";

describe("the HTTP server (local mode)", () => {
  let app: Running;
  beforeAll(async () => {
    app = await start(await realKnowledge());
  });
  afterAll(() => app.close());

  it("answers /healthz", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers a porting question with the matching entry's card, in the response (expectReplies)", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "How long does it take to port a number?" })));
    expect(res.status).toBe(200);
    const [reply] = res.json().activities;
    const card = reply!.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.version).toBe("1.5");
    expect(card.content.body[0].text).toBe("How long does the port process take?");
    expect(card.content.actions[0].url).toBe("https://wiki.voip.ms/article/Porting_FAQ#How_long_does_the_port_process_take.3F");
  });

  it("welcomes a user joining", async () => {
    const res = await post(app.url, JSON.stringify(activity({ type: "conversationUpdate", membersAdded: [{ id: "user-1" }, { id: "bot-1" }] })));
    expect(res.status).toBe(200);
    expect(res.json().activities[0]!.attachments[0].content.body[0].text).toContain("porting");
  });

  it("records a fallback in the feedback file", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "What is the weather on Mars, call me on 514 555 0199" })));
    expect(res.status).toBe(200);
    await expect.poll(async () => (await readFeedback(app.feedbackFile)).records.length).toBe(1);
    const { records } = await readFeedback(app.feedbackFile);
    expect(records).toEqual([expect.objectContaining({ status: "fallback", channel: "webchat", entry: null })]);
    expect(records[0]!.question).not.toContain("555");
  });

  it("rejects malformed JSON with 400", async () => {
    const res = await post(app.url, '{"type": "message", "text": ');
    expect(res.status).toBe(400);
  });

  it("rejects a body without type with 400, naming the field", async () => {
    const { type: _type, ...rest } = activity({ text: "hello" });
    const res = await post(app.url, JSON.stringify(rest));
    expect(res.status).toBe(400);
    expect(res.text).toContain("type");
  });

  it("rejects a JSON value that is not an object with 400", async () => {
    for (const body of ["[]", "42", '"message"', "null"]) {
      expect((await post(app.url, body)).status).toBe(400);
    }
  });

  it("gives an unknown activity type a harmless empty reply", async () => {
    const res = await post(app.url, JSON.stringify(activity({ type: "somethingNew", text: "hello" })));
    expect(res.status).toBe(200);
    expect(res.json().activities).toEqual([]);
  });

  it("rejects a 1 MB body with 413", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "x".repeat(1024 * 1024) })));
    expect(res.status).toBe(413);
  });

  it("answers a text longer than the bot reads politely, quoting its beginning", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "port ".repeat(5000) })));
    expect(res.status).toBe(200);
    expect(res.json().activities[0]!.text).toMatch(/^Sorry, that message is too long for me: .* The first part was: "port port port/);
  });

  it("rejects a body that is not JSON with 415", async () => {
    const res = await post(app.url, "type=message", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
  });

  it("keeps serving after bad requests", async () => {
    await post(app.url, "{");
    const res = await post(app.url, JSON.stringify(activity({ text: "how much does it cost to port a number" })));
    expect(res.status).toBe(200);
    expect(res.json().activities[0]!.attachments[0].content.body[0].text).toBe("How much does it cost to Port a Number to VoIP.ms?");
  });
});

describe("the HTTP server with an app id", () => {
  let app: Running;
  beforeAll(async () => {
    app = await start(await realKnowledge(), { MicrosoftAppId: "00000000-0000-0000-0000-000000000001", MicrosoftAppPassword: "not-a-real-secret" });
  });
  afterAll(() => app.close());

  it("answers 401 to a request without a token", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "how long does a port take" })));
    expect(res.status).toBe(401);
  });

  it("answers 401, not a description of the schema, to a malformed request without a token", async () => {
    const { type: _type, ...rest } = activity({ text: "hello" });
    for (const [body, type] of [[JSON.stringify(rest), "application/json"], ['{"type": ', "application/json"], ["type=message", "application/x-www-form-urlencoded"]] as const) {
      const res = await post(app.url, body, { "content-type": type });
      expect(res.status).toBe(401);
      expect(res.text).not.toContain("not a valid activity");
    }
  });

  it("answers 401 to a body too large when there is no token, without reading it", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "x".repeat(1024 * 1024) })));
    expect(res.status).toBe(401);
  });

  it("checks the token before the body: a malformed body with a bad token gets 401", async () => {
    const { type: _type, ...rest } = activity({ text: "hello" });
    const res = await post(app.url, JSON.stringify(rest), { "content-type": "application/json", authorization: "Bearer not.a.jwt" });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("type");
  });

  it("answers 401 to a request with a token that is not a Bot Framework token", async () => {
    const res = await post(app.url, JSON.stringify(activity({ text: "how long does a port take" })), {
      "content-type": "application/json",
      authorization: "Bearer not.a.jwt",
    });
    expect(res.status).toBe(401);
  });

  it("still answers /healthz", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
