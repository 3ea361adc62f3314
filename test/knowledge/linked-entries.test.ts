import { beforeAll, describe, expect, it } from "vitest";
import { linkedPages } from "../../src/knowledge/linked-entries.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
});

const WHERE = "https://wiki.voip.ms/article/Port_Rejection#Where_to_send_my_Documentation.3F";

describe("the wiki pages a message links to", () => {
  it("is the entry of the linked section, however its anchor was copied", () => {
    const entry = kb.entries.find((e) => e.source.url === WHERE)!;
    for (const link of [WHERE, WHERE.replace(".3F", "%3F"), WHERE.replace(".3F", "?"), WHERE.replace("https://wiki", "http://www.wiki"), `(${WHERE}).`]) {
      const linked = linkedPages(kb, link);
      expect(linked?.entries.map((e) => e.id), link).toEqual([entry.id]);
      expect(linked?.articles.map((a) => a.title), link).toEqual(["Port Rejection"]);
    }
  });

  it("is a section's own entry, not each entry taken from it, and keeps the words typed beside the link", () => {
    const acronyms = kb.entries.filter((e) => e.source.url.includes("#What_are_all_of_these_acronyms"));
    expect(acronyms.length).toBeGreaterThan(1);
    const linked = linkedPages(kb, `see ${acronyms[0]!.source.url} please`)!;
    expect(linked.entries.map((e) => e.title)).toEqual([acronyms[0]!.source.section]);
    expect(linked.rest).toBe("see please");
  });

  it("is only the article for a link without a section", () => {
    const linked = linkedPages(kb, "https://wiki.voip.ms/article/Porting_FAQ what does this say about fees")!;
    expect(linked.entries).toEqual([]);
    expect(linked.articles.map((a) => a.title)).toEqual(["Porting FAQ"]);
    expect(linked.rest).toBe("what does this say about fees");
  });

  it("is nothing for a message without a link, or with links to other pages or sites", () => {
    for (const text of ["where do I send my documents", "https://example.com/article/Port_Rejection", "https://wiki.voip.ms/article/SMS", "http://[broken"]) {
      expect(linkedPages(kb, text), text).toBeUndefined();
    }
  });
});
