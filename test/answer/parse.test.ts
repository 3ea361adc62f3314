import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, type SearchIndex } from "../../src/answer/search-index.js";
import { parseQuestion } from "../../src/answer/parse.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";

describe("parseQuestion", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = buildIndex(await loadKnowledgeBase("knowledge"));
  });

  it("keeps short unknown words written in capitals: acronyms name topics the knowledge base lacks", () => {
    expect(parseQuestion("is there an API for texts", index).terms).toContain("api");
    expect(parseQuestion("what is my SIP server", index).terms).toContain("sip");
  });

  it("drops short unknown words in lower case, more likely typos or slang", () => {
    expect(parseQuestion("is there an api for texts", index).terms).not.toContain("api");
    expect(parseQuestion("hunt grp rejection", index).terms).not.toContain("grp");
  });

  it("says whether the question names porting, through the vocabulary", () => {
    expect(parseQuestion("how long to transfer my cell", index).porting).toBe(true);
    expect(parseQuestion("my old provider cut my line", index).porting).toBe(true);
    expect(parseQuestion("how do I send a fax by email", index).porting).toBe(false);
  });
});
