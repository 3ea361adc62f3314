import type { AddressInfo } from "node:net";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { agentAnswerCard, TEAMS_CARD_LIMIT_BYTES } from "../../bot/extension/agent-card.js";
import { agentAnswer } from "../../src/render/agent-answer.js";
import { resolveKbLink } from "../../src/render/markdown.js";
import { SearchExtension, SEARCH_COMMAND, SEARCH_PARAMETER } from "../../bot/extension/search-extension.js";
import { EntryUsage } from "../../bot/extension/usage.js";
import { createLogger } from "../../bot/log.js";
import { createAnswerEngine } from "../../src/answer/engine.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge } from "./harness.js";

interface Result {
  contentType: string;
  content: { version: string; body: Array<{ text: string; color?: string }>; actions: Array<{ url: string }> };
  preview: { content: { title: string; text: string } };
}

function invoke(name: string, value: unknown): Record<string, unknown> {
  return {
    type: "invoke",
    name,
    value,
    channelId: "msteams",
    serviceUrl: "http://127.0.0.1:9/unused",
    conversation: { id: "19:agents-chat" },
    from: { id: "29:agent", name: "Agent" },
    recipient: { id: "28:bot", name: "Porting help" },
  };
}

const query = (text: string | undefined, count = 10) => ({
  commandId: SEARCH_COMMAND,
  parameters: text === undefined ? [{ name: "initialRun", value: "true" }] : [{ name: SEARCH_PARAMETER, value: text }],
  queryOptions: { skip: 0, count },
});

describe("the Teams search message extension, through the HTTP server", () => {
  let kb: KnowledgeBase;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    kb = await realKnowledge();
    server = createApp({ config: loadConfig({}), kb, feedbackFile: "/dev/null", log: createLogger(() => {}) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  async function post(activity: Record<string, unknown>) {
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    return { status: res.status, body: (await res.json()) as { composeExtension: { type: string; attachmentLayout?: string; text?: string; attachments?: Result[] } } };
  }

  it("lists matching entries (title, first line), archived ones labelled, each with the card it inserts", async () => {
    const { status, body } = await post(invoke("composeExtension/query", query("what is a NASC procedure")));
    expect(status).toBe(200);
    expect(body.composeExtension).toMatchObject({ type: "result", attachmentLayout: "list" });
    const results = body.composeExtension.attachments!;
    const titles = results.map((r) => r.preview.content.title);
    const archived = titles.indexOf("What is a NASC procedure?");
    expect(archived).toBeGreaterThanOrEqual(0);
    const preview = results[archived]!.preview.content;
    expect(preview.text).toMatch(/^Archived: removed from the wiki on 2019-08-27\. A NASC is a forced change/);
    const card = results[archived]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.version).toBe("1.5");
    expect(card.content.body[0]).toMatchObject({ text: "Archived: removed from the wiki on 2019-08-27", color: "Attention" });
    expect(card.content.actions[0]!.url).toBe("https://wiki.voip.ms/article/Porting_FAQ#What_is_a_NASC_procedure.3F");
  });

  it("opens (no text yet) on the most used entries", async () => {
    const first = await post(invoke("composeExtension/query", query(undefined, 5)));
    const titles = first.body.composeExtension.attachments!.map((r) => r.preview.content.title);
    const usage = new EntryUsage(kb);
    expect(titles).toEqual(usage.mostUsed(5).map((e) => e.title));
    const empty = await post(invoke("composeExtension/query", query("  ", 5)));
    expect(empty.body.composeExtension.attachments!.map((r) => r.preview.content.title)).toEqual(titles);
  });

  it("says so when nothing matches, and refuses an unknown command", async () => {
    const none = await post(invoke("composeExtension/query", query("weather on Mars")));
    expect(none.body.composeExtension).toMatchObject({ type: "message" });
    expect(none.body.composeExtension.text).toContain("No porting answer");
    const unknown = await post(invoke("composeExtension/query", { ...query("fees"), commandId: "other" }));
    expect(unknown.body.composeExtension.type).toBe("message");
    for (const value of [undefined, "text", { commandId: SEARCH_COMMAND, parameters: "x" }]) {
      const malformed = await post(invoke("composeExtension/query", value));
      expect(malformed.status).toBe(200);
      expect(malformed.body.composeExtension.type).toBe("message");
    }
  });
});

describe("the message extension's cards", () => {
  it("keeps every entry's card an Adaptive Card 1.5 well under Teams' 40 KB", async () => {
    const kb = await realKnowledge();
    const resolve = resolveKbLink(kb);
    for (const entry of kb.entries) {
      const attachment = agentAnswerCard(agentAnswer(entry, resolve), resolve);
      expect((attachment.content as { version: string }).version).toBe("1.5");
      expect(Buffer.byteLength(JSON.stringify(attachment))).toBeLessThan(TEAMS_CARD_LIMIT_BYTES / 2);
    }
  });

  it("answers a full page of results within Teams' limit", async () => {
    const kb = await realKnowledge();
    const response = new SearchExtension(kb, createAnswerEngine(kb), new EntryUsage(kb)).query(query("port", 10));
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(TEAMS_CARD_LIMIT_BYTES * 10);
  });
});
