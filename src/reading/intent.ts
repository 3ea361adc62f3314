import type { IntentId, IntentsFile } from "../knowledge/schema.js";
import { findPhrase, sameWord, words, type Token } from "./text.js";

/** The intents' example phrases, folded into words once. */
export interface IntentModel {
  whole: Array<{ id: IntentId; words: string[]; stripped: string[] }>;
  cues: Array<{ id: IntentId; words: string[] }>;
  fillers: Set<string>;
  /** The words of the greeting, thanks and acknowledgement examples: a message of only these is one of them. */
  social: Record<"greeting" | "thanks" | "acknowledgement", Set<string>>;
  guards: string[][];
  /** Wishes that a port not fail: they guard a cue from the start of its clause. */
  unwanted: string[][];
}

const LANGUAGES = ["en", "fr", "es"] as const;

export function intentModel(file: IntentsFile): IntentModel {
  const fillers = new Set(LANGUAGES.flatMap((l) => file.fillers[l].flatMap(words)));
  const strip = (w: string[]) => w.filter((x) => !fillers.has(x));
  const social = { greeting: new Set<string>(), thanks: new Set<string>(), acknowledgement: new Set<string>() };
  const model: IntentModel = { whole: [], cues: [], fillers, social, guards: [...file.options.hypothetical, ...file.options.negation].map(words), unwanted: file.options.unwanted.map(words) };
  for (const intent of file.intents) {
    for (const phrase of LANGUAGES.flatMap((l) => intent.examples[l])) {
      const w = words(phrase);
      if (w.length === 0) continue;
      if (intent.match === "whole") model.whole.push({ id: intent.id, words: w, stripped: strip(w) });
      else model.cues.push({ id: intent.id, words: w });
      if (intent.id === "greeting" || intent.id === "thanks" || intent.id === "acknowledgement") for (const x of w) social[intent.id].add(x);
    }
  }
  return model;
}

function sameWords(typed: string[], expected: string[]): boolean {
  // Short words tolerate no typo here: "five" is no "fine", "stop" no "step". Two letters typed in the wrong order
  // are still the word ("mneu", "hlep"): no other command is one swap away.
  return typed.length === expected.length && typed.every((w, i) => sameWord(w, expected[i]!, false, expected[i]!.length >= 5) || swapped(w, expected[i]!));
}

/** Whether `typed` is `expected` (four letters or more) with two neighbouring letters swapped. */
function swapped(typed: string, expected: string): boolean {
  if (typed.length !== expected.length || typed.length < 4) return false;
  const at = [...typed].findIndex((c, i) => c !== expected[i]);
  return at >= 0 && typed[at] === expected[at + 1] && typed[at + 1] === expected[at] && typed.slice(at + 2) === expected.slice(at + 2);
}

/** The intent of a message that is only a command, a greeting, thanks or an acknowledgement ("pls cancel", "ok thx"). */
export function wholeIntent(model: IntentModel, tokens: Token[]): IntentId | undefined {
  const said = tokens.map((t) => t.word);
  if (said.length === 0) return undefined;
  const exact = model.whole.find((w) => sameWords(said, w.words));
  if (exact) return exact.id;
  const stripped = said.filter((w) => !model.fillers.has(w));
  if (stripped.length > 0) {
    const loose = model.whole.find((w) => w.stripped.length > 0 && sameWords(stripped, w.stripped));
    if (loose) return loose.id;
  }
  const social = (["thanks", "acknowledgement", "greeting"] as const).filter((id) => said.some((w) => model.social[id].has(w)));
  if (social.length && said.every((w) => model.fillers.has(w) || social.some((id) => model.social[id].has(w)))) return social[0];
  return undefined;
}

/**
 * Whether a cue found at `start` is said as a condition or denied ("if it gets rejected", "so it doesn't get rejected"),
 * in its own clause: "never mind the price, my port got rejected" denies nothing about the rejection. `upTo`: where
 * the words that may guard it end (the cue's end unless said otherwise).
 */
export function guarded(model: IntentModel, tokens: Token[], start: number, end: number, upTo = end): boolean {
  let clause = start;
  while (clause > 0 && !tokens[clause]!.afterBreak) clause--;
  const from = Math.max(clause, start - 5);
  const before = tokens.slice(from, upTo);
  const wished = tokens.slice(clause, start);
  return model.guards.some((g) => findPhrase(before, g) !== undefined) || model.unwanted.some((w) => findPhrase(wished, w) !== undefined);
}

/** Whether a cue phrase says a denial itself ("make sure my port won't get rejected"): only the words before it can guard it. */
function deniesItself(model: IntentModel, cue: string[]): boolean {
  return model.guards.some((g) => g.length === 1 && cue.includes(g[0]!));
}

/** The first intent whose cue phrase occurs in the message, unless the phrase is only a condition or denied. */
export function cueIntent(model: IntentModel, tokens: Token[], ids: IntentId[]): IntentId | undefined {
  for (const id of ids) {
    for (const cue of model.cues) {
      if (cue.id !== id) continue;
      const found = findPhrase(tokens, cue.words, { gap: 2, stems: true });
      if (found && (id === "person" || !guarded(model, tokens, found.start, found.end, deniesItself(model, cue.words) ? found.start : found.end))) return id;
    }
  }
  return undefined;
}
