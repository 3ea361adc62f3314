import { copyFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Locator } from "playwright-core";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { dateInZone, formatDate, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { estimate } from "../../src/estimate/estimate.js";
import { parseEstimateInput } from "../../src/estimate/input.js";
import { createReader } from "../../src/reading/read.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../../src/paths.js";
import { feeShortLabel, feeShortValue, totalText } from "../../src/render/estimate-text.js";
import { resolveKbLink, toPlainText } from "../../src/render/markdown.js";
import { diagnosisPath as diagnosisPathOf } from "./diagnosis-path.js";
import { ARTIFACTS, Chat, launchChromium } from "./playground.js";

/**
 * The bot's own web chat page (GET /, stock Web Chat over the bot's Direct Line channel) in headless Chromium, used
 * as a customer would, steps in order on one page; then the page reloaded, and the same page 360 px wide.
 * Screenshots go to test-artifacts/, and to docs/ when UPDATE_SCREENSHOTS=1.
 */
const WELCOME = "Hi! I help with porting phone numbers.";
const QUESTION = "How long does it take to port my number?";
const ANSWER_ID = "how-long-does-the-port-process-take";
const NOTICE = "Rejected - BTN mismatch";
const DIAGNOSIS_ANSWERS = ["Yes", "US number", "I don't know the date"];
const ESTIMATE_REQUEST = "how much to port 3 fax numbers and 2 toll free if I submit next Tuesday";

let kb: KnowledgeBase;
let bot: Server;
let url: string;
let browser: Browser;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `text` as the page may show it: web chat typesets straight quotes as curly ones. */
const asShown = (text: string) => new RegExp(escape(text).replace(/["'“”‘’]/g, "[\"'“”‘’]"));

function expectedAnswer(): { title: string; opening: string } {
  const entry = kb.byId.get(ANSWER_ID)!;
  return { title: entry.title, opening: toPlainText(entry.body, resolveKbLink(kb)).slice(0, 60) };
}

/** The questions the diagnosis asks on the way to its outcome for NOTICE and DIAGNOSIS_ANSWERS, and the first cause. */
function diagnosisPath(): { questions: string[]; cause: string } {
  const { questions, cause } = diagnosisPathOf(kb, NOTICE, DIAGNOSIS_ANSWERS);
  return { questions, cause: cause.title };
}

/** The estimate for ESTIMATE_REQUEST once "United States" is picked, in the card's words. */
function expectedEstimate() {
  const today = dateInZone(new Date(), PORTING_TIME_ZONE);
  const submitted = createReader(kb.reading!).read(ESTIMATE_REQUEST, { today }).facts.submitted!;
  const result = estimate(kb, parseEstimateInput({ numbers: { fax: 3, "toll-free": 2 }, country: "US", submitted }));
  return { lines: result.fees.lines.map((line) => ({ label: feeShortLabel(line), value: feeShortValue(line) })), total: totalText(result), completion: formatDate(result.timeline!.completion) };
}

async function replyShowing(chat: Chat, ...texts: string[]): Promise<Locator> {
  const card = await chat.reply();
  const shown = await card.innerText();
  for (const text of texts) expect(shown).toMatch(asShown(text));
  return card;
}

function keepScreenshot(shot: string, name: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  mkdirSync(join(projectRoot(), "docs"), { recursive: true });
  copyFileSync(shot, join(projectRoot(), "docs", name));
}

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  mkdirSync(ARTIFACTS, { recursive: true });
  bot = createApp({ config: loadConfig({}), kb, feedbackFile: join(ARTIFACTS, "webchat-feedback.jsonl"), log: createLogger(() => {}) });
  await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  bot?.close();
});

describe("the web chat page, at desktop width", () => {
  let chat: Chat;
  beforeAll(async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing but the bot's own address: Web Chat comes from the page's server, not a CDN.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
    chat = new Chat(page, "webchat");
    await chat.open(url);
  });
  afterAll(async () => {
    await chat?.page.close();
  });

  it("greets the customer", async () => {
    await chat.shows(WELCOME);
  });

  it("answers a porting question with the entry's card", async () => {
    const { title, opening } = expectedAnswer();
    await chat.send(QUESTION);
    await replyShowing(chat, title, opening, "Did this help?");
    await chat.click("Yes");
    await chat.shows("Glad it helped");
  });

  it("diagnoses a pasted rejection notice by clicks, to its outcome card", async () => {
    const { questions, cause } = diagnosisPath();
    await chat.send(NOTICE);
    for (const [i, answer] of DIAGNOSIS_ANSWERS.entries()) {
      await replyShowing(chat, questions[i]!);
      await chat.click(answer);
    }
    await replyShowing(chat, cause);
    await chat.click("That's it");
    await replyShowing(chat, "Good luck with the fix.");
  });

  it("gives an estimate card for a request in words, asking only where the numbers are from", async () => {
    await chat.send(ESTIMATE_REQUEST);
    await replyShowing(chat, "Where are the numbers from?");
    await chat.click("United States");
    const card = await chat.reply();
    const text = await card.innerText();
    const { lines, total, completion } = expectedEstimate();
    for (const line of lines) expect(text).toMatch(new RegExp(`${escape(line.label)}\\s+${escape(line.value)}`));
    expect(text).toMatch(new RegExp(`Total\\s+${escape(total)}`));
    expect(text).toMatch(new RegExp(`Expected completion\\s+${escape(completion)}`));
    keepScreenshot(await chat.screenshot("webchat-desktop"), "webchat-desktop.png");
  });

  it("shows the same conversation after a reload, and goes on with it", async () => {
    const before = await chat.page.locator(".ac-adaptiveCard").count();
    await chat.page.reload();
    await chat.shows(WELCOME);
    await chat.shows(NOTICE);
    await expect.poll(() => chat.page.locator(".ac-adaptiveCard").count(), { timeout: 15_000 }).toBe(before);
    await expect(chat.page.getByText(WELCOME, { exact: false }).count()).resolves.toBe(1);
    await chat.send("help");
    await chat.reply();
  });

  it("takes a card button pressed with the keyboard (focus, Enter)", async () => {
    await chat.send(QUESTION);
    await replyShowing(chat, "Did this help?");
    const no = chat.page.getByRole("button", { name: "No", exact: true }).last();
    await no.focus();
    await chat.page.keyboard.press("Enter");
    await chat.shows("passed it on so the answer can be improved");
  });

  it("after a card button pressed with the keyboard, puts the focus in the message box; a click leaves it", { timeout: 60_000 }, async () => {
    const input = chat.page.getByPlaceholder("Type your message");
    await chat.send("my port was rejected");
    await replyShowing(chat, "Port in");
    const portIn = chat.page.getByRole("button", { name: "Port in", exact: true }).last();
    await portIn.focus();
    await chat.page.keyboard.press("Enter");
    await chat.shows("Which of these reasons");
    await expect.poll(() => input.evaluate((box) => box === document.activeElement)).toBe(true);
    await chat.page.keyboard.type("cancel");
    await chat.page.keyboard.press("Enter");
    await chat.shows("What next?");
    await chat.send("my port was rejected");
    await replyShowing(chat, "Port in");
    await chat.click("Port in");
    await replyShowing(chat, "Which of these reasons");
    await expect(input.evaluate((box) => box === document.activeElement)).resolves.toBe(false);
  });
});

describe("the web chat page, 360 px wide", () => {
  it("fits the conversation in the width, without sideways scrolling", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const chat = new Chat(page, "webchat");
    try {
      await chat.open(url);
      await chat.shows(WELCOME);
      await chat.send(QUESTION);
      await replyShowing(chat, expectedAnswer().title);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      keepScreenshot(await chat.screenshot("webchat-360"), "webchat-360.png");
    } finally {
      await page.close();
    }
  });
});

describe("the embed snippet on a provider's page", () => {
  it("opens the chat in a panel from a button, by keyboard, and Escape closes it", { timeout: 60_000 }, async () => {
    // The provider's site: another origin (its own port) on this machine.
    const site = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>Provider</title><h1>Our site</h1><script src="${url}embed.js"></script>`);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    try {
      await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      const button = page.getByRole("button", { name: "Chat with us" });
      await button.focus();
      await page.keyboard.press("Enter");
      await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
      const chat = page.frameLocator("iframe[title='Chat with us']");
      await chat.getByText(WELCOME, { exact: false }).waitFor();
      await page.keyboard.press("Escape");
      await page.locator("iframe[title='Chat with us']").waitFor({ state: "hidden" });
      await expect(button.getAttribute("aria-expanded")).resolves.toBe("false");
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Chat with us");
    } finally {
      await page.close();
      site.close();
    }
  });
});
