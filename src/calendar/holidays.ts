import Holidays from "date-holidays";
import { isWeekend } from "./dates.js";

/** The two home markets whose carriers' LNP departments close on holidays. */
export type HolidayCalendar = "US" | "CA";

export interface Holiday {
  /** YYYY-MM-DD: a day without ports. */
  date: string;
  name: string;
  /** The weekday on which a holiday falling on a weekend is observed. */
  observed: boolean;
}

interface CalendarConfig {
  country: string;
  /** Library rules replaced by the rules below (the library's versions lack the observed day). */
  unset: string[];
  /** Rule -> name, set as public holidays on top of the library's public holidays. */
  set: Record<string, string>;
}

/**
 * US: the federal holidays, observed on the Friday before or the Monday after a weekend (the library
 * already does this for all but Veterans Day).
 * CA: the general holidays of the Canada Labour Code, which applies to federally regulated carriers. The
 * library's nationwide list has only five of them; the others are added, and a holiday falling on a weekend
 * is observed on the next working day.
 */
const CALENDARS: Record<HolidayCalendar, CalendarConfig> = {
  US: {
    country: "US",
    unset: ["11-11"],
    set: { "11-11 and if sunday then next monday if saturday then previous friday": "Veterans Day" },
  },
  CA: {
    country: "CA",
    unset: ["01-01", "07-01", "12-25", "09-30 since 2021"],
    set: {
      "01-01 and if saturday,sunday then next monday": "New Year's Day",
      "monday before 05-25": "Victoria Day",
      "07-01 and if saturday,sunday then next monday": "Canada Day",
      "09-30 since 2021 and if saturday,sunday then next monday": "National Day for Truth and Reconciliation",
      "2nd monday in October": "Thanksgiving",
      "11-11 and if saturday,sunday then next monday": "Remembrance Day",
      "12-25 and if saturday then next monday if sunday then next tuesday": "Christmas Day",
      "12-26 and if saturday then next monday if sunday then next tuesday": "Boxing Day",
    },
  },
};

function build(calendar: HolidayCalendar): Holidays {
  const config = CALENDARS[calendar];
  const holidays = new Holidays(config.country, { types: ["public"] });
  for (const rule of config.unset) holidays.unsetRule(rule);
  for (const [rule, name] of Object.entries(config.set)) {
    if (!holidays.setHoliday(rule, { name: { en: name }, type: "public" })) {
      throw new Error(`holiday rule not understood: ${rule}`);
    }
  }
  return holidays;
}

const built = new Map<HolidayCalendar, Holidays>();
const byYear = new Map<string, Holiday[]>();

/** The days without ports in one year, sorted; a weekend holiday is listed on its own day and on its observed day. */
export function holidaysIn(calendar: HolidayCalendar, year: number): Holiday[] {
  const key = `${calendar}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  let library = built.get(calendar);
  if (!library) {
    library = build(calendar);
    built.set(calendar, library);
  }
  const found = library.getHolidays(year).filter((h) => h.type === "public");
  // The library flags its own substitute days; for the rules set above, the weekday copy of a weekend holiday is the observed one.
  const onWeekend = new Set(found.filter((h) => isWeekend(h.date.slice(0, 10))).map((h) => h.rule));
  const list = found.map((h) => {
    const date = h.date.slice(0, 10);
    return {
      date,
      name: h.name.replace(/ \(substitute day\)$/, ""),
      observed: Boolean(h.substitute) || (!isWeekend(date) && onWeekend.has(h.rule)),
    };
  });
  byYear.set(key, list);
  return list;
}

export function holidayOn(calendar: HolidayCalendar, isoDate: string): Holiday | undefined {
  return holidaysIn(calendar, Number(isoDate.slice(0, 4))).find((h) => h.date === isoDate);
}
