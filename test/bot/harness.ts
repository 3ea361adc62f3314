import { join } from "node:path";
import { MemoryStorage, TestAdapter, type Activity, type Attachment, type ConversationAccount, type Storage } from "botbuilder";
import type { AnswerEngine } from "../../src/answer/engine.js";
import type { Alternative, AskResult, MatchSummary } from "../../src/answer/result.js";
import type { FeedbackRecord } from "../../src/feedback/record.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";
import { createBot } from "../../bot/app.js";
import type { KnowledgeSource } from "../../bot/services.js";
import { createLogger } from "../../bot/log.js";
import { turnErrorHandler } from "../../bot/adapter.js";

export const NOW = new Date("2026-03-05T15:00:00Z");
export const USER = { id: "user-1", name: "Customer" };
export const BOT = { id: "bot-1", name: "Porting help" };

export const fixtureKnowledge = (): Promise<KnowledgeBase> => loadKnowledgeBase(join(import.meta.dirname, "fixtures/knowledge"));

let real: Promise<KnowledgeBase> | undefined;
export const realKnowledge = (): Promise<KnowledgeBase> => (real ??= loadKnowledgeBase(knowledgeDir({})));

function summary(entry: Entry): MatchSummary {
  const { article, section, url } = entry.source;
  return { id: entry.id, title: entry.title, type: entry.type, source: { article, section, url } };
}

export interface Scripted {
  status: AskResult["status"];
  /** answered: the entry id; clarify: the candidates' ids. */
  ids?: string[];
  confidence?: number;
  language?: AskResult["language"];
  translation?: string;
}

/**
 * An engine that answers from a script, for turn tests of what the bot does with each kind of result;
 * anything not in the script is a fallback. The real engine is exercised by the HTTP and end-to-end tests.
 */
export function scriptedEngine(kb: KnowledgeBase, script: Record<string, Scripted>, seen: string[] = []): AnswerEngine {
  return {
    ask(question) {
      seen.push(question);
      const line = script[question.toLowerCase()] ?? { status: "fallback", confidence: 0.1 };
      const entries = (line.ids ?? []).map((id) => kb.byId.get(id)!);
      const answer = line.status === "answered" ? summary(entries[0]!) : null;
      const alternatives: Alternative[] = (line.status === "clarify" ? entries : []).map((e, i) => ({ ...summary(e), score: 0.5 - i * 0.05 }));
      const masked = question.replace(/\d{3}-\d{3}-\d{4}/g, "[phone]");
      return { status: line.status, confidence: line.confidence ?? 0.9, answer, alternatives, masked, language: line.language ?? "en", ...(line.translation ? { translation: line.translation } : {}) };
    },
  };
}

export interface TestBot {
  /** Sends an activity (or text) and returns the bot's replies to it. */
  send(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** The same conversation served by a new bot on the same storage, as after a restart. */
  restart(): TestBot;
  feedback: FeedbackRecord[];
  logs: string[];
}

export interface TestBotOptions {
  kb: KnowledgeBase;
  engine?: AnswerEngine;
  /** Where the bot reads its knowledge at each turn, instead of `kb` alone (a LiveKnowledge with its second opinion). */
  knowledge?: KnowledgeSource;
  channelId?: string;
  conversation?: Partial<ConversationAccount>;
  storage?: Storage;
  /** The bot's clock; NOW unless given. */
  now?: Date;
}

/** The bot exactly as bot/app.ts builds it (`createBot`), on a TestAdapter, its clock at NOW. */
export function testBot(options: TestBotOptions, feedback: FeedbackRecord[] = [], logs: string[] = []): TestBot {
  const { kb, engine, knowledge, channelId = "webchat", conversation = {}, storage = new MemoryStorage(), now = NOW } = options;
  const log = createLogger((line) => logs.push(line));
  const { bot, conversationState } = createBot({
    kb,
    log,
    recordFeedback: async (record) => {
      feedback.push(record);
    },
    storage,
    now: () => now,
    ...(engine ? { engine } : {}),
    ...(knowledge ? { knowledge } : {}),
  });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId,
    from: USER,
    recipient: BOT,
    conversation: { id: "conversation-1", isGroup: false, conversationType: "personal", name: "test", ...conversation } as ConversationAccount,
  });
  adapter.onTurnError = turnErrorHandler(conversationState, log);
  return {
    feedback,
    logs,
    async send(input) {
      await adapter.receiveActivity(input);
      return adapter.activeQueue.splice(0);
    },
    restart: () => testBot({ ...options, storage }, feedback, logs),
  };
}

/** A user joining the conversation (web chat sends the user and the bot in one update). */
export function joined(channelId = "webchat", members = [USER, BOT]): Partial<Activity> {
  return { type: "conversationUpdate", channelId, membersAdded: members, recipient: BOT, from: USER };
}

interface CardElement {
  type: string;
  text?: string;
  title?: string;
  url?: string;
  data?: unknown;
  actions?: CardElement[];
  facts?: Array<{ title: string; value: string }>;
}

export interface Card {
  version: string;
  body: CardElement[];
  actions?: CardElement[];
}

export function cardOf(reply: Partial<Activity>): Card {
  const attachment: Attachment | undefined = reply.attachments?.[0];
  if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") throw new Error(`not an Adaptive Card reply: ${JSON.stringify(reply).slice(0, 200)}`);
  return attachment.content as Card;
}

/** Every TextBlock of the card, one a line. */
export function cardText(reply: Partial<Activity>): string {
  return cardOf(reply)
    .body.filter((e) => e.type === "TextBlock")
    .map((e) => e.text)
    .join("\n");
}

/** The Action.Submit buttons, in order. */
export function buttons(reply: Partial<Activity>): CardElement[] {
  return cardOf(reply).body.flatMap((e) => (e.type === "ActionSet" ? (e.actions ?? []) : []));
}

export const labels = (reply: Partial<Activity>): string[] => buttons(reply).map((b) => b.title!);

/**
 * What the channel posts when a button is clicked: web chat sends string data as the message text; Teams sends a
 * messageBack's text, with the data as the value.
 */
export function clickIn(reply: Partial<Activity>, label: string): Partial<Activity> {
  const button = buttons(reply).find((b) => b.title === label);
  if (!button) throw new Error(`no button '${label}' in ${labels(reply).join(" | ")}`);
  if (typeof button.data === "string") return { type: "message", text: button.data };
  const { msteams } = button.data as { msteams: { text: string } };
  return { type: "message", text: msteams.text, value: button.data };
}

/** The text of plain-text replies (channels without cards), one reply after the other. */
export function textOf(replies: Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? "").join("\n---\n");
}

/** A `say` button's click as its payload, whatever the channel renders. */
export function click(label: string): Partial<Activity> {
  return { type: "message", text: "", value: { action: "say", text: label } };
}
