/**
 * A glossary entry answers "what is a FOC" or "BTN meaning", not every question that mentions the term:
 * "where do I send the CSR" is about documents, "I have 200 DIDs to bring over" about a bulk port.
 */
const DEFINITION_CUES =
  /\b(?:(?:what|wat|wut|wht) (?:is|are|does|do)|whats|meaning|means?|stands?|define|definition|acronyms?|abbreviations?|explain|est quoi|est ce que|qu est ce|signifie|veut dire|que es|que son|significa|quiere decir)\b/;

/** A single term is a lookup ("foc", "resporg"), which a definition answers. */
const LOOKUP_TERMS = 1;

export function asksForDefinition(normalizedQuestion: string, termCount: number): boolean {
  return termCount <= LOOKUP_TERMS || DEFINITION_CUES.test(normalizedQuestion);
}
