import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stem, tokenize } from "../../src/answer/normalize.js";
import { isSealedSet } from "../../src/cli/eval-estimates.js";
import { splitArticle } from "../../src/importer/sections.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../../src/paths.js";
import { newest } from "../importer/seed.js";

/** The committed knowledge base, as the bot ships it. */
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
});

/** Every evaluation set, shared and the project's own, held-out ones included: questions, requests and notices. */
function jsonlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".jsonl"))
    .map((name) => join(dir, name));
}
const EVAL_SETS = [...jsonlFiles(join(projectRoot(), "..", "shared", "eval")), ...jsonlFiles(join(projectRoot(), "eval"))];

/** Words that only pick a form of the same question ("the LOA" / "a LOA" / "my LOA"). */
const DETERMINERS = new Set("a an the my your our his her their its this that these those".split(" "));

/** A question as the set of its normalised, stemmed words, determiners left out. */
function wordSet(question: string): Set<string> {
  return new Set(tokenize(question).filter((t) => !DETERMINERS.has(t)).map(stem));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Token-set Jaccard rather than a character ratio: the sets ask many questions of one template
 * ("what does LOA stand for", "what does LNP stand for") that differ only in the word carrying the
 * meaning, and a character ratio scores those 0.87-0.96, so it would forbid a glossary entry its own
 * definition question. On stems (without determiners) the template pairs score 0.67, while a copy
 * with one word changed, added or inflected ("how will I know my port is complete" / "...the port is
 * finished", "kinds" / "kind") scores 0.75 or more.
 */
const NEAR = 0.75;

/**
 * Story examples and notice patterns are short, and one is written for each way of telling a cause, so half of
 * the words of an example and an evaluation line in common (an example with one word changed) is already a copy.
 */
const DIAGNOSIS_NEAR = 0.5;
/**
 * A notice pattern this long is wording; a shorter one ("BTN mismatch", "more recent authorization") is the
 * cause's own term, which a question about that cause naturally repeats.
 */
const PATTERN_WORDING = 5;

describe("committed knowledge base", () => {
  it("has no alternate question that copies or nearly copies an evaluation question", () => {
    const evalLines = EVAL_SETS.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim().length > 0)
        .map((line) => {
          const row = JSON.parse(line) as { question?: string; text?: string };
          const question = row.question ?? row.text ?? "";
          return { file, question, normalized: tokenize(question).join(" "), words: wordSet(question) };
        }),
    );
    const copies: string[] = [];
    for (const entry of kb.entries) {
      for (const question of entry.questions) {
        const normalized = tokenize(question).join(" ");
        const words = wordSet(question);
        for (const line of evalLines) {
          const similarity = jaccard(words, line.words);
          if (normalized === line.normalized || similarity >= NEAR) {
            const kind = normalized === line.normalized ? "exact" : `near ${similarity.toFixed(2)}`;
            // A sealed set's line is left out of the message: those sets are never read.
            const shown = isSealedSet(projectRoot(), line.file) ? `a line of ${line.file}` : `${line.file}: "${line.question}"`;
            copies.push(`${entry.file}: "${question}" ~ ${shown} (${kind})`);
          }
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it("has no diagnosis story example or notice pattern that copies or nearly copies a line of an evaluation set", () => {
    const evalLines = EVAL_SETS.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim().length > 0)
        .map((line) => {
          const row = JSON.parse(line) as { question?: string; text?: string };
          const text = row.question ?? row.text ?? "";
          return { file: relative(projectRoot(), file), normalized: tokenize(text).join(" "), words: wordSet(text) };
        }),
    );
    const copies: string[] = [];
    for (const entry of kb.entries) {
      const patterns = (entry.diagnosis?.notice_patterns ?? []).filter((p) => tokenize(p).length >= PATTERN_WORDING);
      for (const example of [...(entry.diagnosis?.stories ?? []), ...patterns]) {
        const normalized = tokenize(example).join(" ");
        const words = wordSet(example);
        for (const line of evalLines) {
          const similarity = jaccard(words, line.words);
          // The evaluation line itself is left out of the message: held-out sets must not be read to write examples.
          if (normalized === line.normalized || similarity >= DIAGNOSIS_NEAR) copies.push(`${entry.file}: "${example}" ~ a line of ${line.file} (${similarity.toFixed(2)})`);
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it("has exactly one current imported entry for each heading of each article's newest revision", () => {
    const bySection = new Map<string, string[]>();
    for (const entry of kb.entries) {
      if (entry.origin !== "import" || entry.status !== "current") continue;
      const key = `${entry.source.article} / ${entry.source.section ?? "(overview)"}`;
      bySection.set(key, [...(bySection.get(key) ?? []), entry.id]);
    }
    const shared = [...bySection].filter(([, ids]) => ids.length > 1).map(([key, ids]) => `${key}: ${ids.join(", ")}`);
    expect(shared).toEqual([]);

    for (const article of kb.articles) {
      const headings = splitArticle(newest(article.title).wikitext).sections.map((s) => `${article.title} / ${s.heading ?? "(overview)"}`);
      const entries = [...bySection.keys()].filter((key) => key.startsWith(`${article.title} / `));
      expect(entries.sort(), article.title).toEqual([...new Set(headings)].sort());
    }
  });

  it("tells a near copy from a question of the same template about another term", () => {
    expect(jaccard(wordSet("What kinds of numbers can I port?"), wordSet("what kind of numbers can i port"))).toBe(1);
    expect(jaccard(wordSet("How will I know my port is complete?"), wordSet("how will i know the port is finished"))).toBeGreaterThanOrEqual(NEAR);
    expect(jaccard(wordSet("what does LSP stand for"), wordSet("what does LNP stand for"))).toBeLessThan(NEAR);
  });
});
