import type { NumberKind } from "../knowledge/schema.js";
import { countryPhrases, resolveCountry, type CountryChoice } from "./country.js";
import { addDays, weekdayIndex, weekdayOf, type IsoDate } from "../calendar/dates.js";
import { Count, SubmissionDate, totalNumbers, type EstimateDraft, type EstimateField, type FieldProblem } from "./input.js";

/** What a free-text request says, and what must still be asked. */
export interface ParsedRequest {
  draft: EstimateDraft;
  /** Kinds named without a count ("my fax numbers"): the count is asked. */
  uncounted: NumberKind[];
  /** A count said without a kind ("4 numbers"): it goes to the kind the customer then picks. */
  count?: number;
  missing: EstimateField[];
  /** Things said that cannot be used ("-2 fax numbers", "February 30"). */
  problems: FieldProblem[];
  /** Whether the question is about money, dates, or both. */
  wants: { fees: boolean; dates: boolean };
}

const KIND_PATTERNS: Array<[NumberKind, string]> = [
  ["toll-free", "toll[\\s-]?free|tfn?"],
  ["wireless", "cell(?:ular)?(?:\\s?phones?)?|cells|mobiles?|wireless"],
  ["fax", "e?fax(?:es)?"],
  ["local", "local|land\\s?lines?|geographic(?:al)?|dids?"],
];

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, twenty: 20, fifty: 50, hundred: 100,
};

const COUNT = `(-?\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join("|")})`;
/** Up to two words between a count and a kind: "2 more toll free", "a canadian cell". */
const FILLER = "(?:[a-z.']+\\s+){0,2}?";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

function countOf(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

function findNumbers(text: string, problems: FieldProblem[]): { numbers: Partial<Record<NumberKind, number>>; uncounted: NumberKind[] } {
  const numbers: Partial<Record<NumberKind, number>> = {};
  const uncounted: NumberKind[] = [];
  for (const [kind, pattern] of KIND_PATTERNS) {
    const counted = new RegExp(`(?:^|[^\\w.-])${COUNT}\\s+${FILLER}(?:${pattern})\\b`, "g");
    let found = false;
    for (const match of text.matchAll(counted)) {
      found = true;
      const checked = Count.safeParse(countOf(match[1]!));
      if (checked.success) numbers[kind] = (numbers[kind] ?? 0) + checked.data;
      else problems.push({ field: kind, message: checked.error.issues[0]!.message });
    }
    if (found) continue;
    const named = new RegExp(`\\b(?:${pattern})\\b(?:\\s+(numbers|lines|number|line))?`).exec(text);
    if (!named) continue;
    if (named[1] === "number" || named[1] === "line") numbers[kind] = 1;
    else uncounted.push(kind);
  }
  return { numbers, uncounted };
}

/** "port 4 numbers", "2 phone lines": a count with no kind, when no kind is named anywhere. */
function findCountWithoutKind(text: string): number | undefined {
  const match = new RegExp(`(?:^|[^\\w.-])${COUNT}\\s+(?:(?:phone|telephone)\\s+)?(?:numbers?|lines?)\\b`).exec(text);
  const checked = match ? Count.safeParse(countOf(match[1]!)) : undefined;
  return checked?.success && checked.data > 0 ? checked.data : undefined;
}

let phrasePattern: RegExp | undefined;

function findCountry(original: string, text: string): CountryChoice | undefined {
  // Upper-case codes only: "us" and "ca" in lower case are ordinary words.
  if (/(?:^|[^\w$])(?:US|USA|U\.S\.(?:A\.)?)(?=$|[^\w$])/.test(original)) return { country: "US" };
  if (/(?:^|[^\w$])CA(?=$|[^\w$])/.test(original)) return { country: "CA" };
  phrasePattern ??= new RegExp(
    `\\b(${countryPhrases()
      .sort((a, b) => b.length - a.length)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|")})\\b`,
  );
  const match = phrasePattern.exec(text);
  return match ? resolveCountry(match[1]!) : undefined;
}

function nextWeekday(today: IsoDate, weekday: number, strictlyAfter: boolean): IsoDate {
  for (let offset = strictlyAfter ? 1 : 0; ; offset++) {
    const day = addDays(today, offset);
    if (weekdayIndex(weekdayOf(day)) === weekday) return day;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The next date with this month and day, this year or next; may not exist (February 30). */
function monthDay(today: IsoDate, month: string, day: number, year?: string): string {
  const m = MONTHS.indexOf(month.slice(0, 3)) + 1;
  const thisYear = Number(today.slice(0, 4));
  const candidate = `${year ?? thisYear}-${pad(m)}-${pad(day)}`;
  return !year && candidate < today ? `${thisYear + 1}-${pad(m)}-${pad(day)}` : candidate;
}

function findDate(text: string, today: IsoDate): string | undefined {
  const iso = /\b(\d{4}-\d{1,2}-\d{1,2})\b/.exec(text);
  if (iso) return iso[1];
  const monthFirst = new RegExp(`\\b${MONTH}\\.?\\s+${DAY}\\b(?:,?\\s+(\\d{4}))?`).exec(text);
  if (monthFirst) return monthDay(today, monthFirst[1]!, Number(monthFirst[2]), monthFirst[3]);
  const dayFirst = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(\\d{4}))?`).exec(text);
  if (dayFirst) return monthDay(today, dayFirst[2]!, Number(dayFirst[1]), dayFirst[3]);
  if (/\btoday\b|\bright now\b/.test(text)) return today;
  if (/\btomorrow\b/.test(text)) return addDays(today, 1);
  const weekday = /\b(next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(text);
  if (weekday) return nextWeekday(today, weekdayIndex(weekday[2]!), Boolean(weekday[1]));
  return undefined;
}

/** A submission day as typed: "friday", "tomorrow", "Dec 22", "2026-12-22"; may name a day that does not exist. */
export function parseDateText(text: string, today: IsoDate): string | undefined {
  return findDate(` ${text.toLowerCase().replace(/\s+/g, " ")} `, today);
}

function findRejections(text: string, problems: FieldProblem[]): number | undefined {
  const counted = new RegExp(`(?:^|\\s)${COUNT}\\s+(?:more\\s+)?(?:rejections?|resubmissions?)\\b`).exec(text);
  if (counted) {
    const checked = Count.safeParse(countOf(counted[1]!));
    if (checked.success) return checked.data;
    problems.push({ field: "rejections", message: checked.error.issues[0]!.message });
    return undefined;
  }
  if (/\brejected twice\b/.test(text)) return 2;
  if (/\b(?:rejected|rejection|resubmi\w*)\b/.test(text)) return 1;
  return undefined;
}

/**
 * "how much to port 3 fax numbers and 2 toll free", "how long for a canadian cell number if i submit friday":
 * what the text says about the order, with relative dates resolved against `today`.
 */
export function parseEstimateText(text: string, today: IsoDate): ParsedRequest {
  const lower = ` ${text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ")} `;
  const problems: FieldProblem[] = [];
  const draft: EstimateDraft = {};

  const { numbers, uncounted } = findNumbers(lower, problems);
  if (Object.keys(numbers).length > 0) draft.numbers = numbers;

  const country = findCountry(text, lower);
  if (country) {
    draft.country = country.country;
    if (country.place) draft.place = country.place;
  }

  const date = findDate(lower, today);
  if (date !== undefined) {
    const checked = SubmissionDate.safeParse(date);
    if (checked.success) draft.submitted = checked.data;
    else problems.push({ field: "submitted", message: checked.error.issues[0]!.message });
  }

  if (/\bexpedit\w*/.test(lower)) draft.expedite = true;
  if (/\bcancel\w*/.test(lower)) draft.cancel = true;
  const rejections = findRejections(lower, problems);
  if (rejections !== undefined) draft.rejections = rejections;

  const fees = /\b(how much|costs?|price|prices|fees?|charged?|charges|pay|quote)\b/.test(lower);
  const dates = /\b(how long|when|time|timing|takes?|days?|weeks?|dates?|done|complete\w*|finish\w*|ready|timeline)\b/.test(lower);
  const wants = fees || dates ? { fees, dates } : { fees: true, dates: true };

  const count = Object.keys(numbers).length === 0 && uncounted.length === 0 ? findCountWithoutKind(lower) : undefined;
  return { draft, uncounted, ...(count ? { count } : {}), missing: missingFields(draft, uncounted, wants.dates), problems, wants };
}

/** The fields still to ask: the submission date only when dates were asked about (fees use today). */
export function missingFields(draft: EstimateDraft, uncounted: NumberKind[], needsDate: boolean): EstimateField[] {
  const missing: EstimateField[] = [];
  if (uncounted.length > 0 || totalNumbers(draft.numbers) === 0) missing.push("numbers");
  if (!draft.country) missing.push("country");
  if (needsDate && !draft.submitted) missing.push("submitted");
  return missing;
}
