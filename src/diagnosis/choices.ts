import { Answer } from "../knowledge/schema.js";

/** One button or numbered option; `aliases` are other words a customer may type for it. */
export interface Choice {
  value: string;
  label: string;
  aliases?: string[];
}

export function normalizeReply(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9?]+/g, " ")
    .trim();
}

/**
 * The choice a reply names: its number in the list, its label, its value or one of its aliases,
 * also when the reply wraps it in a few words ("it's a cell phone"). Undefined when it names none or several.
 */
export function pickChoice(choices: readonly Choice[], text: string): Choice | undefined {
  const reply = normalizeReply(text);
  if (!reply) return undefined;
  if (/^\d+$/.test(reply)) return choices[Number(reply) - 1];
  const names = (c: Choice) => [c.label, c.value, ...(c.aliases ?? [])].map(normalizeReply).filter(Boolean);
  const exact = choices.filter((c) => names(c).includes(reply));
  if (exact.length) return sameValue(exact);
  // Within a sentence a name inside a longer one does not count ("no" in "no idea"); two different choices do.
  const padded = ` ${reply} `;
  const found = choices.flatMap((c) => names(c).filter((n) => n.length > 1 && padded.includes(` ${n} `)).map((name) => ({ c, name })));
  const kept = found.filter((f) => !found.some((g) => g.name !== f.name && ` ${g.name} `.includes(` ${f.name} `)));
  return sameValue(kept.map((f) => f.c));
}

function sameValue(found: Choice[]): Choice | undefined {
  if (found.length === 0) return undefined;
  return found.every((c) => c.value === found[0]!.value) ? found[0] : undefined;
}

/** Ways of saying "I don't know" in English, French and Spanish, for every "Not sure" button. */
export const NOT_SURE_WORDS: readonly string[] = [
  "not sure", "unsure", "not certain", "dont know", "do not know", "idk", "dunno", "no idea", "skip",
  "je ne sais pas", "je sais pas", "pas sur", "aucune idee", "no se", "no lo se", "no estoy seguro", "no estoy segura", "ni idea",
];

// A hedged yes or no counts as the answer it leans to: asking again would not get a surer one.
export const ANSWER_CHOICES: readonly Choice[] = [
  { value: "yes", label: "Yes", aliases: ["y", "yeah", "yep", "yup", "correct", "right", "true", "i did", "it is", "oui", "si", "i think so", "i believe so", "probably", "likely", "pretty sure", "je crois", "creo que si"] },
  { value: "no", label: "No", aliases: ["n", "nope", "nah", "false", "i didnt", "it isnt", "non", "probably not", "i dont think so", "not really", "unlikely", "je crois pas", "je ne crois pas", "creo que no"] },
  { value: "not-sure", label: "Not sure", aliases: [...NOT_SURE_WORDS, "maybe", "perhaps", "?", "none of these"] },
];

export function pickAnswer(text: string): Answer | undefined {
  const choice = pickChoice(ANSWER_CHOICES, text);
  return choice ? Answer.parse(choice.value) : undefined;
}

export function answerLabel(answer: Answer): string {
  return ANSWER_CHOICES.find((c) => c.value === answer)!.label;
}
