import type { Alternative, Language } from "../../src/answer/result.js";
import { choiceLabels } from "../../src/render/choice-labels.js";
import type { Reply } from "../channels/reply.js";

const MAX_CHOICES = 3;

/**
 * The engine's candidates as buttons; a click, the number or the title typed back picks one. Each carries the
 * question's language, so the chosen answer links its article in that language.
 */
export function clarifyCard(alternatives: Alternative[], question: string, language: Language): Reply {
  const shown = alternatives.slice(0, MAX_CHOICES);
  const labels = choiceLabels(shown);
  return {
    blocks: [{ kind: "markdown", text: "I found more than one possible answer. Which one did you mean?" }],
    groups: [
      {
        choices: shown.map((a, i) => ({
          label: labels[i]!,
          action: { action: "open", id: a.id, question, score: a.score, language },
        })),
      },
    ],
  };
}
