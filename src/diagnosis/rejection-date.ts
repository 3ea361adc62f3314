// One locale each rather than the package's index, which loads every language chrono knows.
import * as en from "chrono-node/en";
import * as es from "chrono-node/es";
import * as fr from "chrono-node/fr";
import { addDays, referenceOf, utcDateOf, type IsoDate } from "../calendar/dates.js";

/**
 * A rejection date as customers write it, read by chrono-node looking backwards from `today` (a rejection is always
 * in the past): 2026-03-02, today, yesterday, 3 days ago, last thursday, friday, 11/26, Nov 26, 2 Mar 2026, in English,
 * French or Spanish. Undefined for anything else, a day that does not exist, or a day after `today`.
 */
export function parseRejectionDate(text: string, today: IsoDate): IsoDate | undefined {
  const reference = referenceOf(today);
  for (const parser of [en.casual, fr.casual, es.casual]) {
    const result = parser.parse(text, reference, { forwardDate: false }).find((r) => r.start.isCertain("day") || r.start.isCertain("weekday"));
    if (!result) continue;
    const iso = utcDateOf(result.start.date());
    if (iso <= today) return iso;
    // A weekday alone ("friday", said on a thursday) is last week's; a date after today is refused.
    return result.start.isCertain("day") ? undefined : addDays(iso, -7);
  }
  return undefined;
}
