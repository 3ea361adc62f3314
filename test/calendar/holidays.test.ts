import { describe, expect, it } from "vitest";
import { holidayOn, holidaysIn } from "../../src/calendar/holidays.js";

function names(calendar: "US" | "CA", year: number): string[] {
  return [...new Set(holidaysIn(calendar, year).map((h) => h.name))];
}

describe("US federal holidays", () => {
  it("are the eleven federal holidays and nothing else (no observances such as Valentine's Day)", () => {
    expect(names("US", 2026).sort()).toEqual(
      [
        "New Year's Day",
        "Martin Luther King Jr. Day",
        "Washington's Birthday",
        "Memorial Day",
        "Juneteenth",
        "Independence Day",
        "Labor Day",
        "Columbus Day",
        "Veterans Day",
        "Thanksgiving Day",
        "Christmas Day",
      ].sort(),
    );
  });

  it("observes Independence Day 2026, a Saturday, on Friday 2026-07-03", () => {
    expect(holidayOn("US", "2026-07-03")).toMatchObject({ name: "Independence Day", observed: true });
  });

  it("observes a Sunday holiday on the Monday after (Juneteenth 2022)", () => {
    expect(holidayOn("US", "2022-06-20")).toMatchObject({ name: "Juneteenth", observed: true });
  });

  it("observes Veterans Day on the Friday before when it falls on a Saturday (2028)", () => {
    expect(holidayOn("US", "2028-11-10")).toMatchObject({ name: "Veterans Day", observed: true });
  });

  it("puts New Year's Day 2028, a Saturday, on Friday 2027-12-31", () => {
    expect(holidayOn("US", "2027-12-31")?.name).toBe("New Year's Day");
  });

  it("has Thanksgiving on the fourth Thursday of November and Juneteenth on June 19", () => {
    expect(holidayOn("US", "2026-11-26")?.name).toBe("Thanksgiving Day");
    expect(holidayOn("US", "2026-06-19")?.name).toBe("Juneteenth");
    expect(holidayOn("US", "2026-11-27")).toBeUndefined();
  });
});

describe("Canada Labour Code general holidays", () => {
  it("are the ten general holidays of the Code", () => {
    expect(names("CA", 2026).sort()).toEqual(
      [
        "New Year's Day",
        "Good Friday",
        "Victoria Day",
        "Canada Day",
        "Labour Day",
        "National Day for Truth and Reconciliation",
        "Thanksgiving",
        "Remembrance Day",
        "Christmas Day",
        "Boxing Day",
      ].sort(),
    );
  });

  it("falls on the 2026 dates", () => {
    const dates = Object.fromEntries(holidaysIn("CA", 2026).filter((h) => !h.observed).map((h) => [h.name, h.date]));
    expect(dates).toEqual({
      "New Year's Day": "2026-01-01",
      "Good Friday": "2026-04-03",
      "Victoria Day": "2026-05-18",
      "Canada Day": "2026-07-01",
      "Labour Day": "2026-09-07",
      "National Day for Truth and Reconciliation": "2026-09-30",
      Thanksgiving: "2026-10-12",
      "Remembrance Day": "2026-11-11",
      "Christmas Day": "2026-12-25",
      "Boxing Day": "2026-12-26",
    });
  });

  it("takes a weekend holiday on the next working day: Boxing Day 2026 (Saturday) on Monday 2026-12-28", () => {
    expect(holidayOn("CA", "2026-12-28")).toMatchObject({ name: "Boxing Day", observed: true });
  });

  it("takes Christmas and Boxing Day 2027 (Saturday and Sunday) on Monday and Tuesday", () => {
    expect(holidayOn("CA", "2027-12-27")?.name).toBe("Christmas Day");
    expect(holidayOn("CA", "2027-12-28")?.name).toBe("Boxing Day");
  });

  it("has no US-only holidays", () => {
    expect(holidayOn("CA", "2026-07-03")).toBeUndefined();
    expect(holidayOn("CA", "2026-11-26")).toBeUndefined();
    expect(holidayOn("CA", "2026-06-19")).toBeUndefined();
  });
});
