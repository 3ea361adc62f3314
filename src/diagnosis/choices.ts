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

/** French and Spanish words for what the context questions ask, read as the English words the choices know. */
const IN_ENGLISH: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:estados unidos|ee ?uu|etats unis)\b/g, "usa"],
  [/\b(?:celular|movil|cellulaire|telephone mobile|telefono movil)\b/g, "cell"],
  [/\b(?:linea fija|telefono fijo|fijo|ligne fixe|fixe|ligne terrestre)\b/g, "landline"],
  [/\b(?:sans frais|numero sans frais|gratuito|numero gratuito|linea gratuita)\b/g, "toll free"],
  [/\b(?:telecopieur|telecopie)\b/g, "fax"],
  [/\b(?:otro pais|autre pays)\b/g, "another"],
];

function inEnglish(reply: string): string {
  return IN_ENGLISH.reduce((text, [pattern, english]) => text.replace(pattern, english), reply);
}

/** Words that take back what came before them in a reply ("no wait, actually yes"), in English, French and Spanish. */
const CORRECTION = /\b(?:wait|actually|sorry|i mean|i meant|scratch that|correction|oops|en fait|pardon|je veux dire|perdon|quiero decir|mejor dicho)\b/;

/** Words that make a yes or a no only partly true ("yes but only for one of them"). */
const PARTLY = /\b(?:only (?:for )?(?:one|some|a few|part)|(?:one|some|a few|most|part) of (?:them|it|the numbers)|not (?:for )?all|partly|partially|mostly|except|apart from|seulement|sauf|certains|solo (?:uno|algunos)|algunos|excepto)\b/;

/**
 * The choice a reply names: its number in the list, its label, its value or one of its aliases,
 * also when the reply wraps it in a few words ("it's a cell phone"). Undefined when it names none or several.
 * After a correction word the last choice stated wins ("no wait, actually yes"); where the step offers "not sure", a
 * reply that also says it ("not sure, probably not") or is only partly true ("yes but only for one of them") is that.
 * A reply of a few words holding a question answers nothing until the question is answered.
 */
export function pickChoice(choices: readonly Choice[], text: string): Choice | undefined {
  const reply = inEnglish(normalizeReply(text));
  if (!reply) return undefined;
  if (/^\d+$/.test(reply)) return choices[Number(reply) - 1];
  // "I have the account number from the bill, is that the same?" asks before it answers: it is answered first.
  if (/\?/.test(reply) && reply.split(" ").length >= 4) return undefined;
  const parts = reply.split(new RegExp(CORRECTION.source, "g")).map((p) => p.trim()).filter(Boolean);
  const last = [...parts].reverse().find((part) => named(choices, part).length > 0);
  if (last === undefined) return undefined;
  const found = named(choices, last);
  const notSure = choices.find((c) => c.value === "not-sure");
  if (notSure && (found.includes(notSure) || PARTLY.test(last))) return notSure;
  return sameValue(found);
}

/** Whether a reply starts by taking something back with nothing before it ("actually no, …"): it may mean an earlier answer. */
export function opensWithCorrection(text: string): boolean {
  return normalizeReply(text).search(CORRECTION) === 0;
}

/** The choices a (normalised) reply names: all of its exact name, or else the names it contains. */
function named(choices: readonly Choice[], reply: string): Choice[] {
  const names = (c: Choice) => [c.label, c.value, ...(c.aliases ?? [])].map(normalizeReply).filter(Boolean);
  const exact = choices.filter((c) => names(c).includes(reply));
  if (exact.length) return exact;
  // Within a sentence a name inside a longer one does not count ("no" in "no idea"); two different choices do.
  const padded = ` ${reply} `;
  const found = choices.flatMap((c) => names(c).filter((n) => n.length > 1 && padded.includes(` ${n} `)).map((name) => ({ c, name })));
  return found.filter((f) => !found.some((g) => g.name !== f.name && ` ${g.name} `.includes(` ${f.name} `))).map((f) => f.c);
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
  { value: "yes", label: "Yes", aliases: ["y", "yeah", "yep", "yup", "correct", "right", "true", "i did", "it is", "oui", "si", "i think so", "i believe so", "probably", "likely", "pretty sure", "je crois", "creo que si", "i have", "we have", "i do", "we do", "i will", "we will", "it will", "there is", "we are", "of course", "sure"] },
  { value: "no", label: "No", aliases: ["n", "nope", "nah", "false", "i didnt", "it isnt", "non", "probably not", "i dont think so", "not really", "unlikely", "je crois pas", "je ne crois pas", "creo que no", "i dont", "we dont", "i have not", "i havent", "we havent", "i wont", "we wont", "it wont", "there isnt", "there is no", "not yet", "we are not", "were not", "of course not"] },
  { value: "not-sure", label: "Not sure", aliases: [...NOT_SURE_WORDS, "maybe", "perhaps", "?", "none of these"] },
];

export function pickAnswer(text: string): Answer | undefined {
  const choice = pickChoice(ANSWER_CHOICES, text);
  return choice ? Answer.parse(choice.value) : undefined;
}

export function answerLabel(answer: Answer): string {
  return ANSWER_CHOICES.find((c) => c.value === answer)!.label;
}

/** Words too common to tell one question from another. */
const COMMON = new Set([
  "actually", "wait", "sorry", "mean", "meant", "that", "this", "these", "those", "with", "have", "will", "would", "just", "keep",
  "keeping", "were", "they", "them", "their", "there", "what", "about", "only", "also", "still", "from", "your", "ours", "number",
  "numbers", "account", "port", "porting", "answer", "question", "earlier", "before", "last", "previous", "other", "some", "yes",
  "the", "and", "not", "was", "its", "for", "you", "are", "our", "but", "had", "has", "did", "got", "one", "all", "any", "can",
  "wrong", "right", "said", "told", "typed", "thought",
]);

function words(text: string): Set<string> {
  return new Set(normalizeReply(text).replace(/\?/g, " ").split(" ").filter((w) => w.length >= 3 && !COMMON.has(w)).map((w) => w.replace(/s$/, "")));
}

/**
 * The one earlier question a reply that opens with a correction is about ("actually no, we're keeping the internet"
 * after "Will other services (internet, …) stay?"): the earlier question sharing the most telling words with it, none
 * of which the current question has. Undefined when none or several do.
 */
export function earlierQuestionMeant<Q extends { text: string }>(text: string, current: string, earlier: readonly Q[]): Q | undefined {
  if (!opensWithCorrection(text)) return undefined;
  const now = words(current);
  const said = [...words(text)].filter((w) => !now.has(w));
  if (!said.length) return undefined;
  const scored = earlier.map((q) => {
    const asked = words(q.text);
    return { q, score: said.filter((w) => asked.has(w)).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best > 0 && top.length === 1 ? top[0]!.q : undefined;
}
