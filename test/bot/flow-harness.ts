import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type Storage } from "botbuilder";
import { createAnswerEngine } from "../../src/answer/engine.js";
import type { FeedbackRecord } from "../../src/feedback/record.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";
import { PortingBot } from "../../bot/bots/porting-bot.js";
import { createReplySender } from "../../bot/channels/render.js";
import { ChecklistDialog } from "../../bot/dialogs/checklist-dialog.js";
import { DiagnosisDialog } from "../../bot/dialogs/diagnosis-dialog.js";
import { EstimateDialog } from "../../bot/dialogs/estimate-dialog.js";
import { MainDialog } from "../../bot/dialogs/main-dialog.js";
import { createLogger } from "../../bot/log.js";
import { kbLinks, type BotServices } from "../../bot/services.js";
import { ShownChoices } from "../../bot/shown-choices.js";

export const NOW = new Date("2026-03-05T15:00:00Z");

let cached: KnowledgeBase | undefined;
export async function realKnowledge(): Promise<KnowledgeBase> {
  cached ??= await loadKnowledgeBase(knowledgeDir({}));
  return cached;
}

export interface Conversation {
  /** Sends a message (text, or a button click as an activity) and returns the bot's replies to it. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** The same conversation served by a new bot on the same storage, as after a restart. */
  restart(): Conversation;
  logs: string[];
}

/** The bot as bot/app.ts wires it (main dialog hosting the guided flows), on a TestAdapter. */
export function conversation(kb: KnowledgeBase, channelId = "test", storage: Storage = new MemoryStorage(), logs: string[] = []): Conversation {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const feedback: FeedbackRecord[] = [];
  const shown = new ShownChoices(conversationState);
  const services: BotServices = {
    kb,
    engine: createAnswerEngine(kb),
    send: createReplySender(kbLinks(kb), shown),
    shown,
    links: kbLinks(kb),
    recordFeedback: async (record) => {
      feedback.push(record);
    },
    log: createLogger((line) => logs.push(line)),
    now: () => NOW,
  };
  const bot = new PortingBot(conversationState, userState, new MainDialog(services, [new DiagnosisDialog(services), new ChecklistDialog(services), new EstimateDialog(services)]));
  const adapter = new TestAdapter((context) => bot.run(context), { channelId, conversation: { id: "conversation-1", isGroup: false, conversationType: "personal", name: "test" } });
  return {
    logs,
    async say(input) {
      await adapter.receiveActivity(input);
      return adapter.activeQueue.splice(0);
    },
    restart: () => conversation(kb, channelId, storage, logs),
  };
}

export function textOf(replies: Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? "").join("\n---\n");
}

/** A button click: the payload an Adaptive Card's Action.Submit sends for a choice labelled `label`. */
export function click(label: string): Partial<Activity> {
  return { type: "message", text: "", value: { action: "say", text: label } };
}
