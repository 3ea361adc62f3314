import Fuse from "fuse.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, FIELDS, type FuseDoc, type SearchIndex } from "../../src/answer/search-index.js";
import { termScorer } from "../../src/answer/term-fuzzy.js";
import { fuseQuery, SETTINGS } from "../../src/answer/match.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

const KEYS = FIELDS.filter((f) => SETTINGS.fuseKeys[f] > 0).map((name) => ({ name, weight: SETTINGS.fuseKeys[name] }));

/** The score fuse.js itself gives: one index holding the document, searched with token search. */
function fuseScore(doc: FuseDoc, query: string, keys = KEYS, threshold = SETTINGS.fuseThreshold): number {
  const fuse = new Fuse([doc], { keys, useTokenSearch: true, tokenize: /~[^~ ]+~/g, includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold });
  const hit = fuse.search(query)[0];
  return hit ? 1 - (hit.score ?? 1) : 0;
}

/** A word with its second letter dropped: one edit away. */
const typo = (term: string) => term[0]! + term.slice(2);
/** A word with two letters in its middle swapped. */
const swap = (term: string) => {
  const m = Math.floor(term.length / 2);
  return term.slice(0, m - 1) + term[m] + term[m - 1] + term.slice(m + 1);
};

let index: SearchIndex;

beforeAll(async () => {
  index = buildIndex(await loadKnowledgeBase(knowledgeDir({})));
});

describe("term scorer", () => {
  it("scores every entry of the knowledge base exactly as fuse.js does, for exact, misspelt and unknown terms", () => {
    let compared = 0;
    index.fuseDocs.forEach((doc, e) => {
      const score = termScorer(doc, KEYS, SETTINGS.fuseThreshold);
      const own = [...index.terms[e]!.all];
      const other = [...index.terms[(e + 1) % index.fuseDocs.length]!.all];
      const queries = [
        own.slice(0, 8),
        [...own.slice(0, 3), ...other.slice(0, 3), "zzyzx"],
        own.filter((t) => t.length >= 8).map(typo),
        own.filter((t) => t.length >= 8).map(swap),
        own.filter((t) => t.length >= 18).map((t) => typo(typo(t))),
        other.slice(0, 8),
      ];
      for (const terms of queries) {
        const query = fuseQuery(terms);
        expect(score(query), `${index.entries[e]!.id}: ${query}`).toBe(fuseScore(doc, query));
        compared++;
      }
    });
    expect(compared).toBe(6 * index.fuseDocs.length);
    expect(index.fuseDocs.length).toBeGreaterThan(50);
  });

  it("matches the other fuse.js settings the benchmark sweeps: field weights and fuzziness", () => {
    const keys = [...KEYS.map((k) => (k.name === "questions" ? { ...k, weight: 2 } : k)), { name: "body" as const, weight: 0.3 }];
    index.fuseDocs.slice(0, 40).forEach((doc, e) => {
      const query = fuseQuery([...index.terms[e]!.all].slice(0, 6).map((t) => (t.length >= 6 ? typo(t) : t)));
      for (const threshold of [0.1, 0.3]) expect(termScorer(doc, keys, threshold)(query)).toBe(fuseScore(doc, query, keys, threshold));
    });
  });

  it("finds whole terms only, forgives one typo in a long term and nothing in a short one", () => {
    const doc = { title: "~support~ ~hour~", questions: ["~portability~ ~number~", ""], tags: "", glossary: "" };
    const score = termScorer(doc, KEYS, SETTINGS.fuseThreshold);
    expect(score(fuseQuery(["port"]))).toBe(0);
    expect(score(fuseQuery(["hour"]))).toBeGreaterThan(0);
    expect(score(fuseQuery(["hours"]))).toBe(0);
    expect(score(fuseQuery(["portabilty"]))).toBeGreaterThan(0);
    expect(score(fuseQuery(["portabilty"]))).toBeLessThan(score(fuseQuery(["portability"])));
    expect(score(fuseQuery(["portablty"]))).toBe(0);
  });

  it("scores nothing for an empty query or a document without terms", () => {
    const empty = termScorer({ title: "", questions: [], tags: " ", glossary: "" }, KEYS, SETTINGS.fuseThreshold);
    expect(empty(fuseQuery(["port"]))).toBe(0);
    const doc = termScorer({ title: "~port~", questions: [], tags: "", glossary: "" }, KEYS, SETTINGS.fuseThreshold);
    expect(doc("")).toBe(0);
    expect(doc(fuseQuery(["port"]))).toBe(fuseScore({ title: "~port~", questions: [], tags: "", glossary: "", body: "" }, fuseQuery(["port"])));
  });
});
