import { z } from "zod";

/** Calendar dates as `YYYY-MM-DD` strings: no time of day, no time zone, so arithmetic cannot drift. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** A date parser's reference for words said on `today`: noon UTC that day, read in UTC, so no time zone moves the day. */
export function referenceOf(today: IsoDate): { instant: Date; timezone: number } {
  return { instant: new Date(`${today}T12:00:00Z`), timezone: 0 };
}

/** The calendar date of an instant read in UTC, such as a parser's result against `referenceOf`. */
export function utcDateOf(instant: Date): IsoDate {
  return fromUtc(instant);
}

/** True when the string names a day that exists (rejects 2026-02-30). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = toUtc(text);
  return !Number.isNaN(parsed.getTime()) && fromUtc(parsed) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[toUtc(date).getUTCDay()]!;
}

export function weekdayIndex(name: string): number {
  return WEEKDAYS.findIndex((day) => day.toLowerCase() === name.toLowerCase());
}

export function isWeekend(date: IsoDate): boolean {
  const day = toUtc(date).getUTCDay();
  return day === 0 || day === 6;
}

/** "Friday 2026-05-22": the weekday removes any doubt about the date format. */
export function formatDate(date: IsoDate): string {
  return `${weekdayOf(date)} ${date}`;
}

/** The zone of the porting department's clock: "today", "yesterday" and "Friday" are read on it. */
export const PORTING_TIME_ZONE = "America/Toronto";

/** The calendar date an instant falls on in a time zone. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
