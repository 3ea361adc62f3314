import type { AddressInfo } from "node:net";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAgentConfig } from "../../bot/agent-config.js";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { realKnowledge } from "./harness.js";

const AGENTS_TEAM = "19:agents-team@thread.tacv2";
const REJECTION_IN_FRENCH = "https://wiki.voip.ms/article/Rejet_de_transf%C3%A9rabilit%C3%A9";
const REJECTION_IN_SPANISH = "https://wiki.voip.ms/article/Rechazo_de_porteo";

let server: Server;
let url: string;
beforeAll(async () => {
  server = createApp({ config: loadConfig({ SECOND_OPINION: "off" }), kb: await realKnowledge(), feedbackFile: "/dev/null", log: createLogger(() => {}), agents: loadAgentConfig({ AGENT_CHANNELS: AGENTS_TEAM }) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});
afterAll(() => server.close());

interface Turn {
  /** Every reply's text and cards, as sent. */
  raw: string;
  /** The entries the replies carry as data, in order. */
  answers: string[];
}

/** One thread of a Teams channel: its agents' or another team's. */
function thread(team: string) {
  const conversation = `${team};messageid=${Math.random()}`;
  return async (text: string, value?: unknown): Promise<Turn> => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message", text, ...(value ? { value } : {}), channelId: "msteams", serviceUrl: "http://127.0.0.1:9/unused",
        conversation: { id: conversation, isGroup: true, conversationType: "channel" },
        channelData: { team: { id: team }, channel: { id: team } },
        from: { id: "29:agent", name: "Agent" }, recipient: { id: "28:bot", name: "Porting help" }, deliveryMode: "expectReplies",
      }),
    });
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: Array<{ channelData?: { answer?: { id: string } } }> };
    return { raw: JSON.stringify(activities), answers: activities.flatMap((a) => (a.channelData?.answer ? [a.channelData.answer.id] : [])) };
  };
}

describe("an agent asking for a rejection's canned answer in French", () => {
  it("gets the canned answer with the French article, not the customer's diagnosis", async () => {
    const say = thread(AGENTS_TEAM);
    const turn = await say("port rejected, BTN doesn't match - need the canned answer in french");
    expect(turn.answers).toEqual(["incorrect-billing-telephone-number-btn"]);
    expect(turn.raw).toContain("Lire en français");
    expect(turn.raw).toContain(REJECTION_IN_FRENCH);
    expect(turn.raw).not.toContain("Are you porting the number in");
  });

  it("asked after the canned answer, gets the same answer again with the article in French, then in Spanish", async () => {
    const say = thread(AGENTS_TEAM);
    const first = await say("Port rejected - invalid PIN");
    expect(first.raw).not.toContain(REJECTION_IN_FRENCH);
    const french = await say("the canned answer in French please");
    expect(french.answers).toEqual(["port-out-rejection-for-pin"]);
    expect(french.raw).toContain(REJECTION_IN_FRENCH);
    expect(french.raw).not.toContain("I'm not asking you anything");
    const spanish = await say("and in Spanish?");
    expect(spanish.answers).toEqual(["port-out-rejection-for-pin"]);
    expect(spanish.raw).toContain(REJECTION_IN_SPANISH);
  });

  it("naming no cause, is offered the rejections to pick from, each opening its canned answer in French", async () => {
    const say = thread(AGENTS_TEAM);
    const pick = await say("my customer's port was rejected, can I have the canned answer in French?");
    expect(pick.raw).toContain("Which rejection is it?");
    expect(pick.raw).not.toContain("Are you porting the number in");
    const opened = await say("", { action: "open", id: "incorrect-billing-telephone-number-btn", language: "fr" });
    expect(opened.raw).toContain("Billing Telephone Number (BTN) is the main telephone number");
    expect(opened.raw).toContain(REJECTION_IN_FRENCH);
    // Then "in Spanish" is about that answer.
    expect((await say("in Spanish please")).raw).toContain(REJECTION_IN_SPANISH);
  });

  it("gets the French article with an answered question written in English that asks for French", async () => {
    const say = thread(AGENTS_TEAM);
    const turn = await say("what is a partial port? in French please");
    expect(turn.answers.length).toBe(1);
    expect(turn.raw).toContain("Lire en français");
  });

  it("in a customers' team, the same words still start the customer's diagnosis", async () => {
    const say = thread("19:customers@thread.tacv2");
    const turn = await say("my port was rejected, can I have the canned answer in French?");
    expect(turn.raw).toContain("Are you porting the number in");
  });
});
