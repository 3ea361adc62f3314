import type { AddressInfo } from "node:net";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAgentConfig } from "../../bot/agent-config.js";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { realKnowledge } from "./harness.js";

const AGENTS_TEAM = "19:agents-team@thread.tacv2";

function teamsMessage(text: string, team: string): Record<string, unknown> {
  return {
    type: "message",
    text,
    channelId: "msteams",
    serviceUrl: "http://127.0.0.1:9/unused",
    conversation: { id: `${team};messageid=${Math.random()}`, isGroup: true, conversationType: "channel" },
    channelData: { team: { id: team }, channel: { id: team } },
    from: { id: "29:someone", name: "Someone" },
    recipient: { id: "28:bot", name: "Porting help" },
    deliveryMode: "expectReplies",
  };
}

describe("agents' Teams channels (AGENT_CHANNELS)", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createApp({ config: loadConfig({}), kb: await realKnowledge(), feedbackFile: "/dev/null", log: createLogger(() => {}), agents: loadAgentConfig({ AGENT_CHANNELS: `${AGENTS_TEAM}, C123` }) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });
  afterAll(() => server.close());

  async function ask(text: string, team: string): Promise<string> {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(teamsMessage(text, team)) });
    const { activities } = (await res.json()) as { activities: Array<{ attachments: Array<{ content: { body: Array<{ text?: string }> } }> }> };
    return activities[0]!.attachments[0]!.content.body.map((b) => b.text ?? "").join("\n");
  }

  it("answers an agent's question about an archived procedure with its canned answer, labelled", async () => {
    const card = await ask("what is a NASC procedure", AGENTS_TEAM);
    expect(card).toContain("Archived: removed from the wiki on 2019-08-27");
    expect(card).toContain("What is a NASC procedure?");
    expect(card).not.toContain("For support agents only");
  });

  it("never gives the archived text in a customers' team", async () => {
    const card = await ask("what is a NASC procedure", "19:customers@thread.tacv2");
    expect(card).not.toContain("Archived");
    expect(card).not.toContain("24 to 72 hours");
  });

  it("gives agents a current answer without a label", async () => {
    const card = await ask("How long does the port process take?", AGENTS_TEAM);
    expect(card).toContain("How long does the port process take?");
    expect(card).not.toContain("Archived");
  });
});
