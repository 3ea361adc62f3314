import Fuse from "fuse.js";

/**
 * fuse.js 7 token search (`useTokenSearch`, whole `~term~` tokens, location ignored) over one document of
 * several weighted fields, scored as fuse.js scores it, without its Bitap pass of every query term over every
 * field value. The values are `~term~` words joined by spaces, so a query term is in a value exactly when the
 * value contains `~term~`; only a term long enough to match with an error under the threshold is handed to
 * fuse.js (`Fuse.match`) when it is not found as is.
 */

/** A document's fields, in key order: each field's non-blank values (`~term~` words). */
export interface TermDoc {
  fields: Array<{ weight: number; values: string[] }>;
}

interface ScoredValue {
  value: string;
  /** fuse.js's field-length norm: 1 / sqrt(words), to three decimals. */
  norm: number;
}

interface ScoredField {
  /** The key's weight as a share of all keys' weights (fuse.js normalises them). */
  weight: number;
  values: ScoredValue[];
}

/** Scores a query (`~term~` words) against one document: 0 (nothing) .. 1 (every term, exactly, in short fields). */
export type TermScorer = (query: string) => number;

const TOKEN = /~[^~ ]+~/g;
/** fuse.js's Bitap works on patterns of up to 32 characters; longer ones go to fuse.js whole. */
const BITAP_LIMIT = 32;
/** fuse.js never scores a match below this, unless the whole value is the pattern. */
const MATCH_FLOOR = 0.001;

function wordCount(value: string): number {
  const words = value.split(/[\t-\r \u00a0]+/).filter((w) => w.length > 0).length;
  return words === 0 ? 1 : words;
}

function normOf(value: string): number {
  return Math.round(1000 / Math.pow(wordCount(value), 0.5)) / 1000;
}

/**
 * `keys` are the fields' names and weights (fields of weight 0 are left out, as fuse.js leaves them out of the
 * keys); `threshold` is fuse.js's.
 */
export function termScorer(doc: Record<string, string | string[]>, keys: Array<{ name: string; weight: number }>, threshold: number): TermScorer {
  let totalWeight = 0;
  for (const key of keys) totalWeight += key.weight;
  const fields: ScoredField[] = keys.map((key) => {
    const raw = doc[key.name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v.trim().length > 0);
    return { weight: key.weight / totalWeight, values: values.map((value) => ({ value, norm: normOf(value) })) };
  });
  // Inverse document frequency over the document's own field values, as fuse.js's inverted index counts it.
  let fieldCount = 0;
  const df = new Map<string, number>();
  for (const field of fields) {
    for (const { value } of field.values) {
      const tokens = value.match(TOKEN) ?? [];
      if (tokens.length === 0) continue;
      fieldCount++;
      for (const token of new Set(tokens)) df.set(token, (df.get(token) ?? 0) + 1);
    }
  }
  const idfOf = (term: string) => {
    const docFreq = df.get(term) ?? 0;
    return Math.log(1 + (fieldCount - docFreq + 0.5) / (docFreq + 0.5));
  };
  const fuzzyOptions = { threshold, ignoreLocation: true, isCaseSensitive: true };

  /**
   * A pattern cut into one piece more than the errors the threshold allows it: a match with that many edits
   * leaves at least one piece intact, so a value holding none of the pieces cannot match.
   */
  const piecesOf = (pattern: string) => {
    let errors = 0;
    while ((errors + 1) / pattern.length <= threshold) errors++;
    const size = Math.floor(pattern.length / (errors + 1));
    return Array.from({ length: errors + 1 }, (_, k) => pattern.slice(k * size, k === errors ? pattern.length : (k + 1) * size));
  };

  /** fuse.js's Bitap result for one term in one value: undefined when it does not match. */
  const termScore = (pattern: string, pieces: string[], value: string): number | undefined => {
    if (pattern === value) return 0;
    if (pattern.length <= BITAP_LIMIT) {
      // Bitap gives an exact find its floor score; a pattern too short to afford an error has one piece, itself.
      if (value.includes(pattern)) return MATCH_FLOOR;
      if (!pieces.some((piece) => value.includes(piece))) return undefined;
    }
    const result = Fuse.match(pattern, value, fuzzyOptions);
    return result.isMatch ? result.score : undefined;
  };

  return (query) => {
    const terms = query.match(TOKEN) ?? [];
    if (terms.length === 0) return 0;
    const idf = terms.map(idfOf);
    const pieces = terms.map(piecesOf);
    let total = 1;
    let matched = false;
    for (const field of fields) {
      for (const { value, norm } of field.values) {
        let weighted = 0;
        let possible = 0;
        let found = 0;
        for (let i = 0; i < terms.length; i++) {
          const score = termScore(terms[i]!, pieces[i]!, value);
          possible += idf[i]!;
          if (score !== undefined) {
            found++;
            weighted += idf[i]! * (1 - score);
          }
        }
        if (found === 0) continue;
        const score = Math.max(MATCH_FLOOR, possible > 0 ? 1 - weighted / possible : 0);
        total *= Math.pow(score === 0 && field.weight ? Number.EPSILON : score, (field.weight || 1) * norm);
        matched = true;
      }
    }
    return matched ? 1 - total : 0;
  };
}
