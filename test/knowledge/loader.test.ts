import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeBaseError, listEntryFiles, loadKnowledgeBase } from "../../src/knowledge/loader.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "kb");
const temps: string[] = [];

/** A copy of the valid fixture knowledge base with one bad case's files added. */
async function kbWith(badCase: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kb-loader-"));
  temps.push(dir);
  await cp(join(FIXTURES, "valid"), dir, { recursive: true });
  await cp(join(FIXTURES, "bad", badCase), join(dir, "added"), { recursive: true });
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadKnowledgeBase(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).problems;
  }
  throw new Error("the load should have failed, but it returned a knowledge base");
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("loadKnowledgeBase", () => {
  it("loads a valid knowledge base with its entries, articles and vocabulary", async () => {
    const kb = await loadKnowledgeBase(join(FIXTURES, "valid"));
    expect(kb.entries.map((e) => e.id).sort()).toEqual(["how-long-does-the-port-process-take", "how-much-does-it-cost-to-port-a-number"]);
    expect(kb.byId.get("how-much-does-it-cost-to-port-a-number")?.fees[0]).toMatchObject({ amount: 15, currency: "USD", unit: "per-number" });
    expect(kb.articles[0]?.translations.es).toBe("https://wiki.voip.ms/article/Preguntas_frecuentes_LNP");
  });

  it.each([
    ["bad-yaml", "added/broken.md", "bad YAML"],
    ["missing-field", "added/no-title.md: title:", "expected string, received undefined"],
    ["wrong-type", "added/questions-not-a-list.md: questions:", "expected array"],
    ["duplicate-id", "porting-faq/how-long-does-the-port-process-take.md: id:", "duplicate id 'how-long-does-the-port-process-take' (also in added/copy/how-long-does-the-port-process-take.md)"],
    ["unknown-related", "added/pro-bonus-tip.md: related.0:", "no entry has id 'no-such-entry'"],
    ["unknown-link", "added/what-is-a-resporg.md: body:", "'kb:missing-glossary-entry', but no entry has that id"],
    ["fee-no-amount", "added/how-can-i-expedite-my-port-request.md: fees.0.amount:", "a fee needs an amount"],
  ])("fails the whole load on %s, naming the file, the field and the problem", async (badCase, fileAndField, problem) => {
    const problems = await problemsOf(await kbWith(badCase));
    const message = problems.find((p) => p.startsWith(fileAndField));
    expect(message, `no problem starts with '${fileAndField}' in:\n${problems.join("\n")}`).toBeDefined();
    expect(message).toContain(problem);
  });

  it.each([
    ["no-fence.md", "id: no-fence\n\nBody.\n", "missing frontmatter"],
    ["unclosed.md", "---\nid: unclosed\n\nBody.\n", "missing frontmatter"],
    ["not-a-mapping.md", "---\n- a list\n---\n\nBody.\n", "(frontmatter): Invalid input: expected object, received array"],
  ])("names the file and what is wrong with an entry file shaped wrong (%s)", async (name, text, problem) => {
    const dir = await kbWith("bad-yaml");
    await writeFile(join(dir, "added", name), text);
    const message = (await problemsOf(dir)).find((p) => p.startsWith(`added/${name}: `));
    expect(message).toContain(problem);
  });

  it("reports every problem at once, not only the first", async () => {
    const dir = await kbWith("unknown-related");
    await cp(join(FIXTURES, "bad", "fee-no-amount"), join(dir, "more"), { recursive: true });
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.includes("related.0"))).toBe(true);
    expect(problems.some((p) => p.includes("fees.0.amount"))).toBe(true);
  });

  it.each(["articles.yaml", "vocabulary.yaml"])("fails naming %s when it is missing", async (name) => {
    const dir = await kbWith("bad-yaml");
    await rm(join(dir, "added"), { recursive: true });
    await rm(join(dir, name));
    expect(await problemsOf(dir)).toEqual([`${name}: file is missing`]);
  });

  it("names both files when articles.yaml and vocabulary.yaml are missing", async () => {
    const dir = await kbWith("bad-yaml");
    await rm(join(dir, "added"), { recursive: true });
    await rm(join(dir, "articles.yaml"));
    await rm(join(dir, "vocabulary.yaml"));
    expect(await problemsOf(dir)).toEqual(["articles.yaml: file is missing", "vocabulary.yaml: file is missing"]);
  });
});

describe("listEntryFiles", () => {
  it("lists the Markdown files in every folder, relative and sorted, without READMEs or other files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kb-files-"));
    temps.push(dir);
    await mkdir(join(dir, "b", "deeper"), { recursive: true });
    await mkdir(join(dir, "a"));
    for (const file of ["README.md", "top.md", "a/README.md", "a/x.md", "b/deeper/y.md", "b/notes.txt", "articles.yaml"]) {
      await writeFile(join(dir, file), "text\n");
    }
    expect(await listEntryFiles(dir)).toEqual(["a/x.md", "b/deeper/y.md", "top.md"]);
  });
});
