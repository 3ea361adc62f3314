/**
 * Words a question opens with, in English, French and Spanish (accents removed): question words and the auxiliaries
 * of yes/no questions, with the negative contractions cut at their apostrophe ("don't" → "don"). Words that also
 * open plain answers are left out: "may" (a date), "tengo" (I have), "por"/"porque" (by, because).
 */
const OPENERS = new Set(
  [
    ..."how what why when where who whom whose which".split(" "),
    ..."can could do does did is are was were will would should shall might must has have am".split(" "),
    ..."isn aren wasn weren don doesn didn won wouldn shouldn couldn haven hasn".split(" "),
    ..."comment combien pourquoi quand ou qui quel quelle quels quelles que qu quoi est puis peut peux dois doit faut".split(" "),
    ..."como cuanto cuanta cuantos cuantas cuando donde quien quienes cual cuales puedo puede pueden".split(" "),
  ],
);

/** Whether a message reads as a question: it ends with "?", starts with "¿", or opens with a question word or auxiliary. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.endsWith("?") || trimmed.startsWith("¿")) return true;
  const first = /^[\p{L}]+/u.exec(trimmed.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase())?.[0];
  return first !== undefined && OPENERS.has(first);
}

/** "what about 2 fax", "how about Quebec", "what if it's toll free": fragments that change an order, asked as questions. */
const ABOUT = /^(?:what|how)\s+(?:about|if)\b|^(?:and|et|y)\b/;

/**
 * Whether a message opens with a question word of its own ("what counts as local?", "is a DID local?"), not as a
 * fragment about the order ("what about 2 fax?", "local?"): a question to answer, not a reply to take.
 */
export function opensAQuestion(text: string): boolean {
  const folded = text.trim().normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/^¿/, "");
  const first = /^[\p{L}]+/u.exec(folded)?.[0];
  return first !== undefined && OPENERS.has(first) && !ABOUT.test(folded);
}

/** A clause after the first that asks: "my line went dead, did my number already move to you". */
const ASKING_CLAUSE = /[,;:.!]\s*(?:and |but |so )?(?:is|are|was|were|did|does|do|can|could|will|would|should|has|have|how|what|why|when|where|who|which|est ce|pourquoi|comment|es|puedo|por que)\s+\p{L}/iu;

/** Whether a message asks anything: it looks like a question, or one of its later clauses opens as one. */
export function holdsAQuestion(text: string): boolean {
  return looksLikeQuestion(text) || ASKING_CLAUSE.test(text.normalize("NFD").replace(/\p{M}/gu, ""));
}
