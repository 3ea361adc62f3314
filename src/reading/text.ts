/** One word of a message: as typed, and folded (lower case, no accents, no apostrophes). */
export interface Token {
  raw: string;
  word: string;
  /** Index of the first character in the message. */
  at: number;
  /** A comma, "+", "(" or other punctuation came right before it: a clause or list boundary. */
  afterBreak: boolean;
  /** Inside brackets: "2 toll free (a 1-800 and a 1-866)". */
  bracketed?: true;
}

/** Lower case, accents and apostrophes removed: "Québec" → "quebec", "doesn't" → "doesnt". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’`]/g, "");
}

const ELISION = /^((?:[cdjlmnst]|qu))['’](?=\p{L})/iu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let depth = 0;
  // A minus sign right before a number is kept ("-2 fax numbers"); a hyphen inside "1-800" or "e-fax" is not. A number
  // with thousands separators is one word ("1,200").
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])-\d+|(?<![\p{L}\p{N},])\d{1,3}(?:,\d{3})+(?![\p{L}\p{N}]|,\d)|[\p{L}\p{N}'’`]+/gu)) {
    const between = text.slice(last, match.index);
    for (const c of between) depth = c === "(" || c === "[" ? depth + 1 : c === ")" || c === "]" ? Math.max(0, depth - 1) : depth;
    last = match.index + match[0].length;
    // A French elision is two words: "d'une" is "d" and "une", "j'envoie" "j" and "envoie".
    const elided = ELISION.exec(match[0]);
    const parts = elided ? [{ text: elided[1]!, at: match.index }, { text: match[0].slice(elided[0].length), at: match.index + elided[0].length }] : [{ text: match[0], at: match.index }];
    parts.forEach((part, k) => {
      const word = fold(part.text).replace(/(?<=\d),(?=\d)/g, "");
      if (!word) return;
      tokens.push({ raw: part.text.replace(/['’`]/g, "").replace(/(?<=\d),(?=\d)/g, ""), word, at: part.at, afterBreak: k === 0 && /[,;:+()/&.!?\-–—]/.test(between), ...(depth > 0 ? { bracketed: true as const } : {}) });
    });
  }
  return tokens;
}

/** The folded words of a phrase written in a data file. */
export function words(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.word);
}

/** Edit distance (insert, delete, substitute, swap two neighbours), stopping once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed in a word of this length: none below 5 letters ("five" is no "live"), one up to 7, two from 8. */
function allowed(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Whether a typed word is the phrase's word: the same, a typo of it, or (for a stem of 4 letters or more, such as
 * "reject" or "rechaz") one of its longer forms. Numbers match only themselves.
 */
export function sameWord(typed: string, expected: string, stems: boolean, typos = true): boolean {
  if (typed === expected) return true;
  if (/\d/.test(typed) || /\d/.test(expected)) return false;
  if (stems && expected.length >= 4 && typed.startsWith(expected)) return true;
  if (!typos) return false;
  return editDistance(typed, expected, allowed(Math.min(typed.length, expected.length))) <= allowed(Math.min(typed.length, expected.length));
}

export interface Found {
  start: number;
  /** One past the last token. */
  end: number;
}

/**
 * Where the phrase's words occur in order in the tokens, with at most `gap` other words between two of them; the
 * first such place at or after `from`.
 */
export function findPhrase(tokens: Token[], phrase: string[], options: { gap?: number; stems?: boolean; from?: number; typos?: boolean } = {}): Found | undefined {
  const { gap = 0, stems = false, from = 0, typos = true } = options;
  if (phrase.length === 0) return undefined;
  for (let start = from; start < tokens.length; start++) {
    if (!sameWord(tokens[start]!.word, phrase[0]!, stems, typos)) continue;
    let at = start;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) {
      ok = false;
      for (let next = at + 1; next <= at + 1 + gap && next < tokens.length; next++) {
        if (sameWord(tokens[next]!.word, phrase[k]!, stems, typos)) {
          at = next;
          ok = true;
          break;
        }
      }
    }
    if (ok) return { start, end: at + 1 };
  }
  return undefined;
}

/** Every place the phrase occurs, left to right, none overlapping the one before. */
export function* everyPhrase(tokens: Token[], phrase: string[], options: { gap?: number; stems?: boolean; typos?: boolean } = {}): Generator<Found> {
  for (let from = 0; from < tokens.length; ) {
    const found = findPhrase(tokens, phrase, { ...options, from });
    if (!found) return;
    yield found;
    from = found.end;
  }
}

/** Every phrase of the list that occurs, as word lists. */
export function anyPhrase(tokens: Token[], phrases: string[][], options: { gap?: number; stems?: boolean } = {}): Found | undefined {
  for (const phrase of phrases) {
    const found = findPhrase(tokens, phrase, options);
    if (found) return found;
  }
  return undefined;
}
