import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import type { Reply } from "../channels/reply.js";
import { handoffBlocks } from "./handoff-card.js";
import { menuChoices, type Flows } from "./menu.js";

/** No answer: say so, never guess; offer the articles, the flows and a person. */
export function fallbackCard(kb: KnowledgeBase, flows: Flows): Reply {
  return {
    title: "Sorry, I don't know that one",
    blocks: [
      { kind: "markdown", text: "I couldn't find an answer to that in the porting articles, and I'd rather not guess. Try other words, or pick a topic." },
      ...handoffBlocks(kb, { sources: false }),
    ],
    links: kb.articles.map((a) => ({ text: a.title, url: a.url })),
    groups: [{ choices: menuChoices(flows) }],
  };
}
