import type { Vocabulary } from "../knowledge/schema.js";
import type { Language } from "./result.js";
import { stem, tokenize } from "./normalize.js";

interface SynonymRule {
  from: string[];
  to: string[];
  language?: "fr" | "es";
}

/** A stemmed word; `canonical` when a synonym rule wrote it, so it is kept even if it looks like a stopword ("did"). */
export interface Term {
  stem: string;
  canonical: boolean;
}

/** Rewrites stemmed tokens so every synonym group reads as its canonical term. */
export interface Synonyms {
  apply(stems: string[], language: Language): Term[];
  /** Every word the vocabulary knows, unstemmed: the speller may correct towards them. */
  words: Set<string>;
}

const MAX_PASSES = 3;

function analyze(text: string): string[] {
  return tokenize(text).map(stem);
}

/**
 * Compiles the vocabulary once. Variants match whole words, longest first; passes repeat until nothing
 * changes, so "old provider" becomes "old carrier" then "losing carrier".
 */
export function compileSynonyms(vocabulary: Vocabulary): Synonyms {
  const byFirst = new Map<string, SynonymRule[]>();
  const words = new Set<string>();
  for (const group of vocabulary.synonyms) {
    const to = analyze(group.canonical);
    for (const word of tokenize(group.canonical)) words.add(word);
    for (const variant of group.variants) {
      const from = analyze(variant);
      for (const word of tokenize(variant)) words.add(word);
      if (from.length === 0 || from.join(" ") === to.join(" ")) continue;
      const rules = byFirst.get(from[0]!) ?? [];
      rules.push({ from, to, language: group.language });
      byFirst.set(from[0]!, rules);
    }
  }
  for (const rules of byFirst.values()) rules.sort((a, b) => b.from.length - a.from.length);

  function pass(terms: Term[], language: Language): { terms: Term[]; changed: boolean } {
    const out: Term[] = [];
    let changed = false;
    for (let i = 0; i < terms.length; ) {
      const rule = byFirst
        .get(terms[i]!.stem)
        ?.find((r) => (!r.language || r.language === language) && r.from.every((s, k) => terms[i + k]?.stem === s));
      if (rule) {
        out.push(...rule.to.map((stem) => ({ stem, canonical: true })));
        i += rule.from.length;
        changed = true;
      } else {
        out.push(terms[i]!);
        i += 1;
      }
    }
    return { terms: out, changed };
  }

  return {
    words,
    apply(stems, language) {
      let terms = stems.map((stem) => ({ stem, canonical: false }));
      for (let n = 0; n < MAX_PASSES; n++) {
        const next = pass(terms, language);
        terms = next.terms;
        if (!next.changed) break;
      }
      return terms;
    },
  };
}
