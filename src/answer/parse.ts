import { redact } from "../privacy/redact.js";
import { toTerms } from "./analyze.js";
import type { SearchIndex } from "./index.js";
import { detectLanguage } from "./language.js";
import { asksForDefinition } from "./intent.js";
import { normalize } from "./normalize.js";
import type { Language } from "./result.js";

export interface ParsedQuestion {
  /** The question with customer identifiers masked: the only form that may be logged. */
  masked: string;
  language: Language;
  /** Distinct terms to match, in question order. */
  terms: string[];
  /** Whether the question asks what a term means, which a glossary entry answers. */
  definition: boolean;
}

/** Placeholders redact() leaves: they say nothing about the topic, so they are not matched. */
const PLACEHOLDER = /\[(?:email|imei|phone|account|pin|number)\]/g;

/** Question text -> masked text, language and terms (spelling corrected towards the knowledge base's words). */
export function parseQuestion(question: string, index: SearchIndex): ParsedQuestion {
  const masked = redact(question);
  const normalized = normalize(masked.replace(PLACEHOLDER, " "));
  const tokens = normalized ? normalized.split(" ") : [];
  const language = detectLanguage(masked, tokens);
  const terms = [...new Set(toTerms(tokens.map(index.speller), language, index.synonyms))];
  return { masked, language, terms, definition: asksForDefinition(normalized, terms.length) };
}
