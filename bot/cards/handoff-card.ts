import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import type { Block, Reply } from "../channels/reply.js";
import { lnpContact } from "../../src/knowledge/contact.js";

/**
 * Who to write to; `sources` adds the articles saying how to write to the porting department, which a customer asking
 * for a person wants, while a refusal keeps to the contacts.
 */
export function handoffBlocks(kb: KnowledgeBase, { sources = true } = {}): Block[] {
  const contact = lnpContact(kb);
  const lines = ["- **Support**: live chat or a ticket from your customer portal."];
  if (contact) lines.unshift(`- **Porting (LNP) department**: e-mail [${contact.email}](mailto:${contact.email}).`);
  const blocks: Block[] = [{ kind: "markdown", text: `To reach a person:\n\n${lines.join("\n")}` }];
  if (contact && sources) blocks.push({ kind: "note", text: `How to write to them: ${contact.sources.map((s) => `[${s.title}](kb:${s.id})`).join(", ")}` });
  return blocks;
}

export function handoffCard(kb: KnowledgeBase): Reply {
  return { title: "Talk to a person", blocks: handoffBlocks(kb) };
}
