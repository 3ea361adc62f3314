import { stem } from "./normalize.js";
import { STOPWORDS } from "./stopwords.js";
import type { Synonyms } from "./vocabulary.js";
import type { Language } from "./result.js";

export const STOPWORD_STEMS = new Set([...STOPWORDS].map(stem));

/**
 * Normalised tokens -> the terms that are compared: stems, synonyms read as their canonical term,
 * stopwords dropped unless a synonym rule wrote them ("DID number" -> "did").
 */
export function toTerms(tokens: string[], language: Language, synonyms: Synonyms): string[] {
  return synonyms
    .apply(tokens, language)
    .filter((t) => t.canonical || !STOPWORD_STEMS.has(t.stem))
    .map((t) => t.stem);
}
