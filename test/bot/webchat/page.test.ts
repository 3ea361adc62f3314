import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../../bot/config.js";
import type { KnowledgeBase } from "../../../src/knowledge/schema.js";
import { projectRoot } from "../../../src/paths.js";
import { startBot, type Running } from "../directline/running.js";
import { realKnowledge } from "../harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

describe("the web chat page's files", () => {
  let bot: Running;
  beforeAll(async () => {
    bot = await startBot(kb);
  });
  afterAll(() => bot.close());

  it("serves the page at / loading Web Chat and the page script from the bot itself", async () => {
    const res = await fetch(`${bot.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain('<script src="webchat/webchat.js"></script>');
    expect(html).toContain('<script src="webchat/chat.js"></script>');
    expect(html).not.toMatch(/src="https?:/);
  });

  it("serves Web Chat's prebuilt bundle from the botframework-webchat package", async () => {
    const res = await fetch(`${bot.origin}/webchat/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(readFileSync(join(projectRoot(), "node_modules", "botframework-webchat", "dist", "webchat.js")))).toBe(true);
  });

  it("serves the embed snippet, the page's script and style", async () => {
    for (const [path, type] of [
      ["/embed.js", "text/javascript; charset=utf-8"],
      ["/webchat/chat.js", "text/javascript; charset=utf-8"],
      ["/webchat/chat.css", "text/css; charset=utf-8"],
    ] as const) {
      const res = await fetch(`${bot.origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toBe(type);
      expect((await res.text()).length, path).toBeGreaterThan(100);
    }
  });

  it("tells the page to use the bot's own Direct Line by default", async () => {
    const config = await (await fetch(`${bot.origin}/webchat/config.json`)).json();
    expect(config).toEqual({
      title: "Porting help",
      accent: "#0b5cad",
      botInitials: "PH",
      domain: "v3/directline",
      tokenUrl: "v3/directline/tokens/generate",
      webSocket: true,
    });
  });
});

describe("the web chat page's configuration", () => {
  it("points the page at another Direct Line (Azure's) and the provider's token endpoint and colours", async () => {
    const bot = await startBot(kb, {
      WEBCHAT_DIRECTLINE_DOMAIN: "https://directline.botframework.com/v3/directline",
      WEBCHAT_TOKEN_URL: "https://provider.example/chat-token",
      WEBCHAT_TITLE: "Example Telecom porting",
      WEBCHAT_ACCENT: "#aa3300",
      WEBCHAT_WEBSOCKET: "false",
    });
    try {
      const config = await (await fetch(`${bot.origin}/webchat/config.json`)).json();
      expect(config).toMatchObject({
        domain: "https://directline.botframework.com/v3/directline",
        tokenUrl: "https://provider.example/chat-token",
        title: "Example Telecom porting",
        accent: "#aa3300",
        webSocket: false,
      });
    } finally {
      await bot.close();
    }
  });

  it("refuses to start on a bad setting, naming it", async () => {
    await expect(startBot(kb, { WEBCHAT_ACCENT: "red" })).rejects.toThrow(ConfigError);
    await expect(startBot(kb, { WEBCHAT_ACCENT: "red" })).rejects.toThrow(/WEBCHAT_ACCENT/);
    await expect(startBot(kb, { DIRECTLINE_TOKEN_SECRET: "short" })).rejects.toThrow(/DIRECTLINE_TOKEN_SECRET/);
  });
});
