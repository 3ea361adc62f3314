// One locale each rather than the package's index, which loads every language chrono knows (seconds at start-up).
import * as en from "chrono-node/en";
import * as es from "chrono-node/es";
import * as fr from "chrono-node/fr";
import { addDays, daysBetween, referenceOf, utcDateOf, weekdayIndex, weekdayOf, type IsoDate } from "../calendar/dates.js";
import { nextBusinessDay } from "../calendar/business-days.js";
import { holidaysIn, type HolidayCalendar } from "../calendar/holidays.js";
import type { Language } from "../answer/result.js";
import { findPhrase, fold, tokenize } from "./text.js";

const PARSERS: Record<Language, typeof en.casual> = { en: en.casual, fr: fr.casual, es: es.casual };

/** "the 25th", "le 14", "el 3": a day of the month, with an optional weekday before it ("Monday the 25th"). */
/** "on 3rd", "submit 3rd": the day of the month without "the", right after a word that dates the order. */
const DAY_OF_MONTH = /\b(?:(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?(?:(?:on\s+)?the\s+|(?<=\b(?:on|by|submit|submitting|send|sending|file|filing)\s+))(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|try|tries|attempt|attempts|time|times|round)\b)/i;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoOf(year: number, month: number, day: number): IsoDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** The next (or, in the past, the last) date with this day of the month, and this weekday when one is named. */
function dayOfMonth(today: IsoDate, day: number, weekday: string | undefined, past: boolean): IsoDate | undefined {
  const [y, m] = today.split("-").map(Number) as [number, number];
  for (let k = 0; k < 24; k++) {
    const offset = past ? -k : k;
    const month = ((m - 1 + offset) % 12 + 12) % 12 + 1;
    const year = y + Math.floor((m - 1 + offset) / 12);
    const date = isoOf(year, month, day);
    if (!date || (past ? date > today : date < today)) continue;
    if (weekday && weekdayIndex(weekdayOf(date)) !== weekdayIndex(fullWeekday(weekday))) continue;
    return date;
  }
  return undefined;
}

/**
 * A weekday named before a date in digits ("Mon 12/7", "lun 7/12"): the month-first or the day-first reading, whichever
 * falls on that weekday. The weekday settles what the message's language would only guess ("mon" is French for "my").
 */
const WEEKDAY_AND_NUMBERS = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mie|jue|vie|sab|dom)(?:[a-z]*)\.?,?\s+(\d{1,2})\/(\d{1,2})(?![\/\d])/;
const WEEKDAYS_BY_LANGUAGE = [
  ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
  ["dim", "lun", "mar", "mer", "jeu", "ven", "sam"],
  ["dom", "lun", "mar", "mie", "jue", "vie", "sab"],
];

function weekdayAndNumbers(today: IsoDate, weekday: string, first: number, second: number, past: boolean): IsoDate | undefined {
  const index = WEEKDAYS_BY_LANGUAGE.map((names) => names.indexOf(weekday.slice(0, 3))).find((i) => i >= 0);
  if (index === undefined) return undefined;
  const year = Number(today.slice(0, 4));
  const candidates = [
    [first, second],
    [second, first],
  ].flatMap(([month, day]) => [year - 1, year, year + 1].map((y) => isoOf(y, month!, day!)).filter((d): d is IsoDate => d !== undefined));
  const onDay = candidates.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === index).sort();
  return past ? onDay.filter((d) => d <= today).at(-1) : onDay.find((d) => d >= today);
}

function fullWeekday(short: string): string {
  const names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  return names.find((n) => n.startsWith(short.toLowerCase().slice(0, 3)))!;
}

/** A weekday named alone, in English, French or Spanish (folded): "monday", "on fri", "lundi", "el lunes". */
const BARE_WEEKDAY = /^(?:on |le |el )?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo)$/;

/**
 * A day and month said with a past word but no year, this few days ahead, is the coming one ("submitted on January 8"
 * said on December 21, "the LOA gets submitted jan 8th"): an order still being priced did not go in a year ago.
 */
const COMING_WITHIN_DAYS = 31;
/** Someone told as having done it ("we submitted it on March 20", "it was sent"): then the day is in the past. */
const TOLD_AS_DONE = /\b(?:we|i|they|he|she|was|were|has|have|had|already)\s+(?:\w+\s+)?(?:submitted|sent|filed|placed|put)\b/i;

/** How a date counted from today opens, in English, French and Spanish (folded). */
const FROM_TODAY = /^(?:in|within|today|tonight|tomorrow|next|dans|aujourdhui|demain|prochain|en|hoy|manana|proximo)\b/;

/** "30 days", "about 3 weeks", "two weeks": a length of time, which "in" or "from now" would make a date. */
const LENGTH_OF_TIME = /^(?:(?:about|around|roughly|almost|nearly|over|for|environ|unos|unas)\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few)\s*(?:days?|weeks?|months?|jours?|semaines?|mois|dias?|semanas?|meses?)$/;

/**
 * Whether the words a parser read are a date: not a length of time ("30 days notice" is no date, "in 30 days" is),
 * nor, in a message in another language, a short word the English parser takes for a weekday ("mon" is French for
 * "my").
 */
function isDate(words: string, foreign: boolean): boolean {
  const folded = fold(words.trim());
  if (LENGTH_OF_TIME.test(folded)) return false;
  return !(foreign && /^\p{L}{1,3}$/u.test(folded));
}

export interface DateReading {
  date: IsoDate;
  /** The words the date was read from. */
  text: string;
  /** The words around it speak of the past ("we submitted it on Monday"). */
  past: boolean;
}

/** Short forms and phrases a date parser does not know, and what they are written out as ("tmrw", "end of the week"). */
export type DateWords = Array<{ pattern: RegExp; replacement: string }>;

export function dateWords(table: Record<string, string>): DateWords {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return Object.entries(table)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([phrase, replacement]) => ({
      // Words of a phrase may be split by spaces or hyphens ("apres-demain", "apres demain").
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${phrase.trim().split(/[\s-]+/).map(escape).join("[\\s-]+")}(?![\\p{L}\\p{N}])`, "giu"),
      replacement,
    }));
}

/** Words before a holiday's name that make it a day of the port ("on thanksgiving"), not a greeting ("merry christmas"). */
const HOLIDAY_LEAD = /(?:^|[^\p{L}])(?:on|before|after|by|over|around|until|till|for|from|through|past|el|le|du|de|en|avant|apres|après|pour|antes|despues|después|para|hasta)\s+(?:the\s+|la\s+|l'|el\s+)?$/iu;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The message with each holiday named ("thanksgiving", "canada day", "good friday") written as its date in the
 * holiday calendars, the place's calendar first: the coming one, or the last one when the words around it speak of
 * the past ("we submitted on thanksgiving").
 */
export function spellHolidays(names: DateWords, text: string, today: IsoDate, calendars: HolidayCalendar[], cues: TenseCues): string {
  const year = Number(today.slice(0, 4));
  return names.reduce(
    (t, { pattern, replacement: name }) =>
      t.replace(pattern, (whole: string, index: number) => {
        if (!HOLIDAY_LEAD.test(t.slice(Math.max(0, index - 20), index))) return whole;
        const past = saidInPast(t, index, whole.length, cues);
        for (const calendar of calendars) {
          const days = [year - 1, year, year + 1]
            .flatMap((y) => holidaysIn(calendar, y))
            .filter((h) => !h.observed && h.name.toLowerCase().startsWith(name.toLowerCase()))
            .map((h) => h.date);
          const date = past ? days.filter((d) => d <= today).at(-1) : days.find((d) => d >= today);
          if (date) return spelled(date);
        }
        return whole;
      }),
    text,
  );
}

export interface BusinessDayWords {
  next: DateWords;
  afterHolidays: DateWords;
  /** MM-DD from which "after the holidays" names the days after the year-end holidays. */
  afterHolidaysFrom: string;
}

/** Writes a date as the date parser reads it unambiguously: "January 4, 2027". */
function spelled(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/**
 * The message with days said in business days written as dates, on the holiday calendar given: "next business day" is
 * the first business day after today; "after the holidays", said from late December until the first business day of
 * the new year, is that day. Said at another time of year, "after the holidays" names no day (the day is asked).
 */
export function spellBusinessDays(words: BusinessDayWords, text: string, today: IsoDate, holidays: HolidayCalendar): string {
  const calendar = { holidays };
  const next = words.next.reduce((t, w) => t.replace(w.pattern, () => spelled(nextBusinessDay(calendar, addDays(today, 1)))), text);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const newYear = nextBusinessDay(calendar, `${month === 12 ? year + 1 : year}-01-02`);
  const season = month === 12 ? today.slice(5) >= words.afterHolidaysFrom : today < newYear;
  return season ? words.afterHolidays.reduce((t, w) => t.replace(w.pattern, () => spelled(newYear)), next) : next;
}

/** The message with the short forms and phrases of `words` written out, ready for the date parser. */
export function spellDates(words: DateWords, text: string): string {
  return words.reduce((t, w) => t.replace(w.pattern, w.replacement), text);
}

export interface TenseCues {
  /** Words saying a date is in the past ("submitted", "last"). */
  past: string[][];
  /** Words making what follows a condition ("if submitted on the 12th" is still to come). */
  hypothetical: string[][];
}

/** Whether the words just before a date, or the date's own words, speak of the past ("submitted on", "last"), not as a condition. */
function saidInPast(text: string, index: number, length: number, cues: TenseCues): boolean {
  const all = tokenize(text.slice(0, index));
  const offset = Math.max(0, all.length - 5);
  const words = [...all, ...tokenize(text.slice(index, index + length))];
  return cues.past.some((cue) => {
    const found = findPhrase(words, cue, { typos: false, from: offset });
    if (!found) return false;
    // The condition may open the clause before the window the cue is looked for in: "if I put in the order Thursday".
    const lead = words.slice(Math.max(0, found.start - 3), found.start);
    return !cues.hypothetical.some((h) => findPhrase(lead, h, { typos: false }) !== undefined);
  });
}

/**
 * The first date a message names, relative to `today` (already read on the right clock): "next monday", "5/20",
 * "tomorrow", "in two days", "Monday the 25th", "on the 1st". Dates are read forwards ("friday" is the coming one)
 * unless the words around them speak of the past ("we submitted it last friday", "went in on Monday").
 */
/** Days of the month in words, said as "on the first", "on the 21st" written out. */
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
const TENS_ORDINAL = /^(?:twenty|thirty)[\s-]+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$|^thirtieth$/;

function ordinalDay(word: string): number | undefined {
  const simple = ORDINALS.indexOf(word);
  if (simple >= 0) return simple + 1;
  const tens = TENS_ORDINAL.exec(word);
  if (!tens) return undefined;
  if (!tens[1]) return 30;
  return (word.startsWith("thirty") ? 30 : 20) + ORDINALS.indexOf(tens[1]) + 1;
}

/** "on the first", "Monday the twenty-second": written as digits ("on the 1st") when a clause or "of" follows, so "on the first try" is no date. */
function ordinalsAsDigits(text: string): string {
  return text.replace(
    /\b((?:on|by|for|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?)\s+the\s+)((?:twenty|thirty)[\s-]+[a-z]+|[a-z]+)(?=\s*(?:$|[,.;!?)]|of\b|and\b|at\b|but\b|so\b|if\b|when\b|how\b|what\b))/gi,
    (whole, lead: string, word: string) => {
      const day = ordinalDay(word.toLowerCase());
      return day === undefined ? whole : `${lead}${day}${day % 10 === 1 && day !== 11 ? "st" : day % 10 === 2 && day !== 12 ? "nd" : day % 10 === 3 && day !== 13 ? "rd" : "th"}`;
    },
  );
}

export function readDate(text: string, today: IsoDate, language: Language, cues: TenseCues): DateReading | undefined {
  text = ordinalsAsDigits(text);
  const day = DAY_OF_MONTH.exec(text);
  if (day) {
    const past = saidInPast(text, day.index, day[0].length, cues);
    const date = dayOfMonth(today, Number(day[2]), day[1], past);
    if (date) return { date, text: day[0], past };
  }
  const numeric = WEEKDAY_AND_NUMBERS.exec(fold(text));
  if (numeric) {
    const past = saidInPast(text, numeric.index, numeric[0].length, cues);
    const date = weekdayAndNumbers(today, numeric[1]!, Number(numeric[2]), Number(numeric[3]), past);
    if (date) return { date, text: text.slice(numeric.index, numeric.index + numeric[0].length), past };
  }
  const reference = referenceOf(today);
  // The message's language first, then the others: a short reply ("demain", "mañana") is often read as English.
  const languages = [language, ...(Object.keys(PARSERS) as Language[]).filter((l) => l !== language)];
  for (const parser of languages.map((l) => PARSERS[l])) {
    const foreign = parser !== PARSERS[language];
    const dated = (forwardDate: boolean) => parser.parse(text, reference, { forwardDate }).find((r) => (r.start.isCertain("day") || r.start.isCertain("weekday")) && isDate(r.text, foreign));
    let result = dated(true);
    if (!result) continue;
    // "in two days", "tomorrow", "today", "next week" are what they say whatever the verb around them.
    const inPast = !FROM_TODAY.test(fold(result.text.trim())) && saidInPast(text, result.index, result.text.length, cues);
    if (inPast) result = dated(false) ?? result;
    const date = result.start.date();
    const iso = utcDateOf(date);
    // A day named in the past is never later than today: "went in on Friday" said on a Thursday is last week's,
    // "submitted on June 12" said in April last year's.
    // "submitting Monday" said on a Monday is next week's: today would be "today".
    if (!inPast && iso === today && BARE_WEEKDAY.test(fold(result.text.trim()).replace(/[^\p{L}\s]+$/u, ""))) return { date: addDays(iso, 7), text: result.text, past: false };
    if (!inPast || iso <= today) return { date: iso, text: result.text, past: inPast };
    if (!result.start.isCertain("day")) return { date: addDays(iso, -7), text: result.text, past: true };
    if (daysBetween(today, iso) <= COMING_WITHIN_DAYS && !TOLD_AS_DONE.test(text.slice(0, result.index))) return { date: iso, text: result.text, past: false };
    return { date: isoOf(date.getUTCFullYear() - 1, date.getUTCMonth() + 1, date.getUTCDate()) ?? iso, text: result.text, past: true };
  }
  return undefined;
}
