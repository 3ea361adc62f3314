import type { KnowledgeBase } from "../knowledge/schema.js";
import { stem, tokenize } from "./normalize.js";
import type { SearchIndex } from "./search-index.js";

/**
 * A French or Spanish question as the engine understood it, in English words: its terms the knowledge base holds
 * (synonym rules have already read "frais", "costo" as "cost"), each spelled as the word the entries' titles and
 * alternate questions use most for its stem ("durat" -> "duration"). Words the base does not hold are left out: an
 * English sentence encoder cannot read them.
 */
export type EnglishForm = (terms: string[]) => string;

export function englishFormReader(kb: KnowledgeBase, index: SearchIndex): EnglishForm {
  const uses = new Map<string, Map<string, number>>();
  const count = (word: string, times: number) => {
    const forms = uses.get(stem(word)) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + times);
    uses.set(stem(word), forms);
  };
  for (const entry of kb.entries) for (const text of [entry.title, ...entry.questions]) for (const word of tokenize(text)) count(word, 1);
  const spelling = new Map([...uses].map(([s, forms]) => [s, [...forms].reduce((a, b) => (b[1] > a[1] ? b : a))[0]]));
  // A canonical term no entry writes ("howto", "duration") is spelled as its group's first variant ("how do i", "how long").
  for (const group of kb.vocabulary.synonyms) {
    const words = tokenize(group.canonical);
    if (group.language || words.length !== 1 || uses.has(stem(words[0]!)) || !group.variants[0]) continue;
    spelling.set(stem(words[0]!), group.variants[0]);
  }
  return (terms) =>
    terms
      .filter((t) => index.postings.has(t))
      .map((t) => spelling.get(t) ?? t)
      .join(" ");
}
