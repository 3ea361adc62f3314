import type { AddressInfo } from "node:net";
import type { Server } from "restify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadAgentConfig } from "../../../bot/agent-config.js";
import { createApp } from "../../../bot/app.js";
import { loadConfig } from "../../../bot/config.js";
import { createLogger } from "../../../bot/log.js";
import type { KnowledgeBase } from "../../../src/knowledge/schema.js";
import { realKnowledge } from "../harness.js";
import { FakeSlack, signedHeaders, type SlackCall } from "./fake-slack.js";

const SECRET = "slack-signing-secret-for-tests";
const AGENTS = "CAGENTS";
const JSON_TYPE = "application/json";
const FORM_TYPE = "application/x-www-form-urlencoded";

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

function textOf(call: SlackCall): string {
  return JSON.stringify(call.body.blocks ?? []) + (call.body.text ?? "");
}

function buttons(call: SlackCall): Array<{ action_id: string; value?: string; text: { text: string } }> {
  return (call.body.blocks as Array<{ type: string; elements?: any[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements!);
}

describe("the Slack app", () => {
  let kb: KnowledgeBase;
  let slack: FakeSlack;
  let server: Server;
  let url: string;
  const logs: string[] = [];

  beforeAll(async () => {
    kb = await realKnowledge();
    slack = new FakeSlack();
    await slack.start();
    server = createApp({
      config: loadConfig({}),
      kb,
      feedbackFile: "/dev/null",
      log: createLogger((line) => logs.push(line)),
      agents: loadAgentConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: `${slack.url}/api/`, AGENT_CHANNELS: AGENTS }),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/slack/events`;
  });
  afterAll(() => {
    server.close();
    slack.stop();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  function send(body: string, type: string, headers: Record<string, string> = {}, timestamp?: number) {
    return fetch(url, { method: "POST", body, headers: { ...signedHeaders(SECRET, body, type, timestamp), ...headers } });
  }

  function event(event: Record<string, unknown>, eventId = unique("Ev"), headers: Record<string, string> = {}) {
    return send(JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: eventId, event_time: 1, event }), JSON_TYPE, headers);
  }

  /** The replies posted to `channel`, once at least `count` came and no more came for half a second. */
  async function settled(channel: string, count: number): Promise<SlackCall[]> {
    const posted = () => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
    for (let i = 0, seen = -1; i < 400; i++) {
      const now = posted().length;
      if (now >= count && now === seen) return posted();
      seen = now;
      await new Promise((resolve) => setTimeout(resolve, now >= count ? 500 : 25));
    }
    throw new Error(`expected ${count} replies in ${channel}; got ${posted().length}`);
  }

  function dm(text: string, channel: string) {
    return event({ type: "message", channel_type: "im", channel, user: "UAGENT", text, ts: `${Date.now() / 1000}` });
  }

  function click(button: { action_id: string; value?: string }, channel: string, extra: Record<string, unknown> = {}) {
    const payload = {
      type: "block_actions",
      team: { id: "T1" },
      user: { id: "UAGENT" },
      api_app_id: "A1",
      channel: { id: channel },
      container: { type: "message", channel_id: channel },
      trigger_id: "1.2.3",
      response_url: `${slack.url}/response/${unique("r")}`,
      actions: [{ type: "button", action_id: button.action_id, block_id: "b", value: button.value, action_ts: "1" }],
      ...extra,
    };
    return send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM_TYPE);
  }

  function command(text: string, channel: string, responsePath = unique("/response/cmd")) {
    const form = new URLSearchParams({
      command: "/porting",
      text,
      team_id: "T1",
      channel_id: channel,
      user_id: "UAGENT",
      response_url: `${slack.url}${responsePath}`,
      trigger_id: "1.2.3",
      api_app_id: "A1",
    });
    return { res: send(form.toString(), FORM_TYPE), responsePath: responsePath.slice(1) };
  }

  it("answers Slack's URL verification", async () => {
    const res = await send(JSON.stringify({ type: "url_verification", challenge: "abc123" }), JSON_TYPE);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "abc123" });
  });

  it("refuses a bad signature, a stale timestamp and an unsigned request with 401, and answers none of them", async () => {
    const body = JSON.stringify({ type: "event_callback", event_id: unique("Ev"), event: { type: "message", channel_type: "im", channel: "DBAD", user: "U1", text: "fees", ts: "1" } });
    const forged = await fetch(url, { method: "POST", body, headers: { ...signedHeaders("wrong-secret", body, JSON_TYPE) } });
    const stale = await send(body, JSON_TYPE, {}, Math.floor(Date.now() / 1000) - 6 * 60);
    const unsigned = await fetch(url, { method: "POST", body, headers: { "content-type": JSON_TYPE } });
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    await dm("fees", "DCHECK");
    await slack.waitFor("chat.postMessage");
    expect(slack.of("chat.postMessage").map((c) => c.body.channel)).toEqual(["DCHECK"]);
  });

  it("answers a direct message in the DM as Block Kit: header, sections, source and feedback buttons", async () => {
    const res = await dm("How long does the port process take?", "DANSWER");
    expect(res.status).toBe(200);
    const [reply] = await slack.waitFor("chat.postMessage");
    expect(reply!.body.channel).toBe("DANSWER");
    expect(reply!.body.thread_ts).toBeUndefined();
    expect(reply!.body.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "How long does the port process take?", emoji: false } });
    expect(reply!.body.text).toContain("business days");
    const labels = buttons(reply!).map((b) => b.text.text);
    expect(labels).toEqual(expect.arrayContaining(["Yes", "No"]));
  });

  it("holds a DM conversation across messages and button clicks: an estimate asks where, a click answers, the estimate follows", async () => {
    await dm("how much to port 3 fax numbers", "DFLOW");
    const [question] = await slack.waitFor("chat.postMessage");
    expect(textOf(question!)).toContain("Where are the numbers from?");
    const us = buttons(question!).find((b) => b.text.text === "United States")!;
    const res = await click(us, "DFLOW");
    expect(res.status).toBe(200);
    const [, next] = await slack.waitFor("chat.postMessage", 2);
    expect(next!.body.channel).toBe("DFLOW");
    expect(next!.body.blocks[0].text.text).toMatch(/^Estimate: 3 fax numbers in the US/);
  });

  it("gives an agent who pastes a customer's rejection e-mail in a DM the canned answer of the cause it names, not the customer's questions", async () => {
    const email = [
      "customer forwarded this, what do I tell them?",
      "",
      "From: jane@example.com",
      "Subject: Port rejected",
      "Hello, our port of 514-555-0199 was rejected. The notice says: Jeopardy: Invalid BTN. Please advise.",
    ].join("\n");
    await dm(email, "DPASTE");
    const replies = await settled("DPASTE", 3);
    const all = replies.map(textOf).join("\n");
    expect(all).toContain('The message names this rejection: "Incorrect Billing Telephone Number (BTN)". Canned answer to paste:');
    expect(replies.some((r) => r.body.blocks?.[0]?.text?.text === kb.byId.get("incorrect-billing-telephone-number-btn")!.title)).toBe(true);
    expect(buttons(replies.at(-1)!).map((b) => b.text.text)).toEqual(["My port was rejected"]);
    expect(all).not.toContain("Are you porting the number in");
    expect(all).not.toContain("You also asked");
    expect(all).not.toContain("555-0199");
    expect(all).not.toContain("jane@example.com");
  });

  it("still walks a customers' channel through the diagnosis of the same pasted notice", async () => {
    await event({ type: "app_mention", channel: "CCUSTOMERS", user: "UCUST", text: "<@UBOT> my port was rejected, the notice says: Jeopardy: Invalid BTN", ts: "1700000009.000100" });
    const replies = await settled("CCUSTOMERS", 1);
    expect(replies.map(textOf).join("\n")).toContain("Is that what happened?");
    expect(replies.map(textOf).join("\n")).not.toContain("The message names this rejection");
  });

  it("answers a mention in a channel in the message's thread", async () => {
    await event({ type: "app_mention", channel: "CSUPPORT", user: "UAGENT", text: "<@UBOT> how long does the port process take?", ts: "1700000001.000100" });
    const [reply] = await slack.waitFor("chat.postMessage");
    expect(reply!.body).toMatchObject({ channel: "CSUPPORT", thread_ts: "1700000001.000100" });
    expect(reply!.body.text).toContain("business days");
  });

  it("gives agents' channels (AGENT_CHANNELS) the archived answer, labelled, where customers get none", async () => {
    await event({ type: "app_mention", channel: AGENTS, user: "UAGENT", text: "<@UBOT> what is a NASC procedure", ts: "1700000002.000100" });
    await event({ type: "app_mention", channel: "CCUSTOMERS", user: "UCUST", text: "<@UBOT> what is a NASC procedure", ts: "1700000003.000100" });
    const replies = await slack.waitFor("chat.postMessage", 2);
    const agents = replies.find((r) => r.body.channel === AGENTS)!;
    const customers = replies.find((r) => r.body.channel === "CCUSTOMERS")!;
    expect(agents.body.text).toContain("Archived: removed from the wiki on 2019-08-27");
    expect(customers.body.text).not.toContain("Archived");
  });

  it("answers an event once when Slack retries it (X-Slack-Retry-Num)", async () => {
    const id = unique("EvRetry");
    const body = { type: "message", channel_type: "im", channel: "DRETRY", user: "UAGENT", text: "what is a BTN", ts: "1700000004.000100" };
    await event(body, id);
    await slack.waitFor("chat.postMessage");
    const retry = await event(body, id, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    await event({ ...body, channel: "DAFTER" });
    await slack.waitFor("chat.postMessage", 2);
    expect(slack.of("chat.postMessage").map((c) => c.body.channel).sort()).toEqual(["DAFTER", "DRETRY"]);
  });

  it("/porting answers the agent alone with the canned answer, 'Post to channel' and 'Show another'", async () => {
    const { res } = command("what is a NASC procedure", "CWORK");
    expect((await res).status).toBe(200);
    const [ephemeral] = await slack.waitFor("chat.postEphemeral");
    expect(ephemeral!.body).toMatchObject({ channel: "CWORK", user: "UAGENT" });
    expect(buttons(ephemeral!).map((b) => b.text.text)).toEqual(["Post to channel", "Show another"]);
    expect(slack.of("chat.postMessage")).toEqual([]);
  });

  it("'Show another' replaces the ephemeral answer with the next one; 'Post to channel' posts it without buttons and removes the ephemeral one", async () => {
    command("port fees", "CWORK");
    const [ephemeral] = await slack.waitFor("chat.postEphemeral");
    const [post, another] = buttons(ephemeral!);
    const first = JSON.stringify(ephemeral!.body.blocks[0]);

    await click(another!, "CWORK", { response_url: `${slack.url}/response/another` });
    const [replaced] = await slack.waitFor("response/another");
    expect(replaced!.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced!.body.blocks[0])).not.toBe(first);

    await click(post!, "CWORK", { response_url: `${slack.url}/response/post` });
    const [posted] = await slack.waitFor("chat.postMessage");
    expect(posted!.body.channel).toBe("CWORK");
    expect(posted!.body.blocks.some((b: { type: string }) => b.type === "actions")).toBe(false);
    const [removed] = await slack.waitFor("response/post");
    expect(removed!.body.delete_original).toBe(true);
  });

  it("/porting in a channel the bot is not in answers through the command's response URL, still ephemeral", async () => {
    slack.notMember.add("CPRIVATE");
    const { responsePath } = command("what is a BTN", "CPRIVATE");
    const [response] = await slack.waitFor(responsePath);
    expect(response!.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(response!.body.blocks)).toContain("Post to channel");
  });

  it("/porting with nothing, or nothing found, says what to type", async () => {
    command("", "CWORK");
    command("weather on Mars", "CWORK");
    const replies = await slack.waitFor("chat.postEphemeral", 2);
    expect(replies.map((r) => r.body.text).sort()).toEqual([
      "No porting answer matches that. Try other words, e.g. `/porting port fees` or `/porting BTN mismatch`.",
      "Type a question after the command, e.g. `/porting how long does a port take`.",
    ]);
  });

  it("ignores a click whose value is not one of its own", async () => {
    await click({ action_id: "choice-0", value: '{"label":"x","action":{"action":"open","id":"../../etc"}}' }, "DJUNK");
    await dm("what is a BTN", "DJUNK2");
    await slack.waitFor("chat.postMessage");
    expect(slack.of("chat.postMessage").map((c) => c.body.channel)).toEqual(["DJUNK2"]);
  });

  it("says at start-up that it is on", () => {
    expect(logs.some((l) => l.includes("Slack app on at /api/slack/events"))).toBe(true);
  });
});

describe("the Slack app without its settings", () => {
  it("is off, says so, and its route does not exist", async () => {
    const logs: string[] = [];
    const server = createApp({ config: loadConfig({}), kb: await realKnowledge(), feedbackFile: "/dev/null", log: createLogger((l) => logs.push(l)) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/slack/events`, { method: "POST", body: "{}", headers: { "content-type": JSON_TYPE } });
      expect(res.status).toBe(404);
      expect(logs.some((l) => l.includes("Slack app off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN"))).toBe(true);
    } finally {
      server.close();
    }
  });

  it("refuses to start with only one of the two secrets", () => {
    expect(() => loadAgentConfig({ SLACK_SIGNING_SECRET: SECRET })).toThrow(/SLACK_BOT_TOKEN/);
  });
});
