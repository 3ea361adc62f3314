import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir, projectRoot } from "../../src/paths.js";
import { tokenize } from "../../src/reading/text.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function copyOfKnowledge(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "reading-kb-"));
  dirs.push(dir);
  await cp(knowledgeDir({}), dir, { recursive: true });
  return dir;
}

describe("the reading files", () => {
  it("are loaded with the knowledge base and validated: a wrong field fails the whole load with its file and field", async () => {
    const kb = await loadKnowledgeBase(knowledgeDir({}));
    expect(kb.reading?.intents.intents.length).toBeGreaterThan(5);
    const dir = await copyOfKnowledge();
    const places = await readFile(join(dir, "places.yaml"), "utf8");
    await writeFile(join(dir, "places.yaml"), places.replace("abbr: TX", "abbr: Texas"));
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/places\.yaml: regions\.\d+\.abbr: must be two capital letters/);
  });

  it("must come together: one missing is a problem", async () => {
    const dir = await copyOfKnowledge();
    await rm(join(dir, "number-kinds.yaml"));
    await expect(loadKnowledgeBase(dir)).rejects.toThrow(/number-kinds\.yaml: file is missing/);
  });

  it("copy no evaluation request: no example phrase is or nearly is a line of an evaluation set", async () => {
    const kb = await loadKnowledgeBase(knowledgeDir({}));
    const examples = kb.reading!.intents.intents.flatMap((i) => [...i.examples.en, ...i.examples.fr, ...i.examples.es]);
    const wordSet = (text: string) => new Set(tokenize(text).map((t) => t.word));
    const jaccard = (a: Set<string>, b: Set<string>) => {
      const shared = [...a].filter((w) => b.has(w)).length;
      return shared / (a.size + b.size - shared || 1);
    };
    const sets = ["../shared/eval/dev.jsonl", "../shared/eval/estimates-dev.jsonl", "eval/hard.jsonl", "eval/holdout.jsonl", "eval/estimates-heldout-2.jsonl", "eval/estimates-tuning-3.jsonl"];
    const lines = (await Promise.all(sets.map((s) => readFile(join(projectRoot(), s), "utf8")))).flatMap((t) =>
      t.split("\n").filter(Boolean).map((l) => {
        const line = JSON.parse(l) as { question?: string; text?: string };
        return wordSet(line.question ?? line.text ?? "");
      }),
    );
    expect(examples.length).toBeGreaterThan(50);
    expect(examples.filter((e) => lines.some((l) => jaccard(wordSet(e), l) >= 0.75))).toEqual([]);
  });
});
