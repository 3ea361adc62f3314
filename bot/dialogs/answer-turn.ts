import type { TurnContext } from "botbuilder";
import { translationUrl } from "../../src/answer/language.js";
import type { AskResult } from "../../src/answer/result.js";
import { languageAsked } from "../../src/language/asked.js";
import { feedbackRecord } from "../../src/feedback/record.js";
import { isCustomerEntry } from "../../src/knowledge/audience.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { isAgentConversation } from "../agents.js";
import { agentAnswerCard } from "../cards/agent-answer-card.js";
import { answerCard, type AnswerContext } from "../cards/answer-card.js";
import type { Flows } from "../cards/menu.js";
import type { Reply } from "../channels/reply.js";
import type { BotServices } from "../services.js";

/** Whether the turn comes from a support agents' team or channel (AGENT_CHANNELS). */
export function isAgentTurn(services: BotServices, context: TurnContext): boolean {
  return isAgentConversation(context.activity, services.agentChannels);
}

/**
 * Asks the engine as a customer, or as an agent in an agents' conversation, and has its result reviewed by the
 * second opinion; for customers, an answer pointing at an entry they may not see counts as no answer.
 */
export async function ask(services: BotServices, text: string, context: TurnContext): Promise<AskResult> {
  const audience = isAgentTurn(services, context) ? "agent" : "customer";
  const result = await services.review(services.engine.ask(text, { audience }), { audience });
  if (audience === "agent") return result;
  if (result.status === "answered" && !isCustomerEntry(result.answer ? services.kb.byId.get(result.answer.id) : undefined)) {
    return { ...result, status: "fallback", answer: null };
  }
  return result;
}

/** The answer card of an `answered` result. */
export function answerReply(services: BotServices, flows: Flows, result: AskResult, context: TurnContext): Reply {
  const entry = services.kb.byId.get(result.answer!.id)!;
  // "what is a partial port, in French?": written in English, asked in French.
  const language = languageAsked(result.masked) ?? result.language;
  const translation = language === result.language ? result.translation : translationUrl(services.kb.articles, entry, language);
  const card = entryReply(services, flows, context, entry, {
    question: result.masked,
    score: result.confidence,
    language,
    ...(translation ? { translation } : {}),
  });
  return { ...card, data: { status: result.status, answer: { id: entry.id, confidence: result.confidence } } };
}

/** One entry as the turn's audience sees it: the customer's answer card, or an agent's canned answer. */
export function entryReply(services: BotServices, flows: Flows, context: TurnContext, entry: Entry, asked: AnswerContext = {}): Reply {
  if (isAgentTurn(services, context)) return agentAnswerCard(entry, services.kb, asked.question ?? entry.title, asked.score, asked);
  return answerCard(entry, services.kb, flows, asked);
}

/** Customers see current customer entries; agents every entry. */
export function canSee(services: BotServices, context: TurnContext, entry: Entry | undefined): entry is Entry {
  return isCustomerEntry(entry) || (entry !== undefined && isAgentTurn(services, context));
}

/** A question the bot had no answer for, logged (masked) for the knowledge curators. */
export function recordFallback(services: BotServices, context: TurnContext, result: AskResult): Promise<void> {
  return services.recordFeedback(
    feedbackRecord({ channel: context.activity.channelId, question: result.masked, entry: null, score: result.confidence, status: "fallback" }, services.now()),
  );
}
