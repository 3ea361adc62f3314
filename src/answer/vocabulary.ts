import type { Vocabulary } from "../knowledge/schema.js";
import type { Language } from "./result.js";
import { stem, tokenize } from "./normalize.js";

interface SynonymRule {
  /** Position of its group in the vocabulary. */
  group: number;
  from: string[];
  /** The variant's own words, unstemmed. */
  words: string[];
  to: Term[];
  language?: "fr" | "es";
}

/** A stemmed word; `canonical` when a synonym rule wrote it, so it is kept even if it looks like a stopword ("did"). */
export interface Term {
  stem: string;
  canonical: boolean;
  /** The word as written (for a rule's output, its canonical's word), which a rule matches before its stem. */
  word: string;
}

/** Rewrites words so every synonym group reads as its canonical term. */
export interface Synonyms {
  /** Normalised words -> their stems, each synonym group's variants read as its canonical term. */
  apply(words: string[], language: Language): Term[];
  /** Every word the vocabulary knows, unstemmed: the speller may correct towards them. */
  words: Set<string>;
}

const MAX_PASSES = 3;

/** A word without its inflection ("numbers", "transferred", "starting" -> "number", "transfer", "start"). */
function inflected(word: string): string {
  const bare = word.replace(/(?:ing|ed|es|s|e|d)$/, "");
  return bare.length > 2 && bare !== word && /([b-df-hj-np-tv-z])\1$/.test(bare) ? bare.slice(0, -1) : bare;
}

/**
 * Compiles the vocabulary once. Variants match whole words, longest first; passes repeat until nothing
 * changes, so "old provider" becomes "old carrier" then "losing carrier". A variant matches a word with its stem
 * ("invoices" for "invoice"), except a word the vocabulary itself places in other groups only, unless it is the
 * variant's own word inflected: "responsible" stems like "response" but is not a reply, and a group's output
 * ("responsible") is not read again as another group's variant.
 */
export function compileSynonyms(vocabulary: Vocabulary): Synonyms {
  const byFirst = new Map<string, SynonymRule[]>();
  const words = new Set<string>();
  /** Each vocabulary word -> the groups using it. */
  const groupsOf = new Map<string, Set<number>>();
  const own = (word: string, group: number) => groupsOf.set(word, (groupsOf.get(word) ?? new Set()).add(group));
  vocabulary.synonyms.forEach((group, g) => {
    const canonical = tokenize(group.canonical);
    const to = canonical.map((word) => ({ stem: stem(word), canonical: true, word }));
    for (const word of canonical) {
      words.add(word);
      own(word, g);
    }
    for (const variant of group.variants) {
      const variantWords = tokenize(variant);
      const from = variantWords.map(stem);
      for (const word of variantWords) {
        words.add(word);
        own(word, g);
      }
      if (from.length === 0 || from.join(" ") === to.map((t) => t.stem).join(" ")) continue;
      const rules = byFirst.get(from[0]!) ?? [];
      rules.push({ group: g, from, words: variantWords, to, language: group.language });
      byFirst.set(from[0]!, rules);
    }
  });
  for (const rules of byFirst.values()) rules.sort((a, b) => b.from.length - a.from.length);

  const matches = (rule: SynonymRule, term: Term | undefined, k: number) => {
    if (term === undefined || term.stem !== rule.from[k]) return false;
    const groups = groupsOf.get(term.word);
    return groups === undefined || groups.has(rule.group) || inflected(term.word) === inflected(rule.words[k]!);
  };

  function pass(terms: Term[], language: Language): { terms: Term[]; changed: boolean } {
    const out: Term[] = [];
    let changed = false;
    for (let i = 0; i < terms.length; ) {
      const rule = byFirst
        .get(terms[i]!.stem)
        ?.find((r) => (!r.language || r.language === language) && r.from.every((_, k) => matches(r, terms[i + k], k)));
      if (rule) {
        out.push(...rule.to);
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
    apply(tokens, language) {
      let terms = tokens.map((word) => ({ stem: stem(word), canonical: false, word }));
      for (let n = 0; n < MAX_PASSES; n++) {
        const next = pass(terms, language);
        terms = next.terms;
        if (!next.changed) break;
      }
      return terms;
    },
  };
}
