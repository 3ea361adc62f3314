import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEntryDocument, readEntryFile, writeEntryFile } from "../../src/knowledge/entry-file.js";
import { listEntryFiles } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

describe("entry files", () => {
  it("write back every committed entry byte for byte from its frontmatter document and body", async () => {
    const dir = knowledgeDir({});
    const files = await listEntryFiles(dir);
    expect(files.length).toBeGreaterThan(90);
    for (const file of files) {
      const text = await readFile(join(dir, file), "utf8");
      const { document, body } = readEntryDocument(text);
      expect(writeEntryFile(document, body), file).toBe(text);
    }
  });

  it("read the frontmatter's values and the body without the blank line that opens it", () => {
    const { data, body } = readEntryFile("---\nid: btn # the term\ntags: [a, b]\n---\n\n**BTN** is the number.\n");
    expect(data).toEqual({ id: "btn", tags: ["a", "b"] });
    expect(body).toBe("**BTN** is the number.\n");
  });

  it("write new frontmatter with flow lists unpadded and long lines unfolded", () => {
    const long = "a section heading that is much longer than eighty characters, which YAML would otherwise fold";
    expect(writeEntryFile({ id: "x", tags: [], section: long }, "Body.")).toBe(`---\nid: x\ntags: []\nsection: ${long}\n---\n\nBody.\n`);
  });

  it.each([
    ["no fence", "id: x\n\nBody."],
    ["no closing fence", "---\nid: x\nBody."],
  ])("refuse a file with %s, saying what the file must look like", (_case, text) => {
    expect(() => readEntryFile(text)).toThrow(/missing frontmatter: the file must start with a line '---'/);
  });

  it("refuse broken YAML with the parser's message", () => {
    expect(() => readEntryFile("---\nid: [x\n---\nBody.")).toThrow(/Flow sequence|flow collection|Missing , or :|Unexpected/i);
  });
});
