import { isCustomerEntry } from "./audience.js";
import type { KnowledgeBase } from "./schema.js";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MAX_SOURCES = 3;

export interface Contact {
  email: string;
  /** Entries that name the address, for "how to write to them". */
  sources: Array<{ id: string; title: string }>;
}

/** E-mail addresses a Markdown body names, lower-cased, each once. */
export function emailsIn(body: string): string[] {
  return [...new Set((body.match(EMAIL) ?? []).map((e) => e.toLowerCase()))];
}

/**
 * The porting (LNP) department's address is whatever e-mail address the customer-facing entries name most often,
 * so a change in the knowledge base changes every hand-off too.
 */
export function lnpContact(kb: KnowledgeBase): Contact | undefined {
  const mentions = new Map<string, Array<{ id: string; title: string }>>();
  for (const entry of kb.entries.filter(isCustomerEntry)) {
    for (const email of emailsIn(entry.body)) mentions.set(email, [...(mentions.get(email) ?? []), { id: entry.id, title: entry.title }]);
  }
  const [top] = [...mentions].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return top && { email: top[0], sources: top[1].slice(0, MAX_SOURCES) };
}
