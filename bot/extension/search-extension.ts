import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResponse } from "botbuilder";
import { z } from "zod";
import type { SearchEngine } from "../../src/answer/engine.js";
import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";
import { agentAnswer, firstLine } from "../../src/render/agent-answer.js";
import { resolveKbLink } from "../../src/render/markdown.js";
import { agentAnswerCard } from "./agent-card.js";
import type { EntryUsage } from "./usage.js";

/** The command's id and parameter name, as in bot/appPackage/manifest.json. */
export const SEARCH_COMMAND = "searchAnswers";
export const SEARCH_PARAMETER = "searchQuery";

const MAX_RESULTS = 10;
const MAX_QUERY = 500;

/** The parts of a composeExtension/query the extension reads. */
const Query = z.object({
  commandId: z.string().max(100),
  parameters: z.array(z.looseObject({ name: z.string().max(100), value: z.unknown() })).max(20).default([]),
  queryOptions: z.looseObject({ count: z.number().int().optional() }).optional(),
});

/**
 * The Teams search message extension: what an agent types in the compose box is searched like an agent's
 * question (archived entries included, labelled); nothing typed yet lists the most used entries (EntryUsage). Each
 * result is the entry's canned answer as a card, inserted into the conversation when picked.
 */
export class SearchExtension {
  private readonly resolve;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly engine: SearchEngine,
    private readonly usage: EntryUsage,
  ) {
    this.resolve = resolveKbLink(kb);
  }

  /** `value` is the invoke's value: outside input, checked before use. */
  query(value: unknown): MessagingExtensionResponse {
    const parsed = Query.safeParse(value);
    if (!parsed.success || parsed.data.commandId !== SEARCH_COMMAND) return { composeExtension: { type: "message", text: "This command is not known to the porting bot." } };
    const query = parsed.data;
    const typed = query.parameters.find((p) => p.name === SEARCH_PARAMETER)?.value;
    const text = typeof typed === "string" ? typed.trim().slice(0, MAX_QUERY) : "";
    const count = Math.min(MAX_RESULTS, Math.max(1, query.queryOptions?.count ?? MAX_RESULTS));
    const entries = text
      ? this.engine.search(text, { audience: "agent", limit: count }).map((hit) => this.kb.byId.get(hit.id)!)
      : this.usage.mostUsed(count);
    if (entries.length === 0) return { composeExtension: { type: "message", text: "No porting answer matches that. Try other words, e.g. \"port fees\" or \"BTN mismatch\"." } };
    return { composeExtension: { type: "result", attachmentLayout: "list", attachments: entries.map((e) => this.result(e)) } };
  }

  private result(entry: Entry): MessagingExtensionAttachment {
    const answer = agentAnswer(entry, this.resolve);
    // No tap action on the preview: picking a result inserts its card as it is.
    const preview = CardFactory.thumbnailCard(answer.title, answer.label ? `${answer.label}. ${firstLine(answer)}` : firstLine(answer));
    return { ...agentAnswerCard(answer, this.resolve), preview };
  }
}
