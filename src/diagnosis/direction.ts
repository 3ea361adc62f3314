import type { Direction } from "../knowledge/schema.js";

/**
 * Cues in a notice or a story that tell a port-in (moving a number to us, rejected by the losing carrier) from a
 * port-out (moving it away, rejected on its way to the new carrier). Read on normalised text.
 */
const OUT: RegExp[] = [
  /\bport(?:ing|ed)? outs?\b/,
  /\bportout\b/,
  /\b(?:leav(?:e|ing)|away from|(?:mov|transferr|port|switch)(?:e|ing|ed)?(?: \w+){0,3} from) (?:you|voipms|voip ms)\b/,
  /\b(?:transfer|port|move|switch)(?:s|ed|red|ing|ring)?(?: \w+){0,3} to (?!(?:you|voipms|voip|us|usa|your|ours?|the same|be|do|make|get|complete|a new address|my new address|sms|noreply|text|email|approve|confirm|answer|reply|respond|it|them|this|that)\b)\w+/,
  /\b(?:this|my|our|the) voipms (?:line|number|account|did)\b/,
  /\b(?:gaining|winning) (?:carrier|provider)\b/,
  /\b(?:leav|switch|mov|go)(?:e|es|ing|ed)? (?:over )?(?:for|to) (?!(?:you|voipms|voip|us)\b)\w+/,
  // "me voy a otra compañía", "je transfère mon numéro chez Fizz": leaving for another provider.
  /\b(?:me voy|nos vamos|me cambio|nos cambiamos|me paso|nos pasamos) (?:a|con) \w+/,
  /\b(?:je|nous|on) (?:transfere|transferons|porte|portons|pars|partons|passe|passons|vais|allons) (?:\w+ ){0,3}(?:chez|vers) \w+/,
  /\b(?:my|our|the) (?:number|line|account|service) (?:is |was )?(?:with|at) (?:you|voipms|voip ms)\b/,
  // "Transfer out declined", "they need a PIN from you": the number is leaving us.
  /\b(?:transfer|transferred|transferring|move|moved|moving)s? outs?\b/,
  /\boutbound (?:port|porting|transfer|request|order)\b/,
  /\b(?:pin|passcode|password|code)(?: \w+){0,3} from (?:you|voipms|voip ms)\b/,
];
const IN: RegExp[] = [
  /\bport(?:ing|ed)? ins?\b/,
  /\bportin\b/,
  /\b(?:lsr|olsp|osp|losing carrier|losing provider|old carrier|old provider|previous carrier|previous provider|current carrier|current provider|old company|current company|csr|btn|foc)\b/,
  /\bto (?:you|voipms|voip ms)\b/,
  /\b(?:bring|brings|brought|bringing)(?: \w+){0,3} (?:over|in|across|here)\b/,
  // The PIN of a wireless account is the losing account's: "wireless account PIN incorrect".
  /\b(?:wireless|mobile|cell|cellular|prepaid) (?:account )?(?:pin|passcode|password)\b/,
  /\b(?:you|voipms|voip ms) (?:tried to |try to |trying to |were trying to |wanted to )?(?:bring|port|transfer|move|take)(?:s|ed|ing)? (?:in )?(?:my|our|the|this|a)\b/,
];

const count = (patterns: RegExp[], text: string) => patterns.filter((p) => p.test(text)).length;

/** The direction the text points to, when its cues agree; undefined when it gives none or both equally. */
export function directionCue(normalized: string): Direction | undefined {
  const out = count(OUT, normalized);
  const into = count(IN, normalized);
  if (out === into) return undefined;
  return out > into ? "out" : "in";
}
