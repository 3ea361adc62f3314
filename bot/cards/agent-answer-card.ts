import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";
import { agentAnswer } from "../../src/render/agent-answer.js";
import { resolveKbLink } from "../../src/render/markdown.js";
import type { Block, Choice, Reply } from "../channels/reply.js";
import { READ_IN, type AnswerContext } from "./answer-card.js";

/**
 * An answer in a support agents' conversation: the canned answer as it would be pasted (archived entries labelled
 * with the day the wiki removed them), the source, the article in the language asked when the wiki has it, and
 * "Did this help?".
 */
export function agentAnswerCard(entry: Entry, kb: KnowledgeBase, question: string, score?: number, asked: Pick<AnswerContext, "language" | "translation"> = {}): Reply {
  const answer = agentAnswer(entry, resolveKbLink(kb));
  const feedback = (helpful: boolean): Choice => ({
    label: helpful ? "Yes" : "No",
    action: { action: "feedback", helpful, entry: entry.id, question, ...(score === undefined ? {} : { score }) },
  });
  const blocks: Block[] = [];
  if (answer.label) blocks.push({ kind: "markdown", text: `**${answer.label}**` });
  blocks.push({ kind: "markdown", text: answer.body });
  return {
    title: answer.title,
    blocks,
    links: [{ text: "Source", url: answer.url }, ...(asked.translation && asked.language && asked.language !== "en" ? [{ text: READ_IN[asked.language], url: asked.translation }] : [])],
    groups: [{ prompt: "Did this help?", choices: [feedback(true), feedback(false)] }],
  };
}
