import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Locator } from "playwright-core";
import type { Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../../src/paths.js";
import { resolveKbLink, toPlainText } from "../../src/render/markdown.js";
import { formatDate } from "../../src/calendar/dates.js";
import { estimate } from "../../src/estimate/estimate.js";
import { parseEstimateInput } from "../../src/estimate/input.js";
import { feeShortLabel, feeShortValue, totalText } from "../../src/render/estimate-text.js";
import { SEARCH_COMMAND, SEARCH_PARAMETER } from "../../bot/extension/search-extension.js";
import { diagnosisPath as diagnosisPathOf } from "./diagnosis-path.js";
import { ARTIFACTS, Chat, launchChromium, startPlayground, type Mode, type Playground } from "./playground.js";

/**
 * The bot behind the Microsoft 365 Agents Playground, driven in headless Chromium as a user would: each mode's
 * steps run in order on one page. To add a step, add an `it` to the mode's `describe` using `chat`; wait for the
 * page (`chat().reply()`, `chat().shows(text)`), never for time.
 * Screenshots (the page after an answer, the diagnosis outcome and estimate cards) go to test-artifacts/;
 * the docs/ screenshots (README) are written when missing or when UPDATE_SCREENSHOTS=1.
 */
const DOCS = join(projectRoot(), "docs");

function toDocs(shot: string, name: string): void {
  const target = join(DOCS, `${name}.png`);
  if (!existsSync(target) || process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(shot, target);
  }
}
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
  const plain = toPlainText(entry.body, resolveKbLink(kb));
  return { title: entry.title, opening: plain.slice(0, 60) };
}

/** A pasted rejection notice, and the answers given to the diagnosis' questions: the labels of their buttons. */
const NOTICE = "Rejected - BTN mismatch";
const DIAGNOSIS_ANSWERS = ["Yes", "US number", "I don't know the date"];

/**
 * The diagnosis as the knowledge base runs it for NOTICE and DIAGNOSIS_ANSWERS: each question the page should show
 * before its answer is given, and the first cause of the outcome (title, opening of its fix).
 */
function diagnosisPath(): { questions: string[]; cause: { title: string; fix: string } } {
  const { questions, cause } = diagnosisPathOf(kb, NOTICE, DIAGNOSIS_ANSWERS);
  return { questions, cause: { title: cause.title, fix: toPlainText(cause.fix, resolveKbLink(kb)).slice(0, 60) } };
}

/** 3 fax and 2 toll-free US numbers submitted on 2026-12-22, asked in words or through the flow's questions. */
const ESTIMATE_REQUEST = "how much to port 3 fax numbers and 2 toll free if I submit on 2026-12-22 in the US";

/** The estimate the knowledge base gives for that order, in the card's words. */
function expectedEstimate() {
  const result = estimate(kb, parseEstimateInput({ numbers: { fax: 3, "toll-free": 2 }, country: "US", submitted: "2026-12-22" }));
  return {
    lines: result.fees.lines.map((l) => ({ label: feeShortLabel(l), value: feeShortValue(l) })),
    total: totalText(result),
    completion: formatDate(result.timeline!.completion),
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The card's text leads with the total and the completion date, then one short line per fee; details are hidden. */
function expectEstimateCard(text: string): void {
  const { lines, total, completion } = expectedEstimate();
  expect(lines.length).toBeGreaterThan(0);
  expect(text).toMatch(new RegExp(`Total\\s+${escape(total)}\\s+Expected completion\\s+${escape(completion)}`));
  for (const line of lines) expect(text).toMatch(new RegExp(`${escape(line.label)}\\s+${escape(line.value)}`));
  expect(text).not.toContain("Assumptions");
}

/** `text` as the page may show it: web chat typesets straight quotes as curly ones. */
const asShown = (text: string) => new RegExp(escape(text).replace(/["'“”‘’]/g, "[\"'“”‘’]"));

/** Waits for the bot's reply to the last message or click and checks that it shows each of `texts`. */
async function replyShowing(chat: Chat, ...texts: string[]): Promise<Locator> {
  const card = await chat.reply();
  const shown = await card.innerText();
  for (const text of texts) expect(shown).toMatch(asShown(text));
  return card;
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
    toDocs(await chat().screenshot("playground-webchat"), "playground-webchat");
  });

  it("takes a click on Did this help?", async () => {
    await chat().click("Yes");
    await chat().shows("Glad it helped");
  });

  it("diagnoses a pasted rejection notice by clicks, to its outcome card", async () => {
    const { questions, cause } = diagnosisPath();
    await chat().send(NOTICE);
    for (const [i, answer] of DIAGNOSIS_ANSWERS.entries()) {
      await replyShowing(chat(), questions[i]!);
      await chat().click(answer);
    }
    const outcome = await replyShowing(chat(), cause.title, cause.fix);
    await chat().screenshot("playground-webchat-diagnosis", outcome);
    await chat().click("That's it");
    await replyShowing(chat(), "Good luck with the fix.");
  });

  it("asks what an estimate needs by buttons and shows the estimate card", async () => {
    const steps: Array<[string, () => Promise<void>]> = [
      ["Which kind of number do you want to port?", () => chat().click("Fax")],
      ["How many fax numbers?", () => chat().send("3")],
      ["Any other kind of number in this order?", () => chat().click("Toll-free")],
      ["How many toll-free numbers?", () => chat().send("2")],
      ["Any other kind of number in this order?", () => chat().click("That's all")],
      ["Where are the numbers from?", () => chat().click("United States")],
      ["When will you submit the port request?", () => chat().send("2026-12-22")],
    ];
    await chat().click("Fees and timing");
    for (const [question, answer] of steps) {
      await replyShowing(chat(), question);
      await answer();
    }
    const card = await chat().reply();
    expectEstimateCard(await card.innerText());
    toDocs(await chat().screenshot("playground-webchat-estimate", card), "playground-webchat-estimate");
    await card.getByRole("button", { name: "Details" }).click();
    await card.getByText("Assumptions").waitFor();
    expect(await card.innerText()).toContain("skips Christmas Day 2026-12-25");
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
    await chat().shows("passed it on so the answer can be improved");
  });

  it("diagnoses a pasted rejection notice by typed answers, to its outcome card", async () => {
    const { questions, cause } = diagnosisPath();
    await chat().send(NOTICE);
    for (const [i, answer] of DIAGNOSIS_ANSWERS.entries()) {
      await replyShowing(chat(), questions[i]!);
      await chat().send(answer);
    }
    const outcome = await replyShowing(chat(), cause.title, cause.fix);
    await chat().screenshot("playground-msteams-diagnosis", outcome);
    await chat().send("That's it");
    await replyShowing(chat(), "Good luck with the fix.");
  });

  it("answers an estimate request typed in words with the estimate card", async () => {
    await chat().send(ESTIMATE_REQUEST);
    const card = await chat().reply();
    expectEstimateCard(await card.innerText());
    await chat().screenshot("playground-msteams-estimate", card);
  });

  it("finds an agent's canned answer from the search message extension and inserts its card", async () => {
    const page = chat().page;
    await page.getByLabel("Trigger Message Extension App").click();
    await page.getByText("Search Command").click();
    await page.getByText("Specify Command ID or Parameter").click();
    await page.getByPlaceholder("Command ID").fill(SEARCH_COMMAND);
    await page.getByPlaceholder("Parameter name").fill(SEARCH_PARAMETER);
    await page.getByPlaceholder("Enter a search term").fill("what is a NASC procedure");
    await page.keyboard.press("Enter");
    const result = page.getByText("What is a NASC procedure?", { exact: true }).first();
    await result.waitFor();
    await page.getByText(/^Archived: removed from the wi/).first().waitFor();
    toDocs(await chat().screenshot("playground-msteams-message-extension"), "playground-msteams-message-extension");
    await result.click();
    await page.getByText("Archived: removed from the wiki on 2019-08-27", { exact: true }).waitFor();
    await page.getByText("A NASC is a forced change of carriers", { exact: false }).first().waitFor();
    toDocs(await chat().screenshot("playground-msteams-message-extension-card"), "playground-msteams-message-extension-card");
  });
});
