import type { Duration } from "../knowledge/schema.js";
import { addBusinessDays, type PortingCalendar } from "./business-days.js";
import { addDays, type IsoDate } from "./dates.js";

/** The most a duration can take: its max, else its typical, else its min. */
export function longest(duration: Duration): number {
  return duration.max ?? duration.typical ?? duration.min ?? 0;
}

/**
 * The last day of `amount` of a duration's unit counted from `start` (the start day itself not counted):
 * business days skip the calendar's closed days, hours and minutes run into as many days as they cover.
 */
export function endOf(calendar: PortingCalendar, start: IsoDate, unit: Duration["unit"], amount: number): IsoDate {
  switch (unit) {
    case "business-days":
      return addBusinessDays(calendar, start, amount).end;
    case "weeks":
      return addDays(start, amount * 7);
    case "days":
      return addDays(start, amount);
    case "hours":
      return addDays(start, Math.ceil(amount / 24));
    case "minutes":
      return addDays(start, Math.ceil(amount / (24 * 60)));
  }
}
