import { describe, expect, it } from "vitest";
import { addBusinessDays, isBusinessDay, nextBusinessDay, type PortingCalendar } from "../../src/calendar/business-days.js";

const US: PortingCalendar = { holidays: "US" };
const CA: PortingCalendar = { holidays: "CA" };
const WEEKENDS_ONLY: PortingCalendar = { holidays: null };

describe("addBusinessDays", () => {
  it("counts after the start day, skipping the weekend", () => {
    expect(addBusinessDays(US, "2026-05-15", 5).end).toBe("2026-05-22");
  });

  it("skips Victoria Day for Canadian numbers", () => {
    const result = addBusinessDays(CA, "2026-05-15", 5);
    expect(result.end).toBe("2026-05-25");
    expect(result.skipped.map((h) => h.name)).toEqual(["Victoria Day"]);
  });

  it("skips Christmas for US numbers", () => {
    expect(addBusinessDays(US, "2026-12-22", 5).end).toBe("2026-12-30");
  });

  it("ignores holidays when the calendar has none", () => {
    expect(addBusinessDays(WEEKENDS_ONLY, "2026-12-22", 5).end).toBe("2026-12-29");
  });

  it("returns the start day for zero days", () => {
    expect(addBusinessDays(US, "2026-05-15", 0).end).toBe("2026-05-15");
  });
});

describe("nextBusinessDay", () => {
  it("keeps a business day and moves a weekend or holiday forward", () => {
    expect(nextBusinessDay(US, "2026-05-15")).toBe("2026-05-15");
    expect(nextBusinessDay(US, "2026-05-16")).toBe("2026-05-18");
    expect(nextBusinessDay(CA, "2026-05-16")).toBe("2026-05-19");
    expect(isBusinessDay(US, "2026-07-03")).toBe(false);
    expect(isBusinessDay(CA, "2026-07-03")).toBe(true);
  });
});
