import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import type { Block, Reply } from "../channels/reply.js";
import { isCustomerEntry } from "./answer-card.js";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MAX_SOURCES = 3;

export interface Contact {
  email: string;
  /** Entries that name the address, for "how to write to them". */
  sources: Array<{ id: string; title: string }>;
}

/**
 * The porting (LNP) department's address is whatever e-mail address the customer-facing entries name most often,
 * so a change in the knowledge base changes the hand-off too.
 */
export function lnpContact(kb: KnowledgeBase): Contact | undefined {
  const mentions = new Map<string, Array<{ id: string; title: string }>>();
  for (const entry of kb.entries.filter(isCustomerEntry)) {
    const found = new Set((entry.body.match(EMAIL) ?? []).map((e) => e.toLowerCase()));
    for (const email of found) mentions.set(email, [...(mentions.get(email) ?? []), { id: entry.id, title: entry.title }]);
  }
  const [top] = [...mentions].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return top && { email: top[0], sources: top[1].slice(0, MAX_SOURCES) };
}

export function handoffBlocks(kb: KnowledgeBase): Block[] {
  const contact = lnpContact(kb);
  const lines = ["- **Support**: live chat or a ticket from your customer portal."];
  if (contact) lines.unshift(`- **Porting (LNP) department**: e-mail [${contact.email}](mailto:${contact.email}).`);
  const blocks: Block[] = [{ kind: "markdown", text: `To reach a person:\n\n${lines.join("\n")}` }];
  if (contact) blocks.push({ kind: "note", text: `How to write to them: ${contact.sources.map((s) => `[${s.title}](kb:${s.id})`).join(", ")}` });
  return blocks;
}

export function handoffCard(kb: KnowledgeBase): Reply {
  return { title: "Talk to a person", blocks: handoffBlocks(kb) };
}
