import { CardFactory, type Attachment } from "botbuilder";
import type { AgentAnswer } from "../../src/render/agent-answer.js";
import { toCardElements, type ResolveLink } from "../../src/render/markdown.js";
import { CARD_VERSION } from "../channels/adaptive-card.js";

/** Teams refuses a message larger than this; a card is kept well under it. */
export const TEAMS_CARD_LIMIT_BYTES = 40 * 1024;

/** The canned answer as an Adaptive Card 1.5: archived label first, the heading, the answer, the source button. */
export function agentAnswerCard(answer: AgentAnswer, resolve: ResolveLink): Attachment {
  const body: Array<Record<string, unknown>> = [];
  if (answer.label) body.push({ type: "TextBlock", text: answer.label, wrap: true, color: "Attention", weight: "Bolder", size: "Small" });
  body.push({ type: "TextBlock", text: answer.title, wrap: true, weight: "Bolder", size: "Medium", style: "heading" });
  body.push(...toCardElements(answer.body, resolve, { tables: true }));
  return CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body,
    actions: [{ type: "Action.OpenUrl", title: "Source", url: answer.url }],
  });
}
