import { resolveKbLink, toPlainText } from "../render/markdown.js";
import type { Entry, KnowledgeBase } from "./schema.js";

/** Fewer words than this are a phrase many answers share, not a quote of one. */
const MIN_WORDS = 8;

/** Text as comparable words: lowercase, letters and digits only, one space between. */
function comparable(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$%]+/gu, " ")
    .trim();
}

/**
 * The entry a message quotes: its text, or at least MIN_WORDS words of it, copied back from an answer the bot gave
 * (markup, quotes and line breaks aside). Undefined when the message is no such copy.
 */
export function quotedEntry(kb: KnowledgeBase, text: string): Entry | undefined {
  const quote = comparable(text);
  if (quote.split(" ").length < MIN_WORDS) return undefined;
  const quoting = texts(kb).filter(({ body }) => body.includes(quote));
  return (quoting.find(({ member }) => !member) ?? quoting[0])?.entry;
}

interface Quotable {
  entry: Entry;
  body: string;
  /** Whether another entry of its answer group is shown for it. */
  member: boolean;
}

/** Each knowledge base's entries as comparable text, computed once (a live reload brings a new knowledge base). */
const cache = new WeakMap<KnowledgeBase, Quotable[]>();

function texts(kb: KnowledgeBase): Quotable[] {
  let known = cache.get(kb);
  if (!known) {
    const members = new Set(kb.entries.flatMap((e) => e.same_question_as));
    const resolve = resolveKbLink(kb);
    known = kb.entries.map((entry) => ({ entry, body: comparable(toPlainText(entry.body, resolve)), member: members.has(entry.id) }));
    cache.set(kb, known);
  }
  return known;
}
