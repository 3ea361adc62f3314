import { addDays, isWeekend, type IsoDate } from "./dates.js";
import { holidayOn, type Holiday, type HolidayCalendar } from "./holidays.js";

/** Which holidays close the LNP departments; null when the knowledge base has no rule about holidays. */
export interface PortingCalendar {
  holidays: HolidayCalendar | null;
}

export function isBusinessDay(calendar: PortingCalendar, date: IsoDate): boolean {
  return !isWeekend(date) && !(calendar.holidays && holidayOn(calendar.holidays, date));
}

/** The first business day on or after `date`. */
export function nextBusinessDay(calendar: PortingCalendar, date: IsoDate): IsoDate {
  let day = date;
  while (!isBusinessDay(calendar, day)) day = addDays(day, 1);
  return day;
}

export interface BusinessDaysResult {
  end: IsoDate;
  /** Holidays on weekdays inside the interval, which pushed the end later. */
  skipped: Holiday[];
}

/** Counts `count` business days after `start` (the start day itself is not counted). */
export function addBusinessDays(calendar: PortingCalendar, start: IsoDate, count: number): BusinessDaysResult {
  const skipped: Holiday[] = [];
  let day = start;
  let counted = 0;
  while (counted < count) {
    day = addDays(day, 1);
    if (isWeekend(day)) continue;
    const holiday = calendar.holidays ? holidayOn(calendar.holidays, day) : undefined;
    if (holiday) skipped.push(holiday);
    else counted += 1;
  }
  return { end: day, skipped };
}
