import type { IntentsFile } from "../knowledge/schema.js";
import { countRightBefore, timesAfter, type CountModel } from "./counts.js";
import { findPhrase, sameWord, words, type Found, type Token } from "./text.js";

export interface OptionModel {
  expedite: string[][];
  notExpedite: string[][];
  cancelWords: string[][];
  cancelObjects: string[][];
  notCancelObjects: string[][];
  rejectWords: string[][];
  hypothetical: string[][];
  negation: string[][];
}

export function optionModel(file: IntentsFile): OptionModel {
  const o = file.options;
  return {
    expedite: o.expedite.map(words),
    notExpedite: o.not_expedite.map(words),
    cancelWords: o.cancel_words.map(words),
    cancelObjects: o.cancel_objects.map(words),
    notCancelObjects: o.not_cancel_objects.map(words),
    rejectWords: o.reject_words.map(words),
    hypothetical: o.hypothetical.map(words),
    negation: o.negation.map(words),
  };
}

/** Words for one that are not articles. */
const ONE = new Set(["one", "single", "uno"]);

export interface OptionFacts {
  expedite?: boolean;
  rejections?: number;
  cancel?: boolean;
}

function within(tokens: Token[], from: number, to: number, phrases: string[][]): boolean {
  const slice = tokens.slice(Math.max(0, from), Math.max(0, to));
  return phrases.some((p) => findPhrase(slice, p) !== undefined);
}

/** Where the clause of the word at `at` starts: after the last punctuation, at most 12 words back. */
function clauseStart(tokens: Token[], at: number): number {
  let start = at;
  while (start > Math.max(0, at - 12) && !tokens[start]!.afterBreak) start--;
  return start;
}

/** Every place one of the phrases occurs, its words next to each other, the words as stems ("kicked back", "rejected"). */
function occurrences(tokens: Token[], phrases: string[][]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = phrases.find((p) => p.every((w, k) => tokens[i + k] !== undefined && sameWord(tokens[i + k]!.word, w, true)));
    if (phrase) found.push({ start: i, end: i + phrase.length });
  }
  return found;
}

/** Where the message asks for an expedite ("rush", "need it done yesterday"), unless it says there is no rush. */
export function expediteAsked(model: OptionModel, tokens: Token[]): Found | undefined {
  for (const phrase of model.expedite) {
    const found = findPhrase(tokens, phrase, { gap: 1, stems: true, typos: false });
    if (!found) continue;
    const denied = model.notExpedite.some((p) => findPhrase(tokens, p, { gap: 1 }) !== undefined) || within(tokens, found.start - 3, found.start, model.negation);
    return denied ? undefined : found;
  }
  return undefined;
}

/**
 * What an estimate prices beyond the port: an expedite ("rush", "asap", not "no rush"), expected rejections ("if it
 * gets rejected twice", not "so it doesn't get rejected" or "my last port was rejected"), and cancelling the port
 * itself (not "I'll cancel my Bell account after").
 */
export function readOptions(model: OptionModel, counts: CountModel, tokens: Token[]): OptionFacts {
  const facts: OptionFacts = {};
  if (expediteAsked(model, tokens)) facts.expedite = true;
  let rejections = 0;
  for (const { start: at, end } of occurrences(tokens, model.rejectWords)) {
    if (within(tokens, at - 4, at, model.negation)) continue;
    const before = countRightBefore(counts, tokens, at);
    // "a rejection" is any rejection, "one rejection" or "2 rejections" a count.
    const explicit = before !== undefined && (before > 1 || /^\d+$/.test(tokens[at - 1]?.word ?? "") || ONE.has(tokens[at - 1]?.word ?? "")) ? before : undefined;
    if (within(tokens, clauseStart(tokens, at), at, model.hypothetical)) rejections = Math.max(rejections, timesAfter(counts, tokens, end) ?? explicit ?? 1);
    else {
      // Rejections counted so far ("rejected twice already") are resubmissions to pay for too; a rejection told
      // without a count ("my last port was rejected") prices nothing.
      const counted = explicit ?? timesAfter(counts, tokens, end, 2);
      if (counted !== undefined) rejections = Math.max(rejections, counted);
    }
  }
  if (rejections > 0) facts.rejections = rejections;
  for (const { start: at, end } of occurrences(tokens, model.cancelWords)) {
    if (within(tokens, at - 3, at, model.negation)) continue;
    if (within(tokens, end, end + 4, model.notCancelObjects)) continue;
    if (within(tokens, end, end + 4, model.cancelObjects) || within(tokens, at - 2, at, [["port"], ["porting"]])) {
      facts.cancel = true;
      break;
    }
  }
  return facts;
}
