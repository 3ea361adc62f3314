import type { NumberKind, NumberKindsFile } from "../knowledge/schema.js";
import { sameWord, words, type Token } from "./text.js";

export interface CountModel {
  kinds: Array<{ kind: NumberKind; words: string[] }>;
  numberWords: string[][];
  notKinds: Set<string>;
  /** Words after which digits are an identifier, not a count. */
  identifiers: Set<string>;
  restating: string[][];
  /** "of them": after a count, numbers of no kind. */
  referring: string[][];
  /** Words before a kind said again that speak of the number already named ("the cell"). */
  again: Set<string>;
  each: string[][];
  /** Every word worth a count on its own. */
  counts: Map<string, number>;
  /** The words of `counts` that may be part of a longer count ("twenty five"). */
  numerals: Map<string, number>;
  multipliers: Map<string, number>;
  joiners: Set<string>;
  /** Words around a count that only say it is rough ("about", "or so"). */
  approximate: string[][];
  phrases: Array<{ words: string[]; count: number }>;
  times: Array<{ words: string[]; count: number }>;
}

export function countModel(file: NumberKindsFile): CountModel {
  const byLength = <T extends { words: string[] }>(list: T[]) => list.sort((a, b) => b.words.length - a.words.length);
  return {
    kinds: byLength(Object.entries(file.kinds).flatMap(([kind, phrases]) => phrases.map((p) => ({ kind: kind as NumberKind, words: words(p) })))),
    numberWords: file.number_words.map(words).sort((a, b) => b.length - a.length),
    notKinds: new Set(file.not_kinds.flatMap(words)),
    identifiers: new Set(file.identifiers.flatMap(words)),
    restating: file.restating.map(words),
    referring: file.referring.map(words).sort((a, b) => b.length - a.length),
    again: new Set(file.again.flatMap(words)),
    each: file.each.map(words),
    counts: new Map([...Object.values(file.counts).flatMap((table) => Object.entries(table)), ...Object.entries(file.multipliers)]),
    numerals: new Map(Object.values(file.counts).flatMap((table) => Object.entries(table)).filter(([w]) => !file.alone.includes(w))),
    multipliers: new Map(Object.entries(file.multipliers)),
    joiners: new Set(file.joiners.flatMap(words)),
    approximate: file.approximate.map(words).sort((a, b) => b.length - a.length),
    phrases: byLength(Object.entries(file.count_phrases).map(([p, count]) => ({ words: words(p), count }))),
    times: byLength(Object.entries(file.times).map(([p, count]) => ({ words: words(p), count }))),
  };
}

/** A 3-digit number read as an area code, not a count ("my 514 number", "three 504 numbers"). */
export type IsAreaCode = (tokens: Token[], index: number) => boolean;

export interface CountFacts {
  numbers: Partial<Record<NumberKind, number>>;
  /** Kinds named without a count, in the plural ("my fax numbers"): their count is asked. */
  uncounted: NumberKind[];
  /** A count said with no kind ("4 numbers", or "five" alone). */
  count?: number;
  /** Kinds counted as one only because they were named in the singular ("a fax line", "local"). */
  defaulted: NumberKind[];
  /** Token indexes that were read as counts or kinds. */
  used: Set<number>;
}

function matchesAt(tokens: Token[], at: number, phrase: string[], typos = true): boolean {
  // Kinds and counts are short everyday words ("fixe", "file"): only words of 5 letters or more tolerate a typo.
  return phrase.every((w, k) => tokens[at + k] !== undefined && sameWord(tokens[at + k]!.word, w, false, typos && w.length >= 5));
}

/** "DID" is a kind only when written in capitals or the plural: the verb "did" is not. */
function kindWordOk(token: Token, phrase: string[]): boolean {
  return !(phrase.length === 1 && phrase[0] === "did") || token.raw === "DID";
}

/** The longest count of several words a compound count may have ("a hundred and twenty five"). */
const LONGEST_COUNT = 6;

/**
 * The value of the words from `start` to `end` read as one count of several words: "twenty five", "a hundred and
 * fifty", "two dozen", "2 dozen", "vingt et un", "treinta y cinco"; undefined when they are not one count.
 */
function compoundCount(model: CountModel, tokens: Token[], start: number, end: number, isAreaCode: IsAreaCode): number | undefined {
  let total = 0;
  let current = 0;
  for (let i = start; i < end; i++) {
    const word = tokens[i]!.word;
    if (model.joiners.has(word)) {
      if (i === start || i === end - 1) return undefined;
      continue;
    }
    const multiplier = model.multipliers.get(word);
    if (multiplier !== undefined) {
      if (i === start) return undefined;
      const base = current || 1;
      if (multiplier >= 1000) {
        total += base * multiplier;
        current = 0;
      } else current = base * multiplier;
      continue;
    }
    if (/^\d+$/.test(word)) {
      // Digits start a count and only a multiplier may follow them ("2 dozen").
      if (i !== start || isAreaCode(tokens, i) || !model.multipliers.has(tokens[i + 1]?.word ?? "")) return undefined;
      current = Number(word);
      continue;
    }
    const value = model.numerals.get(word);
    if (value === undefined) return undefined;
    // "a"/"one" starts a longer count only before a multiplier ("a hundred"), not "one two".
    if (i === start && value === 1 && !model.multipliers.has(tokens[i + 1]?.word ?? "")) return undefined;
    const tensAndUnits = value < 10 && current >= 10 && current % 10 === 0 && current % 100 !== 0;
    const afterHundreds = value < 100 && current > 0 && current % 100 === 0;
    const afterThousands = current === 0 && (i === start || total > 0);
    if (!(afterThousands || tensAndUnits || afterHundreds)) return undefined;
    current += value;
  }
  return total + current;
}

/** The count that ends right before `end` (exclusive): a digit, a word, a phrase or a count of several words; its start and value. */
function countEndingAt(model: CountModel, tokens: Token[], end: number, isAreaCode: IsAreaCode): { start: number; count: number } | undefined {
  for (let start = Math.max(0, end - LONGEST_COUNT); start < end - 1; start++) {
    const count = compoundCount(model, tokens, start, end, isAreaCode);
    // A known phrase inside wins: "half a dozen" is 6.
    const phrase = model.phrases.find((p) => end - p.words.length <= start && end - p.words.length >= 0 && matchesAt(tokens, end - p.words.length, p.words));
    if (count !== undefined && !phrase) return { start, count };
  }
  for (const phrase of model.phrases) {
    const start = end - phrase.words.length;
    if (start >= 0 && matchesAt(tokens, start, phrase.words)) return { start, count: phrase.count };
  }
  const token = tokens[end - 1];
  if (!token) return undefined;
  if (/^\d+$/.test(token.word) && !isAreaCode(tokens, end - 1)) return { start: end - 1, count: Number(token.word) };
  if (/^-\d+$/.test(token.word)) return { start: end - 1, count: Number(token.word) };
  // "5x DIDs", "x5", "10ish".
  const times = /^(?:(\d{1,4})(?:x|ish)|x(\d{1,4}))$/.exec(token.word);
  if (times) return { start: end - 1, count: Number(times[1] ?? times[2]) };
  const word = model.counts.get(token.word);
  return word === undefined ? undefined : { start: end - 1, count: word };
}

/** The count before a kind: right before it, or with up to three words between ("2 more toll free", "3 numéros de fax"). */
function countBefore(model: CountModel, tokens: Token[], start: number, used: Set<number>, isAreaCode: IsAreaCode): { start: number; count: number } | undefined {
  for (let end = start; end >= Math.max(0, start - 3); end--) {
    // Skipping the word at `end`: not one already read, and no punctuation between it and the kind.
    if (end < start && (used.has(end) || tokens[end + 1]!.afterBreak)) break;
    const found = countEndingAt(model, tokens, end, isAreaCode);
    if (found && ![...Array(end - found.start).keys()].some((k) => used.has(found.start + k))) return found;
  }
  return undefined;
}

/** A kind mention starting at `i`, the longest phrase first. */
function kindAt(model: CountModel, tokens: Token[], i: number): { kind: NumberKind; end: number } | undefined {
  // Words as written first: "faxes" is a fax, though one letter from the French "fixes". A word naming numbers of
  // no kind ("phone") is no typo of a kind ("iphone").
  for (const typos of [false, true]) {
    if (typos && (model.numberWords.some((w) => matchesAt(tokens, i, w, false)) || model.notKinds.has(tokens[i]?.word ?? ""))) break;
    for (const k of model.kinds) if (matchesAt(tokens, i, k.words, typos) && kindWordOk(tokens[i]!, k.words)) return { kind: k.kind, end: i + k.words.length };
  }
  return undefined;
}

/** Whether the message names telephone numbers in any words ("number", "lines", "cell"), counted or not. */
export function namesNumbers(model: CountModel, tokens: Token[]): boolean {
  return tokens.some((_, i) => numberWordAt(model, tokens, i) !== undefined);
}

function numberWordAt(model: CountModel, tokens: Token[], i: number): number | undefined {
  const phrase = model.numberWords.find((w) => matchesAt(tokens, i, w));
  return phrase ? i + phrase.length : undefined;
}

/** "of them" at `i`: where it ends. */
function referringAt(model: CountModel, tokens: Token[], i: number): number | undefined {
  const phrase = model.referring.find((w) => matchesAt(tokens, i, w, false));
  return phrase ? i + phrase.length : undefined;
}

const PLURAL = /s$/;
/** A count written after its kind: "x3". */
const TIMES_AFTER = /^x(\d{1,4})$/;
/** Words ending in "s" that are no plural. */
const SINGULAR = new Set(["frais", "gratis"]);

/**
 * Kinds of number and their counts: "half a dozen DIDs and one e-fax", "our 1-800 line", "three 504 numbers (two
 * landlines, one cell)". A kind said once in the singular ("a fax line", "my cell") is one number.
 */
export function readCounts(model: CountModel, tokens: Token[], areaCode: IsAreaCode): CountFacts {
  // Digits right after an identifier's word ("PON 88812", not "ticket: 7 numbers") are no more a count than an area code is.
  const isAreaCode: IsAreaCode = (all, i) => areaCode(all, i) || (/^\d+$/.test(all[i]!.word) && !all[i]!.afterBreak && model.identifiers.has(all[i - 1]?.word ?? ""));
  const numbers: Partial<Record<NumberKind, number>> = {};
  const uncounted: NumberKind[] = [];
  const defaulted: NumberKind[] = [];
  const used = new Set<number>();
  const mentions: Array<{ kind: NumberKind; start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; ) {
    const found = kindAt(model, tokens, i);
    if (!found) {
      i++;
      continue;
    }
    // "888 toll free", "toll free number": one mention of one kind.
    let end = found.end;
    for (let next = kindAt(model, tokens, end); next && next.kind === found.kind; next = kindAt(model, tokens, end)) end = next.end;
    const after = numberWordAt(model, tokens, end);
    mentions.push({ kind: found.kind, start: i, end: after ?? end });
    i = after ?? end;
  }
  for (const m of mentions) for (let i = m.start; i < m.end; i++) used.add(i);
  // "DID x5", "fax x2": a count written after its kind belongs to it, not to the kind that follows.
  const after = new Map<(typeof mentions)[number], number>();
  for (const m of mentions) {
    const times = TIMES_AFTER.exec(tokens[m.end]?.word ?? "");
    if (times && !tokens[m.end]!.afterBreak) {
      after.set(m, Number(times[1]));
      used.add(m.end);
    }
  }
  // Each counted mention of a kind, to tell numbers counted and then named one by one ("2 cells: a Fido cell and a Koodo cell").
  const itemized = new Map<NumberKind, Counted[]>();
  const itemize = (kind: NumberKind, item: Counted) => itemized.set(kind, [...(itemized.get(kind) ?? []), item]);
  for (const m of mentions) {
    const counted = after.get(m);
    if (counted !== undefined) {
      numbers[m.kind] = (numbers[m.kind] ?? 0) + counted;
      continue;
    }
    const last = tokens[m.end - 1]!.word;
    const plural = PLURAL.test(last) && !SINGULAR.has(last);
    const found = countBefore(model, tokens, m.start, used, isAreaCode);
    // "my fax numbers", "our cells": a word worth one before a plural is a possessive, not a count.
    // "Winnipeg 204 landline": three digits between a place's name and a kind said in the singular are an area code.
    const digits = found === undefined ? undefined : tokens[found.start]!;
    const areaCode = digits !== undefined && !plural && found!.start === m.start - 1 && /^[2-9]\d\d$/.test(digits.word) && !digits.afterBreak && /^\p{Lu}\p{Ll}/u.test(tokens[found!.start - 1]?.raw ?? "");
    const count = found && !areaCode && !(plural && found.count === 1 && !/\d/.test(tokens[found.start]!.word)) ? found : undefined;
    if (count) {
      for (let i = count.start; i < m.start; i++) used.add(i);
      if (!restates(model, tokens, m, count.start, numbers)) {
        const each = eachOf(model, tokens, m.end, used);
        numbers[m.kind] = (numbers[m.kind] ?? 0) + count.count * each;
        itemize(m.kind, { count: count.count * each, plural, start: count.start });
      }
      continue;
    }
    if (numbers[m.kind] !== undefined) {
      // "Fido cell + Koodo cell": a kind named again as one more item of a list is one more number.
      const previous = mentions[mentions.indexOf(m) - 1];
      if (!plural && previous && oneMoreItem(model, tokens, previous.end, m.start)) {
        numbers[m.kind] = numbers[m.kind]! + 1;
        itemize(m.kind, { count: 1, plural: false, start: previous.end });
        // Counted item by item, the kind is counted, not assumed.
        const at = defaulted.indexOf(m.kind);
        if (at >= 0) defaulted.splice(at, 1);
      }
      continue;
    }
    if (plural) {
      if (!uncounted.includes(m.kind)) uncounted.push(m.kind);
    } else {
      numbers[m.kind] = 1;
      defaulted.push(m.kind);
    }
  }
  for (const [kind, counted] of itemized) if (namedAgainOneByOne(tokens, counted)) numbers[kind] = counted[0]!.count;
  const facts: CountFacts = { numbers, uncounted: uncounted.filter((k) => numbers[k] === undefined), defaulted, used };
  const counted = Object.keys(numbers).length > 0;
  if (mentions.length === 0 || (!counted && facts.uncounted.length === 1)) {
    const count = countWithoutKind(model, tokens, isAreaCode, used);
    if (count !== undefined && mentions.length === 0) facts.count = count.count;
    else if (count !== undefined) {
      numbers[facts.uncounted[0]!] = count.count;
      facts.uncounted = [];
    }
  } else if (counted) {
    const bare = countWithoutKind(model, tokens, isAreaCode, used);
    const kinds = Object.keys(numbers) as NumberKind[];
    // "my 3 numbers, they're all fax": one kind named with no count of its own is the kind of the counted numbers.
    if (bare && kinds.length === 1 && defaulted.includes(kinds[0]!) && facts.uncounted.length === 0) {
      numbers[kinds[0]!] = bare.count;
      facts.defaulted = [];
    } else if (bare) addBareCount(model, tokens, facts, bare, mentions[0]!.start);
  }
  return facts;
}

/** The most words between two items of a list of numbers named by kind ("Fido cell, and Koodo cell"). */
const ITEM_GAP = 3;

/**
 * Whether the words from `from` to `to` (exclusive) open one more item of a list, after a comma, "+" or "and", and do
 * not speak again of a number already named ("a cell and a landline, the cell is with Rogers").
 */
function oneMoreItem(model: CountModel, tokens: Token[], from: number, to: number): boolean {
  // In brackets, kinds say again numbers counted before them: "2 toll free numbers (1-800 & 1-877)".
  if (to - from > ITEM_GAP || !tokens[to] || tokens[to]!.bracketed) return false;
  const opening = tokens[from]!;
  if (!opening.afterBreak && !model.joiners.has(opening.word) && opening.word !== "plus") return false;
  return tokens.slice(from, to).every((t) => !model.again.has(t.word) && !/^\d+$/.test(t.word));
}

/** One counted mention of a kind: its count, whether the kind was said in the plural, and where its count starts. */
interface Counted {
  count: number;
  plural: boolean;
  start: number;
}

/** "2 cells: a Fido cell and a Koodo cell": a count of a kind, then as many of it named one by one after a break. */
function namedAgainOneByOne(tokens: Token[], [total, ...items]: Counted[]): boolean {
  return total!.plural && items.length >= 2 && items.length === total!.count && tokens[items[0]!.start]!.afterBreak && items.every((i) => i.count === 1 && !i.plural);
}

/** The most list items "each" may apply to, and the most words of one. */
const EACH_ITEMS = 6;
const EACH_ITEM_WORDS = 4;

/**
 * How many times a count said before `at` is to be taken when "each" follows it: once for each item of the list after
 * it ("from Fido and Koodo", "for Toronto, Ottawa and Kingston"), a list closed by "and"; 1 with no such list, or when
 * the list names kinds of its own.
 */
function eachOf(model: CountModel, tokens: Token[], at: number, used: Set<number>): number {
  const each = model.each.find((p) => matchesAt(tokens, at, p, false) && !tokens[at]!.afterBreak);
  if (!each) return 1;
  // An item names a place, a carrier or a person, never numbers: "3 faxes each, and a landline" lists no items.
  const countsNothing = (i: number) => !used.has(i) && !/^\d+$/.test(tokens[i]!.word) && !model.numerals.has(tokens[i]!.word);
  let items = 1;
  let words = 0;
  for (let i = at + each.length; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!countsNothing(i)) return 1;
    if (token.afterBreak && i > at + each.length) {
      items += 1;
      words = 0;
    }
    if (model.joiners.has(token.word)) {
      let end = i + 1;
      while (end < tokens.length && !tokens[end]!.afterBreak && end - i <= EACH_ITEM_WORDS) end++;
      const last = tokens.slice(i + 1, end).map((_, k) => i + 1 + k);
      return words > 0 && last.length > 0 && last.every(countsNothing) ? items + 1 : 1;
    }
    if (++words > EACH_ITEM_WORDS || items > EACH_ITEMS) return 1;
  }
  return 1;
}

/**
 * Whether a counted mention says again numbers already counted: in brackets after them ("2 toll free (a 1-800 and a
 * 1-866)"), or opened by a word that names them again ("we have 1 toll free, it's an 800 number").
 */
function restates(model: CountModel, tokens: Token[], mention: { kind: NumberKind; start: number }, countStart: number, numbers: CountFacts["numbers"]): boolean {
  if (numbers[mention.kind] === undefined) return false;
  if (tokens[countStart]!.bracketed) return true;
  return model.restating.some((p) => countStart - p.length >= 0 && p.every((w, k) => tokens[countStart - p.length + k]!.word === w));
}

/**
 * A count of no kind beside counted kinds. Said first as a total ("ten numbers, mostly landlines, two are fax",
 * "3 numbers: 2 DIDs and a fax"), what the kinds leave goes to the kind named without a count, or its kind is asked;
 * joined to them as one more item ("2 phone lines and 1 fax"), all of it is of a kind to ask.
 */
function addBareCount(model: CountModel, tokens: Token[], facts: CountFacts, bare: { count: number; start: number; end: number }, firstKind: number): void {
  const sum = Object.values(facts.numbers).reduce((a, b) => a + (b ?? 0), 0);
  const next = tokens[bare.end]?.word ?? "";
  const total = bare.start < firstKind && !(model.joiners.has(next) || next === "plus") && !joinedBefore(model, tokens, facts.used, firstKind);
  if (total && bare.count === sum) return;
  // "25 numbers, mostly local, a couple fax": the kind named alone in the singular has what the others leave.
  const [single] = facts.defaulted;
  if (total && single && facts.defaulted.length === 1 && facts.uncounted.length === 0 && bare.count - sum + 1 > 1) {
    facts.numbers[single] = bare.count - sum + 1;
    facts.defaulted = [];
    return;
  }
  const rest = total ? bare.count - sum : bare.count;
  if (rest <= 0) return;
  const [kind] = facts.uncounted;
  if (kind && facts.uncounted.length === 1) {
    facts.numbers[kind] = rest;
    facts.uncounted = [];
  } else facts.count = rest;
}

/**
 * Whether the counted kind at `at` is joined to what comes before it as one more item: "1 line from Kelowna and 1
 * fax" adds the fax, where "3 numbers: 2 DIDs and a fax" counts the numbers again by kind.
 */
function joinedBefore(model: CountModel, tokens: Token[], used: Set<number>, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && used.has(i) && !tokens[i + 1]!.afterBreak) i--;
  const word = tokens[i]?.word ?? "";
  return i < at - 1 && !tokens[i + 1]!.afterBreak && (model.joiners.has(word) || word === "plus");
}

/** "port 4 numbers", "two lines", or a reply that is only a count ("five", "a dozen", "12"); not words read as kinds. */
function countWithoutKind(model: CountModel, tokens: Token[], isAreaCode: IsAreaCode, used: Set<number>): { count: number; start: number; end: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    let end = numberWordAt(model, tokens, i) ?? referringAt(model, tokens, i);
    if (end === undefined) continue;
    // "phone lines": one mention.
    for (let more = numberWordAt(model, tokens, end); more !== undefined && !used.has(end); more = numberWordAt(model, tokens, end)) end = more;
    const count = countBefore(model, tokens, i, used, isAreaCode);
    const plural = PLURAL.test(tokens[end - 1]!.word);
    if (count && count.count > 0 && !(plural && count.count === 1 && !/\d/.test(tokens[count.start]!.word))) return { count: count.count, start: count.start, end };
  }
  const only = countEndingAt(model, tokens, tokens.length, isAreaCode);
  if (only && only.start === 0) return { count: only.count, start: 0, end: tokens.length };
  // A count said with words of approximation and nothing else: "about 10", "a dozen or so", "we have twelve".
  const approximate = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const phrase = model.approximate.find((p) => matchesAt(tokens, i, p, false));
    if (phrase) for (let k = 0; k < phrase.length; k++) approximate.add(i + k);
  }
  const kept = tokens.filter((_, i) => !approximate.has(i));
  if (approximate.size === 0 || kept.length === 0) return undefined;
  const rough = countEndingAt(model, kept, kept.length, isAreaCode);
  return rough && rough.start === 0 ? { count: rough.count, start: 0, end: tokens.length } : undefined;
}

/** "twice", "two times", "once": how many times, when said right after `at`. */
export function timesAfter(model: CountModel, tokens: Token[], at: number, window = 4): number | undefined {
  for (let i = at; i < Math.min(tokens.length, at + window); i++) {
    for (const t of model.times) if (matchesAt(tokens, i, t.words)) return t.count;
    if (tokens[i + 1] && /^(?:times?|fois|veces)$/.test(tokens[i + 1]!.word)) {
      const n = /^\d+$/.test(tokens[i]!.word) ? Number(tokens[i]!.word) : model.counts.get(tokens[i]!.word);
      if (n !== undefined) return n;
    }
  }
  return undefined;
}

/** "2 rejections", "two resubmissions": a count right before `at`. */
export function countRightBefore(model: CountModel, tokens: Token[], at: number): number | undefined {
  // "rejected once, resubmitting": "once" says how many times the word before happened (and is no Spanish 11).
  if (model.times.some((t) => at - t.words.length >= 0 && matchesAt(tokens, at - t.words.length, t.words, false))) return undefined;
  const found = countEndingAt(model, tokens, at, () => false);
  return found && found.start >= at - 2 ? found.count : undefined;
}
