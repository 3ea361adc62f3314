import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const read = (text: string, today: string) => reader.read(text, { today }).facts;

describe("'next business day'", () => {
  it.each([
    ["If I submit next business day, 3 landlines in Chicago", "2026-03-13", "2026-03-16"],
    ["submitting the next business day, 2 cells in Denver", "2026-07-02", "2026-07-06"],
    ["we'll send the LOA the next working day, 5 local numbers in Halifax", "2026-12-24", "2026-12-29"],
    ["we'll send the LOA the next working day, 5 local numbers in Seattle", "2026-12-24", "2026-12-28"],
    ["port 4 local numbers in Austin if we file the next business day", "2026-01-16", "2026-01-20"],
    ["soumis le prochain jour ouvrable, deux cellulaires à Montréal", "2026-06-23", "2026-06-24"],
    ["enviamos el siguiente día hábil, 2 líneas en Toronto", "2026-10-09", "2026-10-13"],
  ])("'%s' said on %s is submitted on %s, skipping weekends and the place's holidays", (text, today, submitted) => {
    expect(read(text, today).submitted).toBe(submitted);
  });

  it("'ported by the next business day' is a deadline, not a submission day", () => {
    const facts = read("need 2 lines in Ohio ported by the next business day", "2026-03-10");
    expect(facts.deadline).toBe("2026-03-11");
    expect(facts.submitted).toBeUndefined();
  });
});

describe("'after the holidays'", () => {
  it.each([
    ["after the holidays we'll submit 4 DIDs in Seattle", "2026-12-21", "2027-01-04"],
    ["Porting 2 fax lines in Toronto after the holidays", "2026-12-28", "2027-01-04"],
    // New Year's Day 2028 is a Saturday: the US takes it on Friday the 31st, Canada on Monday the 3rd.
    ["after the holidays, 3 landlines in Denver", "2027-12-20", "2028-01-03"],
    ["after the holidays, 3 landlines in Ottawa", "2027-12-20", "2028-01-04"],
    ["après les fêtes, 3 lignes à Montréal", "2027-01-01", "2027-01-04"],
  ])("'%s' said on %s is the first business day after New Year's Day: %s", (text, today, submitted) => {
    expect(read(text, today).submitted).toBe(submitted);
  });

  it.each([
    ["we plan to submit after the holidays, 3 local numbers in Phoenix", "2026-07-15"],
    ["after the holidays, 3 local numbers in Phoenix", "2026-12-10"],
    ["after the holidays, 3 local numbers in Phoenix", "2027-01-05"],
  ])("'%s' said on %s names no day: the day is asked", (text, today) => {
    expect(read(text, today).submitted).toBeUndefined();
  });
});
