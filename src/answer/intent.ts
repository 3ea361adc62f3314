import { toTerms } from "./analyze.js";
import { tokenize } from "./normalize.js";
import type { Synonyms } from "./vocabulary.js";

/**
 * A glossary entry answers "what is a FOC" or "BTN meaning", not every question that mentions the term:
 * "where do I send the CSR" is about documents, "I have 200 DIDs to bring over" about a bulk port.
 * French "est-ce que" only makes a yes/no question ("est-ce que je peux..."); "qu'est-ce" asks what.
 */
const DEFINITION_CUES =
  /\b(?:(?:what|wat|wut|wht) (?:is|are|does|do)|whats|meaning|means?|stands?|define|definition|acronyms?|abbreviations?|explain|est quoi|qu est ce|signifie|veut dire|que es|que son|significa|quiere decir)\b/;

/** A single term is a lookup ("foc", "resporg"), which a definition answers. */
const LOOKUP_TERMS = 1;

export function asksForDefinition(normalizedQuestion: string, termCount: number): boolean {
  return termCount <= LOOKUP_TERMS || DEFINITION_CUES.test(normalizedQuestion);
}

/**
 * Words that name porting itself, read through the vocabulary (so "transfer", "portabilidad" and
 * "Rogers" count through their groups). Telecom words the knowledge base also uses in passing (fax,
 * SMS, voicemail PIN, DID, caller ID, invoice) are left out: questions about those services are
 * the out-of-scope ones that look most like porting.
 */
const PORTING_WORDS = [
  "port", "portable", "losing carrier", "carrier", "reject", "resubmit",
  "foc", "loa", "btn", "csr", "lsr", "pon", "clec", "lnp", "resporg", "nasc", "ratecenter",
];

/** The terms (after vocabulary and stemming) of the words that name porting: "losing carrier" gives "lose" and "carrier". */
export function compilePortingTerms(synonyms: Synonyms): Set<string> {
  return new Set(PORTING_WORDS.flatMap((word) => toTerms(tokenize(word), "en", synonyms)));
}

/** Whether the question names porting: without that, only a close match on its other words keeps it in scope. */
export function namesPorting(terms: string[], portingTerms: Set<string>): boolean {
  return terms.some((t) => portingTerms.has(t));
}
