import { describe, expect, it } from "vitest";
import { endOf, longest } from "../../src/calendar/durations.js";
import type { Duration } from "../../src/knowledge/schema.js";

const NO_HOLIDAYS = { holidays: null };
const US = { holidays: "US" as const };
const duration = (fields: Partial<Duration>): Duration => ({ id: "d", label: "d", event: "rejection-reply", unit: "days", applies_to: {}, ...fields });

describe("the end of a duration", () => {
  it("counts a duration from its start day in its unit", () => {
    expect(endOf(NO_HOLIDAYS, "2026-03-02", "days", 7)).toBe("2026-03-09");
    expect(endOf(NO_HOLIDAYS, "2026-12-28", "days", 7)).toBe("2027-01-04");
    expect(endOf(NO_HOLIDAYS, "2026-03-06", "business-days", 2)).toBe("2026-03-10");
    expect(endOf(NO_HOLIDAYS, "2026-03-02", "weeks", 1)).toBe("2026-03-09");
  });

  it("runs hours and minutes into as many days as they cover", () => {
    expect(endOf(NO_HOLIDAYS, "2026-03-02", "hours", 48)).toBe("2026-03-04");
    expect(endOf(NO_HOLIDAYS, "2026-03-02", "hours", 25)).toBe("2026-03-04");
    expect(endOf(NO_HOLIDAYS, "2026-03-02", "minutes", 90)).toBe("2026-03-03");
  });

  it("skips the calendar's holidays in business days only", () => {
    expect(endOf(US, "2026-12-23", "business-days", 2)).toBe("2026-12-28");
    expect(endOf(US, "2026-12-23", "days", 2)).toBe("2026-12-25");
  });

  it("takes the most a duration can last: its max, else typical, else min", () => {
    expect(longest(duration({ typical: 24, max: 48 }))).toBe(48);
    expect(longest(duration({ typical: 24 }))).toBe(24);
    expect(longest(duration({ min: 3 }))).toBe(3);
  });
});
