import { beforeAll, describe, expect, it } from "vitest";
import { quotedEntry } from "../../src/knowledge/quoted-entry.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";
import { resolveKbLink, toPlainText } from "../../src/render/markdown.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
});

/** Words `from` to `to` of an entry's text as the customer saw it. */
function excerpt(id: string, from: number, to: number): string {
  return toPlainText(kb.byId.get(id)!.body, resolveKbLink(kb)).split(/\s+/).slice(from, to).join(" ");
}

describe("the entry a message quotes", () => {
  it("is the entry whose text is copied back, whole or in part, whatever its case, quotes and line breaks", () => {
    const id = "how-long-does-the-port-process-take";
    for (const text of [excerpt(id, 0, 40), excerpt(id, 3, 14).toUpperCase(), excerpt(id, 0, 12).replace(/ /g, "\n").replace(/’/g, "'")]) {
      expect(quotedEntry(kb, text)?.id, text).toBe(id);
    }
  });

  it("is none for a question in the customer's words, a few words many answers share, or words from two answers", () => {
    const spliced = `${excerpt("how-long-does-the-port-process-take", 0, 6)} ${excerpt("my-port-is-now-processing-or-has-a-foc-date", 0, 6)}`;
    for (const text of ["how long does it take to port my number to you guys", "the losing carrier", spliced]) {
      expect(quotedEntry(kb, text), text).toBeUndefined();
    }
  });
});
