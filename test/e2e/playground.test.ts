import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../../src/paths.js";
import { toPlainText } from "../../src/render/markdown.js";
import { kbLinks } from "../../bot/services.js";
import { ARTIFACTS, Chat, launchChromium, startPlayground, type Mode, type Playground } from "./playground.js";

/**
 * The bot behind the Microsoft 365 Agents Playground, driven in headless Chromium as a user would: each mode's
 * steps run in order on one page. To add a step, add an `it` to the mode's `describe` using `chat`.
 * Screenshots go to test-artifacts/; docs/playground-webchat.png (README) is written when missing or when
 * UPDATE_SCREENSHOTS=1.
 */
const DOCS_SCREENSHOT = join(projectRoot(), "docs", "playground-webchat.png");
const WELCOME = "Hi! I help with porting phone numbers.";
const QUESTION = "How long does it take to port my number?";
const ANSWER_ID = "how-long-does-the-port-process-take";

let kb: KnowledgeBase;
let bot: Server;
let endpoint: string;
let browser: Browser;

/** The answer as the page shows it: the entry's title and the start of its body, from the knowledge base. */
function expectedAnswer(): { title: string; opening: string } {
  const entry = kb.byId.get(ANSWER_ID)!;
  const plain = toPlainText(entry.body, kbLinks(kb));
  return { title: entry.title, opening: plain.slice(0, 60) };
}

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  mkdirSync(ARTIFACTS, { recursive: true });
  bot = createApp({ config: loadConfig({}), kb, feedbackFile: join(ARTIFACTS, "e2e-feedback.jsonl"), log: createLogger(() => {}) });
  await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  bot?.close();
});

function inMode(mode: Mode, steps: (chat: () => Chat) => void): void {
  describe(`the Playground in ${mode} mode`, () => {
    let playground: Playground;
    let chat: Chat;
    beforeAll(async () => {
      playground = await startPlayground(endpoint, mode);
      chat = new Chat(await browser.newPage({ viewport: { width: 1280, height: 900 } }), mode);
      await chat.open(playground.url);
    });
    afterAll(async () => {
      playground?.stop();
      await chat?.page.close();
    });
    steps(() => chat);
  });
}

inMode("webchat", (chat) => {
  it("greets the user", async () => {
    await chat().shows(WELCOME);
  });

  it("answers a porting question with the entry's card", async () => {
    const { title, opening } = expectedAnswer();
    await chat().send(QUESTION);
    await chat().shows(title);
    await expect((await chat().shows(opening)).innerText()).resolves.toContain(opening);
    await chat().shows("Did this help?");
    const shot = await chat().screenshot("playground-webchat");
    if (!existsSync(DOCS_SCREENSHOT) || process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(join(projectRoot(), "docs"), { recursive: true });
      copyFileSync(shot, DOCS_SCREENSHOT);
    }
  });

  it("takes a click on Did this help?", async () => {
    await chat().click("Yes");
    await chat().shows("Glad it helped");
  });
});

inMode("msteams", (chat) => {
  it("greets the personal chat the bot is installed in", async () => {
    await chat().shows(WELCOME);
  });

  it("answers a porting question with the entry's card", async () => {
    const { title, opening } = expectedAnswer();
    await chat().send(QUESTION);
    await chat().shows(title);
    await chat().shows(opening);
    await chat().screenshot("playground-msteams");
  });

  // The Playground's Teams view does not send messageBack clicks (Teams does); typed answers work in both.
  it("takes a typed answer to Did this help?", async () => {
    await chat().send("no");
    await chat().shows("Thanks for telling me");
  });
});
