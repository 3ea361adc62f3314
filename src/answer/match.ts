import { FIELDS, idfOf, type Field, type SearchIndex } from "./index.js";

export interface Scored {
  /** Position of the entry in the index. */
  entry: number;
  score: number;
}

export interface MatchWeights {
  fields: Record<Field, number>;
  /** Share of the score from the best single phrasing (title, a question, glossary term) vs whole-entry coverage. */
  phrase: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  fields: { title: 1, questions: 1, tags: 0.8, glossary: 1, body: 0.5 },
  phrase: 0.5,
};

/** Unknown words this short are more likely typos than topics the knowledge base lacks. */
const MIN_UNKNOWN_LENGTH = 4;

/** Scores every entry that shares a term with the question, best first. */
export function rankEntries(index: SearchIndex, terms: string[], allowed: (entry: number) => boolean, weights = DEFAULT_WEIGHTS): Scored[] {
  const n = index.entries.length;
  const known = terms.filter((t) => index.postings.has(t) || t.length >= MIN_UNKNOWN_LENGTH);
  const idf = known.map((t) => index.idf.get(t) ?? idfOf(n, 0));
  const total = idf.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const candidates = new Set<number>();
  for (const t of known) for (const e of index.postings.get(t) ?? []) if (allowed(e)) candidates.add(e);

  const scored: Scored[] = [];
  for (const e of candidates) {
    const doc = index.terms[e]!;
    let covered = 0;
    known.forEach((t, i) => {
      let best = 0;
      for (const f of FIELDS) if (doc.fields[f].has(t) && weights.fields[f] > best) best = weights.fields[f];
      covered += best * idf[i]!;
    });
    let phrase = 0;
    for (const p of doc.phrasings) {
      let shared = 0;
      let own = 0;
      for (const t of p) {
        const w = index.idf.get(t) ?? 0;
        own += w;
        const i = known.indexOf(t);
        if (i >= 0) shared += idf[i]!;
      }
      phrase = Math.max(phrase, (2 * shared) / (total + own));
    }
    scored.push({ entry: e, score: (1 - weights.phrase) * (covered / total) + weights.phrase * phrase });
  }
  return scored.sort((a, b) => b.score - a.score || a.entry - b.entry);
}
