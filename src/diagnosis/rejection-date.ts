import { addDays, IsoDate } from "../calendar/dates.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function valid(year: number, month: number, day: number): IsoDate | undefined {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return IsoDate.safeParse(iso).success ? iso : undefined;
}

/**
 * A rejection date as customers write it: 2026-03-02, today, yesterday, 3 days ago, March 2, 2 Mar 2026.
 * Undefined for anything else, a day that does not exist, or a day after `today`.
 */
export function parseRejectionDate(text: string, today: IsoDate): IsoDate | undefined {
  const said = text.toLowerCase().trim().replace(/[,.]/g, " ").replace(/\s+/g, " ");
  let found: IsoDate | undefined;
  let m: RegExpMatchArray | null;
  if ((m = said.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/))) found = valid(Number(m[1]), Number(m[2]), Number(m[3]));
  else if (/\btoday\b/.test(said)) found = today;
  else if (/\byesterday\b/.test(said)) found = addDays(today, -1);
  else if ((m = said.match(/\b(\d{1,2}) days? ago\b/))) found = addDays(today, -Number(m[1]));
  else {
    const monthDay = said.match(/\b([a-z]{3,9}) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?\b/);
    const dayMonth = said.match(/\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})(?: (\d{4}))?\b/);
    const parts = monthDay ? { month: monthDay[1]!, day: monthDay[2]!, year: monthDay[3] } : dayMonth ? { month: dayMonth[2]!, day: dayMonth[1]!, year: dayMonth[3] } : undefined;
    const month = parts ? MONTHS.indexOf(parts.month.slice(0, 3)) + 1 : 0;
    if (parts && month > 0) {
      const thisYear = Number(today.slice(0, 4));
      found = valid(parts.year ? Number(parts.year) : thisYear, month, Number(parts.day));
      // Without a year, a day later than today means last year's.
      if (found && !parts.year && found > today) found = valid(thisYear - 1, month, Number(parts.day));
    }
  }
  return found && found <= today ? found : undefined;
}
