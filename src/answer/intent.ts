import { STOPWORD_STEMS, toTerms } from "./analyze.js";
import { tokenize } from "./normalize.js";
import type { Synonyms } from "./vocabulary.js";

/**
 * A glossary entry answers "what is a FOC" or "BTN meaning", not every question that mentions the term:
 * "where do I send the CSR" is about documents, "I have 200 DIDs to bring over" about a bulk port.
 * French "est-ce que" only makes a yes/no question ("est-ce que je peux..."); "qu'est-ce" asks what.
 */
const DEFINITION_CUES =
  /\b(?:(?:what|wat|wut|wht) (?:is|are|does|do(?! (?:i|we|you|u|they)\b))|whats|meaning|means?|stands?|define|definition|acronyms?|abbreviations?|explain|est quoi|qu est ce|signifie|veut dire|que es|que son|significa|quiere decir)\b/;

/** A single term is a lookup ("foc", "resporg"), which a definition answers. */
const LOOKUP_TERMS = 1;

export function asksForDefinition(normalizedQuestion: string, termCount: number): boolean {
  return termCount <= LOOKUP_TERMS || namesDefinition(normalizedQuestion);
}

/** Whether the question says in words that it asks what something means ("what is", "stands for"). */
export function namesDefinition(normalizedQuestion: string): boolean {
  return DEFINITION_CUES.test(normalizedQuestion);
}

/**
 * Words that name porting itself, read through the vocabulary (so "transfer", "portabilidad" and
 * "Rogers" count through their groups), beside every glossary term the knowledge base defines (so a
 * new glossary entry names porting without a code change). Telecom words the knowledge base only uses
 * in passing (fax, SMS, voicemail, caller ID, invoice) are left out: questions about those services
 * are the out-of-scope ones that look most like porting.
 */
const PORTING_WORDS = ["port", "portable", "losing carrier", "carrier", "reject", "resubmit"];

/** The terms (after vocabulary and stemming) of the words that name porting: "losing carrier" gives "lose" and "carrier". */
export function compilePortingTerms(synonyms: Synonyms, glossaryTerms: string[]): Set<string> {
  const terms = PORTING_WORDS.flatMap((word) => toTerms(tokenize(word), "en", synonyms));
  for (const term of glossaryTerms) {
    const analyzed = toTerms(tokenize(term), "en", synonyms);
    // A name of several words ("service address", "rate center") is read through its own words, which are
    // everyday ones; a term spelled like a stopword ("DID", the verb "did") is too common to name porting.
    if (analyzed.length === 1 && !STOPWORD_STEMS.has(analyzed[0]!)) terms.push(analyzed[0]!);
  }
  return new Set(terms);
}

/** Whether the question names porting: without that, only a close match on its other words keeps it in scope. */
export function namesPorting(terms: string[], portingTerms: Set<string>): boolean {
  return terms.some((t) => portingTerms.has(t));
}

const QUESTION_WORDS = ["why", "how", "when", "where", "who", "what"];

/** The question words a text asks with: stopwords to matching, but "why is my number not portable" asks for a reason. */
export function questionWords(normalized: string): string[] {
  const words = new Set(normalized.split(" "));
  return QUESTION_WORDS.filter((w) => words.has(w));
}
