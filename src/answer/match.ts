import { FIELDS, idfOf, type Field, type SearchIndex } from "./search-index.js";
import { termScorer } from "./term-fuzzy.js";

export interface Scored {
  /** Position of the entry in the index. */
  entry: number;
  /** What ranks and decides: lexical and fuzzy evidence combined, 0..1. */
  score: number;
  /** Share of the question's weighted terms the entry holds in any field, 0..1: low means off topic. */
  coverage: number;
}

export interface MatchSettings {
  /** Lexical weight of a term found in each field (its best field counts). */
  fields: Record<Field, number>;
  /** Share of the lexical score from the best single phrasing (title, a question, glossary term) vs whole-entry coverage. */
  phrase: number;
  /** Share of the final score from fuse.js over the shortlist vs the lexical score. */
  fuse: number;
  /** fuse.js key weights. */
  fuseKeys: Record<Field, number>;
  /** Fuzziness of fuse.js term matching (0 exact .. 1 anything). */
  fuseThreshold: number;
  /** How many lexical candidates fuse.js re-scores. */
  shortlist: number;
  /** How many of the question's terms (rarest first) fuse.js matches: each costs a pass over every field. */
  fuseTerms: number;
  /**
   * Weight of a word no entry uses, as a share of the rarest known word's: off-topic questions are
   * made of such words, but long questions carry some of them around a porting topic.
   */
  unknown: number;
  /** Share of an answer group's score from the classifier trained on alternate questions vs the ranking above. */
  classifier: number;
}

/**
 * Chosen by the sweeps in `npm run bench` on dev and eval/hard.jsonl (wrong answers first, then top-1, then
 * speed), checked on eval/holdout.jsonl. Measured: without the best-phrasing share dev top-1 falls from 0.956
 * to 0.926 and the harder set gains a wrong answer; a share of 0.4-0.6 lifts dev to 0.971 but answers 2.8-5.6%
 * of holdout wrongly (1.4% at 0.7), so 0.7 it is. Without fuse.js dev falls to 0.912; fuse.js alone gives
 * 0.912 on dev and 0.64 on the harder set; a fuse.js share of 0.6 drops the harder set to 0.80. Questions
 * count half in fuse.js (2 costs the harder set a point). The body and tags decide little once entries have
 * alternate questions (0 to 1 changes nothing). Fuzziness 0.1 scores as 0.2-0.3 at a third less latency:
 * the speller has fixed typos already. fuse.js on more than 6 candidates or on body text costs latency for
 * no gain. Unknown words at half to full weight give the same results since the coverage rules refuse
 * off-topic questions; full weight is the cautious end.
 */
export const SETTINGS: MatchSettings = {
  fields: { title: 1, questions: 1, tags: 0.8, glossary: 1, body: 0.3 },
  phrase: 0.7,
  fuse: 0.3,
  fuseKeys: { title: 1, questions: 0.5, tags: 0.5, glossary: 1, body: 0 },
  fuseThreshold: 0.1,
  shortlist: 6,
  fuseTerms: 8,
  unknown: 1,
  classifier: 0.1,
};

interface Lexical {
  entry: number;
  lexical: number;
  coverage: number;
}

/** What the lexical pass reads, computed once per knowledge base and settings. */
interface LexicalIndex {
  /** Each entry's terms with the weight of the best field holding them (fields weighted 0 or less leave a term out). */
  weights: Array<Map<string, number>>;
  /** Term -> the phrasings holding it, as [entry, phrasing of the entry, phrasing of the base] triples. */
  phrasingsWith: Map<string, Array<[number, number, number]>>;
  /** How many phrasings the base has. */
  phrasings: number;
}

function lexicalIndex(index: SearchIndex, settings: MatchSettings): LexicalIndex {
  const weights = index.terms.map((doc) => {
    const byTerm = new Map<string, number>();
    for (const t of doc.all) {
      let best = 0;
      for (const f of FIELDS) if (doc.fields[f].has(t) && settings.fields[f] > best) best = settings.fields[f];
      if (best > 0) byTerm.set(t, best);
    }
    return byTerm;
  });
  const phrasingsWith = new Map<string, Array<[number, number, number]>>();
  let id = 0;
  index.terms.forEach((doc, e) =>
    doc.phrasings.forEach((p, k) => {
      for (const t of new Set(p.terms)) {
        const list = phrasingsWith.get(t) ?? [];
        list.push([e, k, id]);
        phrasingsWith.set(t, list);
      }
      id++;
    }),
  );
  return { weights, phrasingsWith, phrasings: id };
}

/**
 * Every allowed entry sharing a term with the question, scored on its weighted field coverage and its best single
 * phrasing; only the phrasings sharing a term are read, since the others score 0.
 */
function lexicalScores(index: SearchIndex, lexicon: LexicalIndex, terms: string[], allowed: (entry: number) => boolean, settings: MatchSettings): Lexical[] {
  const n = index.entries.length;
  const idf = terms.map((t) => index.idf.get(t) ?? settings.unknown * idfOf(n, 0));
  const total = idf.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const candidates: number[] = [];
  const isCandidate = new Uint8Array(n);
  const weighted = new Float64Array(n);
  const present = new Float64Array(n);
  terms.forEach((t, i) => {
    for (const e of index.postings.get(t) ?? []) {
      if (!isCandidate[e]) {
        if (!allowed(e)) continue;
        isCandidate[e] = 1;
        candidates.push(e);
      }
      const best = lexicon.weights[e]!.get(t) ?? 0;
      weighted[e] = weighted[e]! + best * idf[i]!;
      if (best > 0) present[e] = present[e]! + idf[i]!;
    }
  });

  const idfOfTerm = new Map<string, number>();
  terms.forEach((t, i) => {
    if (!idfOfTerm.has(t)) idfOfTerm.set(t, idf[i]!);
  });
  const phrase = new Float64Array(n);
  const read = new Uint8Array(lexicon.phrasings);
  for (const t of idfOfTerm.keys()) {
    for (const [e, k, id] of lexicon.phrasingsWith.get(t) ?? []) {
      if (read[id] || !isCandidate[e]) continue;
      read[id] = 1;
      const p = index.terms[e]!.phrasings[k]!;
      let shared = 0;
      for (const pt of p.terms) {
        const w = idfOfTerm.get(pt);
        if (w !== undefined) shared += w;
      }
      phrase[e] = Math.max(phrase[e]!, (2 * shared) / (total + p.weight));
    }
  }

  const scored = candidates.map((e) => ({
    entry: e,
    lexical: (1 - settings.phrase) * (weighted[e]! / total) + settings.phrase * phrase[e]!,
    coverage: present[e]! / total,
  }));
  return scored.sort((a, b) => b.lexical - a.lexical || a.entry - b.entry);
}

export function fuseQuery(terms: string[]): string {
  return terms.map((t) => `~${t}~`).join(" ");
}

export type Ranker = (terms: string[], allowed: (entry: number) => boolean) => Scored[];

/**
 * Ranks entries for a question's terms: a lexical pass over every entry sharing a term, then fuse.js's token
 * search (term-level fuzzy matching, weighted by field) re-scores the best few. Each entry's scorer is built
 * here, once, over that entry alone: one index over the whole base would cost every question a pass over every entry.
 */
export function createRanker(index: SearchIndex, settings = SETTINGS): Ranker {
  const keys = FIELDS.filter((f) => settings.fuseKeys[f] > 0).map((name) => ({ name, weight: settings.fuseKeys[name] }));
  const fuses = settings.fuse > 0 ? index.fuseDocs.map((doc) => termScorer(doc, keys, settings.fuseThreshold)) : [];
  const lexicon = lexicalIndex(index, settings);
  return (terms, allowed) => {
    const lexical = lexicalScores(index, lexicon, terms, allowed, settings);
    const shortlist = lexical.slice(0, settings.shortlist);
    const fuzzy = new Map<number, number>();
    if (fuses.length > 0 && shortlist.length > 0) {
      const rarest = [...terms].sort((a, b) => (index.idf.get(b) ?? Infinity) - (index.idf.get(a) ?? Infinity)).slice(0, settings.fuseTerms);
      const query = fuseQuery(rarest);
      for (const s of shortlist) fuzzy.set(s.entry, fuses[s.entry]!(query));
    }
    return shortlist
      .map((s) => ({
        entry: s.entry,
        coverage: s.coverage,
        score: (1 - settings.fuse) * s.lexical + settings.fuse * (fuzzy.get(s.entry) ?? 0),
      }))
      .sort((a, b) => b.score - a.score || a.entry - b.entry);
  };
}
