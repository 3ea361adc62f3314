import { PLACEHOLDER, redact } from "../privacy/redact.js";
import { toTerms } from "./analyze.js";
import type { SearchIndex } from "./search-index.js";
import { detectLanguage } from "./language.js";
import { withoutCourtesy } from "./courtesy.js";
import { asksForDefinition, namesDefinition, namesPorting, questionWords } from "./intent.js";
import { normalize } from "./normalize.js";
import type { Language } from "./result.js";

export interface ParsedQuestion {
  /** The question with customer identifiers masked: the only form that may be logged. */
  masked: string;
  language: Language;
  /** Distinct terms to match, in question order; short unknown words only when written as acronyms. */
  terms: string[];
  /** Whether the question asks what a term means, which a glossary entry answers. */
  definition: boolean;
  /** Whether it says so in words ("what is", "meaning"), not only by being a single term. */
  namesDefinition: boolean;
  /** The question words it asks with ("why", "how"), which an entry's heading may ask with too. */
  asks: string[];
  /** Whether the question names porting (port, transfer, carrier, rejection, a porting acronym). */
  porting: boolean;
}

/**
 * Placeholders redact() leaves, with the words labelling the value given ("my PIN is [pin]", "number: [phone]"):
 * a customer giving a PIN is not asking about PINs, so neither is matched.
 */
const GIVEN_VALUE = new RegExp(
  String.raw`(?:\b(?:my|the|pin|code|number|phone|cell|account|imei|e-?mail|password|is|no)\b[\s#:.=]*){0,4}` + PLACEHOLDER.source,
  "gi",
);

/** Unknown words this short are more likely typos ("tak", "grp") than topics the knowledge base lacks... */
const MIN_UNKNOWN_LENGTH = 4;
/** ...unless written in capitals: "API", "SIP", "IP" are acronyms, and name topics the knowledge base lacks. */
const ACRONYM = /\b[A-Z]{2,3}\b/g;

function acronymsOf(text: string): Set<string> {
  return new Set((text.match(ACRONYM) ?? []).map((a) => a.toLowerCase()));
}

/** Question text -> masked text, language and terms (spelling corrected towards the knowledge base's words). */
export function parseQuestion(question: string, index: SearchIndex): ParsedQuestion {
  const masked = redact(question);
  const normalized = normalize(withoutCourtesy(masked).replace(GIVEN_VALUE, " "));
  const tokens = normalized ? normalized.split(" ") : [];
  const language = detectLanguage(masked, tokens);
  const acronyms = acronymsOf(masked);
  const terms = [...new Set(toTerms(tokens.map(index.speller), language, index.synonyms))].filter(
    (t) => index.postings.has(t) || t.length >= MIN_UNKNOWN_LENGTH || acronyms.has(t),
  );
  return {
    masked,
    language,
    terms,
    definition: asksForDefinition(normalized, terms.length),
    namesDefinition: namesDefinition(normalized),
    asks: questionWords(normalized),
    porting: namesPorting(terms, index.portingTerms),
  };
}
