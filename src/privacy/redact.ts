/**
 * Customer identifiers (phone numbers, PINs, passwords, account numbers, IMEIs, e-mail addresses) are replaced by
 * placeholders before a question is matched, logged, stored or repeated back. This is the one place that masks.
 *
 * Every step is a single left-to-right scan (no backtracking pattern runs over unbounded text), so the cost is
 * linear in the length of the text whatever it holds.
 */

export type Identifier = "email" | "imei" | "phone" | "account" | "pin" | "password" | "number";

/** The placeholders redact() writes, for code that must skip them (they say nothing about a topic). */
export const PLACEHOLDER = /\[(?:email|imei|phone|account|pin|password|number)\]/g;

interface Span {
  start: number;
  end: number;
  kind: Identifier;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses: found from each "@", extended left over local-part characters and right over domain labels.

const LOCAL_CHAR = /[\p{L}\p{N}\p{M}._%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}\p{M}-]/u;

function emails(text: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > floor && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at) continue;
    // Domain: labels separated by single dots; the last must be 2+ letters.
    let end = at + 1;
    let labels = 0;
    let lastLabel = "";
    for (;;) {
      let labelEnd = end;
      while (labelEnd < text.length && DOMAIN_CHAR.test(text[labelEnd]!)) labelEnd++;
      if (labelEnd === end) break;
      labels++;
      lastLabel = text.slice(end, labelEnd);
      end = labelEnd;
      if (text[end] === "." && DOMAIN_CHAR.test(text[end + 1] ?? "")) end++;
      else break;
    }
    if (labels < 2 || !/^\p{L}{2,}$/u.test(lastLabel)) continue;
    spans.push({ start, end, kind: "email" });
    floor = end;
    at = end - 1;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------------------
// Digit runs: digits joined by short separators ("514 - 555 - 0199", "(438) 555 9876", "514/555/0199", "4 8 2 1").

interface Run {
  start: number;
  end: number;
  digits: string;
  /** The run as written, from its first digit (or "+" / "(") to its last digit. */
  raw: string;
  plus: boolean;
}

/** Between two digit groups: spaces, at most one of - . / and brackets, four characters at most. */
function separatorLength(text: string, from: number): number {
  let i = from;
  let marks = 0;
  while (i < text.length && i - from < 5) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\u00a0" || c === "(" || c === ")") i++;
    else if ((c === "-" || c === "." || c === "/" || c === "\u2013") && marks === 0) {
      marks++;
      i++;
    } else break;
  }
  return isDigit(text[i]) && i - from <= 4 ? i - from : 0;
}

function digitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    let start = i;
    if (text[start - 1] === "(" || text[start - 1] === "+") start--;
    const plus = text[start] === "+";
    let digits = "";
    let end = i;
    for (;;) {
      while (isDigit(text[end])) digits += text[end++];
      const gap = separatorLength(text, end);
      if (gap === 0) break;
      end += gap;
    }
    runs.push({ start, end, digits, raw: text.slice(start, end), plus });
    i = end;
  }
  return runs;
}

/** Dates and times are not identifiers: 2024-03-15, 2024/03/15, 15.03.2024, 12/25/2026, 3/15. */
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}(?:[-/.](?:\d{4}|\d{2}))?)$/;

function classifyRun(run: Run): Identifier | undefined {
  if (DATE.test(run.raw)) return undefined;
  const n = run.digits.length;
  if (run.plus && n >= 8 && n <= 15) return "phone";
  if (n === 15) return "imei";
  if (n === 10 || (n === 11 && run.digits.startsWith("1"))) return "phone";
  if (n < 6) return undefined;
  // "10 20 30 numbers": a short list of small counts.
  const groups = run.raw.split(/[^\d]+/).filter(Boolean);
  if (groups.length > 1 && groups.length < 4 && groups.every((g) => g.length <= 2)) return undefined;
  return "number";
}

// ---------------------------------------------------------------------------------------------------------------
// Labelled values: "my pin is 4 8 2 1", "the PIN for my port-out is 4821", "account number: AB-12345".

type Label = "pin" | "password" | "account" | "imei";

const LABELS = new Map<string, Label>([
  ...["pin", "nip", "passcode", "pincode"].map((w): [string, Label] => [w, "pin"]),
  ...["password", "passwd", "pwd", "contraseña", "clave"].map((w): [string, Label] => [w, "password"]),
  ...["account", "acct", "acc", "compte", "cuenta"].map((w): [string, Label] => [w, "account"]),
  ["imei", "imei"],
]);
/** Labels spelled over several words. */
const MULTI_WORD_LABELS: Array<[RegExp, Label]> = [[/(?<![\p{L}\p{N}])mot de passe(?![\p{L}\p{N}])/giu, "password"]];

/** How far after a label its value may be: "the PIN for my port-out is 4821" has four words in between. */
const LABEL_WINDOW_WORDS = 6;
const LABEL_WINDOW_CHARS = 80;

const WORD = /[\p{L}\p{N}\p{M}'’_#-]+|[:=]/gu;
/** A sentence ends between a label and what follows it ("PIN. 1234" is not a PIN); "1.5" is not an end. */
const SENTENCE_END = /[!?;]|\.(?!\d)/;

/** The label a word is ("PIN", "pin's", "acct#"), if any; only short words are looked at. */
function labelOf(word: string): Label | undefined {
  if (word.length > 16) return undefined;
  return LABELS.get(word.toLowerCase().replace(/(?:['’]s|[:#=]+)$/, ""));
}

function countDigits(s: string): number {
  let n = 0;
  for (const c of s) if (isDigit(c)) n++;
  return n;
}

/** `start`..`end` without the punctuation at either edge ("AB-12345," -> "AB-12345"). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && !isWordChar(text[start])) start++;
  while (end > start && !isWordChar(text[end - 1])) end--;
  return { start, end };
}

/** Whether the value after a label is one to mask: a PIN has 2+ digits, an account number 4+ characters with a digit. */
function isValue(label: Label, digits: number, length: number, afterMark: boolean): boolean {
  switch (label) {
    case "pin":
      return digits >= 2 || (afterMark && length >= 2);
    case "password":
      return digits >= 1 || afterMark;
    case "account":
      return digits >= 1 && length >= 4;
    case "imei":
      return digits >= 14;
  }
}

function labelledValues(text: string, runAt: Map<number, Run>): Span[] {
  const labels: Array<{ end: number; label: Label }> = [];
  for (const match of text.matchAll(WORD)) {
    const label = labelOf(match[0]);
    if (label && !isWordChar(text[match.index - 1])) labels.push({ end: match.index + match[0].length, label });
  }
  for (const [phrase, label] of MULTI_WORD_LABELS) {
    for (const match of text.matchAll(phrase)) labels.push({ end: match.index + match[0].length, label });
  }
  const spans: Span[] = [];
  for (const { end, label } of labels) {
    const window = text.slice(end, end + LABEL_WINDOW_CHARS);
    let words = 0;
    let afterMark = false;
    let gapStart = 0;
    for (const match of window.matchAll(WORD)) {
      const word = match[0];
      const gap = window.slice(gapStart, match.index);
      gapStart = match.index + word.length;
      if (word === ":" || word === "=") {
        afterMark = true;
        continue;
      }
      // The value is in the same sentence, within a few words; another label ends the search.
      if (++words > LABEL_WINDOW_WORDS || SENTENCE_END.test(gap) || labelOf(word)) break;
      const start = end + match.index;
      const run = runAt.get(start);
      const digits = run ? run.digits.length : countDigits(word);
      if (digits === 0 && !afterMark) continue; // a filler word: "is", "for", "my", "number", "#"
      const value = trimmed(text, run ? Math.min(run.start, start) : start, run ? Math.max(run.end, start + word.length) : start + word.length);
      if (isValue(label, digits, value.end - value.start, afterMark)) spans.push({ ...value, kind: label });
      break;
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------------------

/** Full-width and other compatibility forms ("５１４", "ｊａｎｅ") read as their plain characters. */
function fold(text: string): string {
  return text.normalize("NFKC");
}

/**
 * The identifiers in `text` (already folded), in order. Spans are painted by precedence, digit runs first, then
 * labelled values, then e-mail addresses, so a later kind overwrites an earlier one where they overlap.
 */
function identifiers(text: string): Span[] {
  const runs = digitRuns(text);
  const runAt = new Map<number, Run>();
  for (const run of runs) {
    runAt.set(run.start, run);
    runAt.set(run.start + 1, run);
  }
  const layers: Span[] = [];
  for (const run of runs) {
    const kind = classifyRun(run);
    if (kind) layers.push({ start: run.start, end: run.end, kind });
  }
  layers.push(...labelledValues(text, runAt), ...emails(text));
  const owner = new Int32Array(text.length);
  layers.forEach((span, i) => owner.fill(i + 1, span.start, span.end));
  const spans: Span[] = [];
  for (let i = 0; i < text.length; ) {
    const id = owner[i]!;
    if (!id) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && owner[i] === id) i++;
    spans.push({ start, end: i, kind: layers[id - 1]!.kind });
  }
  return spans;
}

export function redact(text: string): string {
  const folded = fold(text);
  const spans = identifiers(folded);
  if (!spans.length) return folded;
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += `${folded.slice(at, span.start)}[${span.kind}]`;
    at = span.end;
  }
  return out + folded.slice(at);
}
