import { redact } from "../privacy/redact.js";
import { toTerms } from "./analyze.js";
import type { SearchIndex } from "./index.js";
import { detectLanguage } from "./language.js";
import { tokenize } from "./normalize.js";
import type { Language } from "./result.js";

export interface ParsedQuestion {
  /** The question with customer identifiers masked: the only form that may be logged. */
  masked: string;
  language: Language;
  /** Distinct terms to match, in question order. */
  terms: string[];
}

/** Placeholders redact() leaves: they say nothing about the topic, so they are not matched. */
const PLACEHOLDER = /\[(?:email|imei|phone|account|pin|number)\]/g;

/** Question text -> masked text, language and terms (spelling corrected towards the knowledge base's words). */
export function parseQuestion(question: string, index: SearchIndex): ParsedQuestion {
  const masked = redact(question);
  const tokens = tokenize(masked.replace(PLACEHOLDER, " "));
  const language = detectLanguage(masked, tokens);
  const terms = toTerms(tokens.map(index.speller), language, index.synonyms);
  return { masked, language, terms: [...new Set(terms)] };
}
