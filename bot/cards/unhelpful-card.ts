import type { Alternative } from "../../src/answer/result.js";
import { choiceLabels } from "../../src/render/choice-labels.js";
import type { Reply } from "../channels/reply.js";
import { HANDOFF } from "./menu.js";

/** The most other answers offered after "Did this help? No". */
export const MAX_OTHERS = 3;

/**
 * The reply to "Did this help? No": the engine's next closest answers to the same question, as buttons that open them
 * (each with its own "Did this help?"), and a person; with none close, other words or a person.
 */
export function unhelpfulCard(others: Alternative[], question: string): Reply {
  const shown = others.slice(0, MAX_OTHERS);
  const labels = choiceLabels(shown);
  const text = shown.length
    ? "Sorry that didn't help; I've passed it on so the answer can be improved. One of these may be closer to what you asked, or a person can help:"
    : "Sorry that didn't help; I've passed it on so the answer can be improved. You can ask in other words, or a person can help:";
  return {
    blocks: [{ kind: "markdown", text }],
    groups: [{ choices: [...shown.map((a, i) => ({ label: labels[i]!, action: { action: "open" as const, id: a.id, question, score: a.score } })), HANDOFF] }],
    data: { status: "unhelpful", alternatives: shown.map((a) => a.id) },
  };
}
