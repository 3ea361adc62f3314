import { words as english } from "popular-english-words";

/** Corrects a misspelt word to the nearest word the knowledge base uses. */
export type Speller = (word: string) => string;

/** Shorter words are left alone: at three letters, one edit reaches too many other words. */
const MIN_LENGTH = 4;
const CACHE_LIMIT = 5000;

/**
 * The most common English words (by Wikipedia frequency) are words, not typos: "reset" stays "reset" rather
 * than becoming a knowledge-base word one edit away. Below this rank the list holds common misspellings too
 * ("prot", "wat", "teh" rank from 18,000 on), which must still be corrected.
 */
const COMMON_ENGLISH = 15000;
let commonEnglish: Set<string> | undefined;

/** Edits allowed for a word of this length: one up to six letters, two from seven. */
function allowedEdits(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), giving up past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/**
 * `frequency` holds every known word and how often it occurs. An unknown word becomes the known word
 * with the fewest edits; among those, the likeliest: each letter of shared beginning counts as much as
 * four times the frequency ("mutch": much, not match; "prot": port, the word of every entry, not the
 * "pro" of one heading). It must start with the same letter (typos rarely hit the first one, and requiring it
 * keeps "ring" from turning into "bring").
 */
export function createSpeller(frequency: Map<string, number>): Speller {
  const byFirstLetter = new Map<string, string[]>();
  for (const word of frequency.keys()) {
    if (word.length < MIN_LENGTH - 1) continue;
    const list = byFirstLetter.get(word[0]!) ?? [];
    list.push(word);
    byFirstLetter.set(word[0]!, list);
  }
  const cache = new Map<string, string>();
  commonEnglish ??= new Set(english.getMostPopular(COMMON_ENGLISH));
  const words = commonEnglish;
  return (word) => {
    if (word.length < MIN_LENGTH || frequency.has(word) || words.has(word) || /\d/.test(word)) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const limit = allowedEdits(word.length);
    let best = word;
    let bestDistance = limit + 1;
    let bestLikelihood = -Infinity;
    for (const candidate of byFirstLetter.get(word[0]!) ?? []) {
      const d = editDistance(word, candidate, Math.min(limit, bestDistance));
      if (d > limit || d > bestDistance) continue;
      const likelihood = 2 * commonPrefix(word, candidate) + Math.log2(frequency.get(candidate)!);
      if (d < bestDistance || likelihood > bestLikelihood) {
        best = candidate;
        bestDistance = d;
        bestLikelihood = likelihood;
      }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, best);
    return best;
  };
}
