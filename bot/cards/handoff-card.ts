import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import type { Block, Reply } from "../channels/reply.js";
import { lnpContact } from "../../src/knowledge/contact.js";

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
