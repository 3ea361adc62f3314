import type { Article, Entry } from "../knowledge/schema.js";
import type { Language } from "./result.js";

/** Words frequent in one language and rare in the others (normalised: no accents). */
const MARKERS: Record<Language, Set<string>> = {
  en: new Set("the is are my your how what why when where do does can i to of and it this with for number".split(" ")),
  fr: new Set(
    (
      "le les des du et est je mon mes pour avec une combien comment pourquoi quel quelle quels temps " +
      "faire sont pas vous nous votre vos prend transfert transferer transfere portabilite facture frais prix " +
      "numeros ligne fournisseur compte rejete refuse dois jours semaine cellulaire appel combien"
    ).split(" "),
  ),
  es: new Set(
    (
      "el los las del y es mi mis para con cuanto cuanta como cuando donde por tiempo puedo hacer tarda " +
      "cuesta portar portabilidad porteo quiero numeros linea proveedor cuenta rechazado rechazo dias semana celular " +
      "llamadas mensaje factura necesito tengo"
    ).split(" "),
  ),
};

const FRENCH_LETTERS = /[èêàçùâîôûœë]/g;
const SPANISH_LETTERS = /[ñáíóú¿¡]/g;

/**
 * The question's language from marker words and letters. English unless French or Spanish
 * clearly outweighs it: a single foreign word in an English question does not switch.
 */
export function detectLanguage(question: string, tokens: string[]): Language {
  const lower = question.toLowerCase();
  const score = { en: 0, fr: 0, es: 0 };
  for (const token of tokens) {
    for (const language of ["en", "fr", "es"] as const) if (MARKERS[language].has(token)) score[language] += 1;
  }
  score.fr += 2 * (lower.match(FRENCH_LETTERS)?.length ?? 0);
  score.es += 2 * (lower.match(SPANISH_LETTERS)?.length ?? 0);
  const foreign = score.fr >= score.es ? "fr" : "es";
  const best = score[foreign];
  if (best === score.fr && best === score.es) return "en";
  if (best >= 2 && best > score.en) return foreign;
  if (best >= 1 && score.en === 0) return foreign;
  return "en";
}

/** The link to the entry's article in the question's language, when the article has one. */
export function translationUrl(articles: Article[], entry: Entry, language: Language): string | undefined {
  if (language === "en") return undefined;
  return articles.find((a) => a.title === entry.source.article)?.translations[language];
}
