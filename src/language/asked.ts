import type { Language } from "../answer/result.js";

const ASKED: ReadonlyArray<readonly [Exclude<Language, "en">, RegExp]> = [
  ["fr", /\b(?:in|en|into|to)\s+(?:french|fran[cç]ais)\b|\bfrench\s+(?:version|copy|translation|one)\b|^\W*(?:french|fran[cç]ais)\W*(?:please|pls|svp)?\W*$/i],
  ["es", /\b(?:in|en|into|to)\s+(?:spanish|espa[nñ]ol)\b|\bspanish\s+(?:version|copy|translation|one)\b|^\W*(?:spanish|espa[nñ]ol)\W*(?:please|pls|por favor)?\W*$/i],
];

/** The language a message asks the answer in ("the canned answer in French", "en español"), whatever it is written in. */
export function languageAsked(text: string): Exclude<Language, "en"> | undefined {
  return ASKED.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Whether a message asks for a ready-made reply to paste rather than to be walked through ("the canned answer", "what do I tell them"). */
export function asksForCannedAnswer(text: string): boolean {
  return /\b(?:canned|macro|template|copy[\s-]?paste|to paste|what (?:do|should|can) i (?:tell|say to|reply to|answer) (?:them|him|her|the customer|the client)|r[ée]ponse type|respuesta (?:predefinida|tipo))\b/i.test(text);
}
