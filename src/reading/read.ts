import { getRegionCodeForCountryCode, parsePhoneNumber } from "awesome-phonenumber";
import type { IntentId, NumberKind, ReadingData, Country } from "../knowledge/schema.js";
import type { IsoDate } from "../calendar/dates.js";
import type { HolidayCalendar } from "../calendar/holidays.js";
import { detectLanguage } from "../answer/language.js";
import type { Language } from "../answer/result.js";
import { countModel, namesNumbers, readCounts, type CountFacts, type CountModel } from "./counts.js";
import { directionWords, readDirection, type DirectionWords } from "./direction.js";
import { dateWords, readDate, spellBusinessDays, spellDates, spellHolidays, type BusinessDayWords, type DateWords } from "./dates.js";
import type { Found, Token } from "./text.js";
import { cueIntent, guarded, intentModel, wholeIntent, type IntentModel } from "./intent.js";
import { expediteAsked, optionModel, readOptions, type OptionModel } from "./options.js";
import { isAreaCodeAt, placeModel, readPlace, type PlaceFacts, type PlaceModel } from "./place.js";
import { holdsAQuestion, looksLikeQuestion } from "./question-shape.js";
import { everyPhrase, findPhrase, tokenize, words } from "./text.js";

/** What a message asks for: one of the knowledge's intents, or a porting question for the answer engine. */
export type Intent = IntentId | "question";

/** What a message states about a port, in the estimate's terms. */
export interface Facts {
  numbers: Partial<Record<NumberKind, number>>;
  /** Kinds named without a count ("my fax numbers"). */
  uncounted: NumberKind[];
  /** A count with no kind ("4 numbers", or a reply of only "five"). */
  count?: number;
  /** Kinds counted as one only because they were named in the singular ("a fax line", or "local" alone). */
  defaulted: NumberKind[];
  country?: Country;
  /** A country outside the home markets, by its English name. */
  place?: string;
  /** The state or province named. */
  region?: string;
  ambiguousPlace?: PlaceFacts["ambiguous"];
  submitted?: IsoDate;
  /** The day the port must be done by ("need it within 7 days", "before Friday"): no submission day. */
  deadline?: IsoDate;
  direction?: "in" | "out";
  expedite?: boolean;
  rejections?: number;
  cancel?: boolean;
  /** The message corrects what was said before ("sorry I meant 3 not 30", "no wait, Canada"): its facts replace the order's. */
  correction?: boolean;
  /** Whether it asks about money, dates, or both. */
  wants: { fees: boolean; dates: boolean };
}

export interface Reading {
  intent: Intent;
  language: Language;
  facts: Facts;
  /** The message is a pasted rejection notice: the diagnosis reads its causes. */
  notice: boolean;
  /** The message names telephone numbers ("Toronto number", "my lines", "3 cells"), counted or not. */
  namesNumbers: boolean;
  /** The message says numbers move ("moving to Vancouver", "bring over", "portar"): `moving` in intents.yaml. */
  movesNumbers: boolean;
}

/**
 * Whether a message the answer engine has no answer for tells of numbers to port in from a place the estimate
 * prices ("Toronto number moving to Vancouver, 416"): told, not asked, it is the start of an estimate.
 */
export function tellsOfAnOrder(reading: Reading, text: string): boolean {
  const { facts } = reading;
  // "The number is a US number, it's in Texas" describes a number: with no move said and no count beyond one, it is
  // a bare fact, not an order.
  const counted = (facts.count ?? 0) + Object.values(facts.numbers).reduce((a, b) => a + (b ?? 0), 0) > 1;
  return (reading.movesNumbers || counted) && describesNumbers(reading, text);
}

/** Whether a message states, without asking anything, that numbers are from a place the estimate prices. */
export function describesNumbers(reading: Reading, text: string): boolean {
  const { facts } = reading;
  const place = facts.country === "US" || facts.country === "CA" || facts.ambiguousPlace !== undefined;
  // Numbers named in words or by kind: a telephone number alone ("514-555-0199") tells of no order.
  const named = reading.namesNumbers || Object.keys(facts.numbers).length > 0 || facts.uncounted.length > 0;
  return reading.intent === "question" && !reading.notice && !looksLikeQuestion(text) && facts.direction !== "out" && place && named;
}

export interface ReadOptions {
  /** Today on the clock the message's dates are read with (the customer's or the porting department's). */
  today: IsoDate;
}

export interface Reader {
  read(text: string, options: ReadOptions): Reading;
}

export interface ReaderOptions {
  /** Whether the text names a known rejection cause in notice words (src/diagnosis/notice.ts). */
  namesRejectionCause?: (text: string) => boolean;
}

interface Model {
  intents: IntentModel;
  counts: CountModel;
  places: PlaceModel;
  options: OptionModel;
  fees: string[][];
  dates: string[][];
  notWants: string[][];
  past: string[][];
  moving: string[][];
  own: Set<string>;
  noticeMarkers: string[][];
  direction: DirectionWords;
  hypothetical: string[][];
  deadlineCues: string[][];
  submission: string[][];
  dateWords: DateWords;
  holidayNames: DateWords;
  businessDays: BusinessDayWords;
  corrections: string[][];
  /** "not 30", "instead of 30": a count taken back. */
  takenBack: RegExp | undefined;
  /** Currencies a price is asked in ("in Australian dollars"), which name no place. */
  currencies: RegExp | undefined;
}

function model(data: ReadingData): Model {
  const i = data.intents;
  return {
    intents: intentModel(i),
    counts: countModel(data.kinds),
    places: placeModel(data.places),
    options: optionModel(i),
    fees: i.wants.fees.map(words),
    dates: i.wants.dates.map(words),
    notWants: i.wants.not.map(words).sort((a, b) => b.length - a.length),
    past: i.past.map(words),
    moving: i.moving.map(words),
    own: new Set(i.own.flatMap(words)),
    noticeMarkers: i.notice_markers.map(words),
    direction: directionWords(i.direction, data.places.carriers),
    hypothetical: i.options.hypothetical.map(words),
    deadlineCues: i.deadline.cues.map(words).sort((a, b) => b.length - a.length),
    submission: i.deadline.submission.map(words),
    dateWords: dateWords(i.date_words),
    holidayNames: dateWords(i.holiday_names),
    businessDays: businessDayWords(i.business_days),
    corrections: i.corrections.cues.map(words),
    takenBack: takenBackPattern(i.corrections.instead_of),
    currencies: phrasesPattern(data.places.currencies),
  };
}

function businessDayWords(data: ReadingData["intents"]["business_days"]): BusinessDayWords {
  const as = (phrases: string[]) => dateWords(Object.fromEntries(phrases.map((p) => [p, p])));
  return { next: as(data.next), afterHolidays: as(data.after_holidays), afterHolidaysFrom: data.after_holidays_from };
}

/** Any of the phrases as whole words, in any case, their words split by spaces or hyphens. */
function phrasesPattern(phrases: string[]): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.trim().split(/[\s-]+/).map(escape).join("[\\s-]+")).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "giu");
}

function takenBackPattern(phrases: string[]): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = phrases.map((p) => p.trim().split(/\s+/).map(escape).join("\\s+")).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})\\s+\\d+(?![\\p{L}\\p{N}])`, "giu");
}

/**
 * Where the last correction in the message starts and ends, in tokens: opening it ("sorry I meant 3", "no wait,
 * Canada") or opening a clause of it ("4 toll free, sorry I mean 3 toll free").
 */
function correctionIn(m: Model, tokens: Token[]): Found | undefined {
  let last: Found | undefined;
  for (const cue of m.corrections) {
    for (const found of everyPhrase(tokens, cue, { typos: false })) {
      if ((found.start === 0 || tokens[found.start]!.afterBreak) && (!last || found.start > last.start || (found.start === last.start && found.end > last.end))) last = found;
    }
  }
  // "sorry, I meant": cues in a row are one correction.
  for (let longer = last; longer; ) {
    const at = longer.end;
    longer = m.corrections.map((cue) => findPhrase(tokens, cue, { from: at, typos: false })).find((f) => f?.start === at);
    if (longer && last) last = { start: last.start, end: longer.end };
  }
  return last;
}

/** "3 not 30", "3 instead of 30": a count said, and another taken back right after it. */
function takesBackACount(m: Model, text: string): boolean {
  return m.takenBack !== undefined && [...text.matchAll(m.takenBack)].some((x) => /\d\s*,?\s*$/.test(text.slice(0, x.index)));
}

/** Each character of a match as a space: what is left keeps its offsets. */
const blank = (match: string) => " ".repeat(match.length);

/**
 * The counts of a message, the corrected ones winning: what follows a correction ("…, sorry I mean 3 toll free",
 * "sorry I meant 3") replaces what came before it, kind by kind.
 */
function correctedCounts(m: Model, tokens: Token[], countedText: string, correction: Found | undefined): CountFacts {
  const count = (part: string) => readCounts(m.counts, tokenize(part), (all, i) => isAreaCodeAt(all, i, part));
  const whole = count(countedText);
  if (!correction) return whole;
  const cut = tokens[correction.end - 1]!;
  const before = count(countedText.slice(0, tokens[correction.start]!.at));
  const after = count(blank(countedText.slice(0, cut.at + cut.raw.length)) + countedText.slice(cut.at + cut.raw.length));
  if (Object.keys(after.numbers).length === 0 && after.count === undefined) return whole;
  const numbers = { ...before.numbers, ...after.numbers };
  return {
    ...after,
    numbers,
    uncounted: [...new Set([...before.uncounted, ...after.uncounted])].filter((k) => numbers[k] === undefined),
    defaulted: [...before.defaulted.filter((k) => after.numbers[k] === undefined), ...after.defaulted],
  };
}

/** Cue words are matched without typos: "cuanto" (how much) is one letter from "cuando" (when). */
const has = (tokens: ReturnType<typeof tokenize>, phrases: string[][], stems = true) => phrases.some((p) => findPhrase(tokens, p, { gap: 1, stems, typos: false }) !== undefined);

/** Whether the message asks about money or dates, not counting the words of names such as "FOC date". */
function wantsOf(m: Model, tokens: ReturnType<typeof tokenize>): Facts["wants"] {
  const named = new Set<number>();
  for (const phrase of m.notWants) {
    for (const found of everyPhrase(tokens, phrase, { typos: false })) for (let i = found.start; i < found.end; i++) named.add(i);
  }
  const kept = tokens.filter((_, i) => !named.has(i));
  return { fees: has(kept, m.fees), dates: has(kept, m.dates) };
}

function countsNumbers(facts: Facts): boolean {
  return Object.keys(facts.numbers).length > 0 || facts.uncounted.length > 0 || facts.count !== undefined;
}

/** The order facts that make a fee or time question an estimate request rather than a question for the engine. */
function namesAnOrder(facts: Facts): boolean {
  const total = Object.values(facts.numbers).reduce((a, b) => a + (b ?? 0), 0);
  const someNumbers = Object.keys(facts.numbers).length > 0 || facts.uncounted.length > 0 || facts.count !== undefined;
  // A place alone ("how long does a port take in Canada") is a question the FAQ answers; with numbers it is an order.
  const place = facts.country !== undefined || facts.ambiguousPlace !== undefined;
  const options = facts.expedite === true || (facts.rejections ?? 0) > 0 || facts.cancel === true;
  return facts.submitted !== undefined || total >= 2 || (facts.count ?? 0) >= 2 || (someNumbers && (place || options || total < 0));
}

/** Words a date parser reads as today that name no day of an order ("now how do I…"). */
const NOT_A_DAY = /^now$/i;

/**
 * An order told rather than asked ("6 lines from Bell in Toronto, submitting Monday"): counted numbers with a day still
 * to come, or with where they are and an expedite. Telling it is asking what it will cost and when it will be done.
 */
function statesAnOrder(facts: Facts, dateAhead: boolean): boolean {
  const counted = Object.entries(facts.numbers).reduce((sum, [k, n]) => sum + (facts.defaulted.includes(k as NumberKind) ? 0 : (n ?? 0)), 0) + (facts.count ?? 0);
  const ahead = facts.submitted !== undefined && dateAhead;
  const place = facts.country !== undefined || facts.ambiguousPlace !== undefined;
  // "my line", "a second number": one number named in passing is no order, unless the message also says where it
  // is and when it goes in or that it is to be rushed ("Halifax fax line, 1 number, expedited, submit tomorrow").
  if (counted < 2) return counted === 1 && place && ahead && (facts.expedite === true || facts.count === 1);
  return ahead || (place && facts.expedite === true);
}

/**
 * One reading of a message, for routing and for every flow: what it asks for (learned from `knowledge/intents.yaml`)
 * and the facts it states (counts, kinds, place, date, direction, options), in English, French or Spanish.
 */
/** The exchange and line digits of a North American telephone number: "555-0111", "555 0111", "555.0111". */
const PHONE_NUMBER_LINE = /(?<!\d)\d{3}[\s.-]\d{4}(?!\d)/g;
/** A whole telephone number, its area code with it ("312-555-0142", "(416) 555-0100"), which counts nothing. */
const PHONE_NUMBER = /(?<!\d)(?:\(\d{3}\)\s*|\d{3}[\s.-])?\d{3}[\s.-]\d{4}(?!\d)/g;

/** A telephone number written with a calling code other than +1 ("+61 2 5550 1234", "+44 (0)20 7946 0958"). */
const INTERNATIONAL_NUMBER = /\+(?!1(?!\d))\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}/g;

/** A calling code written before a word ("a +61 number", "+44 mobile"): it names a country, never a count. */
const CALLING_CODE = /(?<![\p{L}\p{N}])\+(\d{1,3})(?=\s+\p{L})/gu;

/** "+61 number" is one number, as "a number" would be; "+3 fax" counts 3, since 3 is no calling code. */
function asOneNumber(match: string, code: string): string {
  return code === "1" || getRegionCodeForCountryCode(Number(code)) === "ZZ" ? match : `a${" ".repeat(match.length - 1)}`;
}

/** The message with each international telephone number blanked out, and how many there were. */
function withoutInternationalNumbers(text: string): { text: string; listed: number } {
  let listed = 0;
  const blanked = text.replace(INTERNATIONAL_NUMBER, (match) => {
    if (!parsePhoneNumber(match.replace(/\(0\)/, "").replace(/[^\d+]/g, "")).possible) return match;
    listed += 1;
    return blank(match);
  });
  return { text: blanked, listed };
}

/**
 * Telephone numbers listed in the message are the numbers to port: "(305) 555-0110 and (305) 555-0111, both faxes"
 * counts two faxes when no count is given, and two numbers of a kind to ask when no kind is named either.
 */
function withListedNumbers(counts: ReturnType<typeof readCounts>, listed: number): ReturnType<typeof readCounts> {
  if (listed === 0 || counts.count !== undefined) return counts;
  // "(all cell)": a kind said in the singular beside the numbers listed is their kind.
  const kinds = Object.keys(counts.numbers) as NumberKind[];
  if (listed > 1 && kinds.length === 1 && counts.defaulted.includes(kinds[0]!)) return { ...counts, numbers: { [kinds[0]!]: listed }, defaulted: [] };
  if (kinds.length > 0) return counts;
  const [kind, ...others] = counts.uncounted;
  if (kind && others.length === 0) return { ...counts, numbers: { [kind]: listed }, uncounted: [] };
  return counts.uncounted.length === 0 ? { ...counts, count: listed } : counts;
}

export function createReader(data: ReadingData, options: ReaderOptions = {}): Reader {
  const m = model(data);
  return {
    read(text, { today }) {
      const tokens = tokenize(text);
      const language = detectLanguage(text, tokens.map((t) => t.word));
      // The digits of a telephone number ("(305) 555-0111") count nothing; its area code still names a place.
      // A count taken back ("3 not 30") is no count of the order. Blanked out, not cut, so that offsets still match.
      const international = withoutInternationalNumbers(text);
      const withoutPhones = international.text.replace(PHONE_NUMBER, blank).replace(CALLING_CODE, asOneNumber);
      const countedText = m.takenBack ? withoutPhones.replace(m.takenBack, blank) : withoutPhones;
      const correction = correctionIn(m, tokens);
      const read = correctedCounts(m, tokens, countedText, correction);
      const listed = (international.text.match(PHONE_NUMBER_LINE)?.length ?? 0) + international.listed;
      const counts = withListedNumbers(read, listed);
      // Numbers counted only by the telephone numbers written out, with no kind named ("when will my port of
      // 416-555-0100 be done?"): the port is one under way, asked about, unless a price is asked.
      const listedOnly = listed > 0 && counts !== read && Object.keys(counts.numbers).length === 0;
      const placeText = m.currencies ? text.replace(m.currencies, blank) : text;
      const place = readPlace(m.places, placeText === text ? tokens : tokenize(placeText), placeText);
      const cues = { past: m.past, hypothetical: m.hypothetical };
      // "need it done yesterday" asks for speed; its day is no day of the order.
      const urgent = expediteAsked(m.options, tokens);
      const undated = urgent ? text.slice(0, tokens[urgent.start]!.at) + blank(text.slice(tokens[urgent.start]!.at, tokens[urgent.end - 1]!.at + tokens[urgent.end - 1]!.raw.length)) + text.slice(tokens[urgent.end - 1]!.at + tokens[urgent.end - 1]!.raw.length) : text;
      const calendars: HolidayCalendar[] = place.country === "CA" ? ["CA", "US"] : ["US", "CA"];
      const datedText = spellHolidays(m.holidayNames, spellBusinessDays(m.businessDays, spellDates(m.dateWords, undated), today, calendars[0]!), today, calendars, cues);
      const date = readDate(datedText, today, language, cues);
      const facts: Facts = {
        numbers: counts.numbers,
        uncounted: counts.uncounted,
        defaulted: counts.defaulted,
        ...(counts.count !== undefined ? { count: counts.count } : {}),
        ...(place.country ? { country: place.country } : {}),
        ...(place.place ? { place: place.place } : {}),
        ...(place.region ? { region: place.region } : {}),
        ...(place.ambiguous ? { ambiguousPlace: place.ambiguous } : {}),
        ...(date && !NOT_A_DAY.test(date.text.trim()) ? (!date.past && isDeadline(m, datedText, date.text) ? { deadline: date.date } : { submitted: date.date }) : {}),
        ...readOptions(m.options, m.counts, tokens),
        ...(correction || takesBackACount(m, withoutPhones) ? { correction: true } : {}),
        wants: wantsOf(m, tokens),
      };
      const direction = readDirection(m.direction, tokens);
      if (direction) facts.direction = direction;

      const rejection = isNotice(m, tokens, text, options);
      // A date in a rejection notice or story is the rejection's ("resubmit within 7 days"), unless the message asks
      // when numbers it counts will be ported.
      const asks = holdsAQuestion(text);
      const notice = !looksLikeQuestion(text) && !(facts.wants.fees || (facts.wants.dates && asks && countsNumbers(facts))) && rejection;
      // A bare "?" asks for help.
      if (tokens.length === 0 && text.trim() === "?") return { intent: "help", language, facts, notice: false, namesNumbers: false, movesNumbers: false };
      const general = looksLikeQuestion(text) && !tokens.some((t) => m.own.has(t.word));
      const dateAhead = date !== undefined && !date.past && !NOT_A_DAY.test(date.text.trim());
      const status = listedOnly && !facts.wants.fees && !dateAhead;
      return { intent: intentOf(m, tokens, facts, notice, general, rejection, dateAhead, looksLikeQuestion(text), asks, status), language, facts, notice, namesNumbers: namesNumbers(m.counts, tokens), movesNumbers: has(tokens, m.moving, false) };
    },
  };
}

/**
 * Whether the date read from `dateText` is said as when the port must be done by: a deadline cue right before it or
 * opening it ("done within 7 days", "ported before Friday"), in a clause that does not speak of sending the order
 * ("if we get the LOA in by friday" is the submission day).
 */
function isDeadline(m: Model, text: string, dateText: string): boolean {
  const at = text.indexOf(dateText);
  if (at < 0) return false;
  const before = tokenize(text.slice(0, at));
  const own = tokenize(dateText);
  const around = [...before, ...own];
  const cued = m.deadlineCues.some((cue) => {
    // Right before the date, opening it, or across the two ("en menos | de una semana").
    for (let start = Math.max(0, before.length - cue.length); start <= before.length; start++) {
      if (start + cue.length <= around.length && cue.every((w, k) => around[start + k]!.word === w)) return true;
    }
    return false;
  });
  if (!cued) return false;
  let from = before.length;
  while (from > 0 && !around[from]?.afterBreak) from--;
  const after = tokenize(text.slice(at + dateText.length));
  const rest = after.findIndex((t) => t.afterBreak);
  const clause = [...around.slice(from), ...(rest < 0 ? after : after.slice(0, rest))];
  return !m.submission.some((p) => findPhrase(clause, p, { stems: true, typos: false }) !== undefined);
}

/**
 * Short notice words match more exactly: below 6 letters without typos ("rejet" is one letter from "reset", as in
 * "reset my password"), below 5 only as typed, never as the start of a longer word ("supp" starts "support").
 */
const MIN_NOTICE_WORD = { typos: 6, stems: 5 };

function isNotice(m: Model, tokens: ReturnType<typeof tokenize>, text: string, options: ReaderOptions): boolean {
  for (const marker of m.noticeMarkers) {
    // Every place, not only the first: in "it was never rejected before, now REJECT: address" the second is the notice.
    for (const found of everyPhrase(tokens, marker, { stems: marker.every((w) => w.length >= MIN_NOTICE_WORD.stems), typos: marker.every((w) => w.length >= MIN_NOTICE_WORD.typos) })) {
      if (!guarded(m.intents, tokens, found.start, found.end)) return true;
    }
  }
  // Without a notice word, naming a cause is a notice only in a notice's shape ("Account: number invalid"): a remark
  // such as "my pin is …" names no rejection.
  return !text.includes("?") && /\S\s*[:\-–—]\s+\S/.test(text) && (options.namesRejectionCause?.(text) ?? false);
}

/** `general`: a question not about the customer's own port, which the answer engine answers rather than a flow. */
/** `rejection`: the text says a port was rejected; with no price asked, and no count or no question, its dates are the rejection's, not an order's. */
/** `status`: the only numbers are telephone numbers of a port under way, asked about rather than priced. */
function intentOf(m: Model, tokens: ReturnType<typeof tokenize>, facts: Facts, notice: boolean, general: boolean, rejection: boolean, dateAhead: boolean, asked: boolean, asks: boolean, status: boolean): Intent {
  const whole = wholeIntent(m.intents, tokens);
  if (whole) return whole;
  const person = cueIntent(m.intents, tokens, ["person"]);
  if (person) return person;
  // "now my cell transfer is rejected": a rejection told with no price asked and no day still to come is no order.
  const rejectionDates = rejection && !facts.wants.fees && (!countsNumbers(facts) || !dateAhead || !asks);
  // An estimate prices a port in: a port out's fees and dates are the answer engine's.
  if ((facts.wants.fees || facts.wants.dates) && namesAnOrder(facts) && !rejectionDates && facts.direction !== "out" && !status) return "estimate";
  if (statesAnOrder(facts, dateAhead) && !asked && !rejection && facts.direction !== "out" && !status) return "estimate";
  if (notice) return "diagnosis";
  if (general) return "question";
  const cued = cueIntent(m.intents, tokens, ["diagnosis", "checklist", "estimate"]);
  // "I want to port my number, how much does it cost?": the wish to port is the question's context, not a checklist.
  if (cued === "checklist" && asks && (facts.wants.fees || facts.wants.dates)) return "question";
  return cued ?? "question";
}
