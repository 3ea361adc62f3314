import type { TurnContext } from "botbuilder";
import type { AskResult } from "../../src/answer/result.js";
import { feedbackRecord } from "../../src/feedback/record.js";
import { isCustomerEntry } from "../../src/knowledge/audience.js";
import { answerCard } from "../cards/answer-card.js";
import type { Flows } from "../cards/menu.js";
import type { Reply } from "../channels/reply.js";
import type { BotServices } from "../services.js";

/** Asks the engine as a customer; an answer pointing at an entry customers may not see counts as no answer. */
export function ask(services: BotServices, text: string): AskResult {
  const result = services.engine.ask(text, { audience: "customer" });
  if (result.status === "answered" && !isCustomerEntry(result.answer ? services.kb.byId.get(result.answer.id) : undefined)) {
    return { ...result, status: "fallback", answer: null };
  }
  return result;
}

/** The answer card of an `answered` result. */
export function answerReply(services: BotServices, flows: Flows, result: AskResult): Reply {
  const entry = services.kb.byId.get(result.answer!.id)!;
  const card = answerCard(entry, services.kb, flows, {
    question: result.masked,
    score: result.confidence,
    language: result.language,
    ...(result.translation ? { translation: result.translation } : {}),
  });
  return { ...card, data: { status: result.status, answer: { id: entry.id, confidence: result.confidence } } };
}

/** A question the bot had no answer for, logged (masked) for the knowledge curators. */
export function recordFallback(services: BotServices, context: TurnContext, result: AskResult): Promise<void> {
  return services.recordFeedback(
    feedbackRecord({ channel: context.activity.channelId, question: result.masked, entry: null, score: result.confidence, status: "fallback" }, services.now()),
  );
}
