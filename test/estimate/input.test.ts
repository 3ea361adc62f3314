import { describe, expect, it } from "vitest";
import { CountText, CountryText, EstimateInputError, SubmissionDate, parseEstimateInput, parseField } from "../../src/estimate/input.js";

function problems(raw: Record<string, unknown>): Array<{ field: string; message: string }> {
  try {
    parseEstimateInput(raw);
  } catch (error) {
    if (error instanceof EstimateInputError) return error.problems;
    throw error;
  }
  throw new Error("expected the input to be rejected");
}

const VALID = { numbers: { fax: 3 }, country: "US", submitted: "2026-12-22" };

describe("parseEstimateInput", () => {
  it("accepts a valid order and fills the options' defaults", () => {
    expect(parseEstimateInput(VALID)).toEqual({ ...VALID, expedite: false, rejections: 0, cancel: false });
  });

  it("rejects a negative count, naming the kind", () => {
    expect(problems({ ...VALID, numbers: { fax: -1 } })).toEqual([{ field: "fax", message: "cannot be negative (got -1)" }]);
  });

  it("rejects a count that is not a whole number, naming the kind", () => {
    expect(problems({ ...VALID, numbers: { "toll-free": 1.5 } })).toEqual([{ field: "toll-free", message: "must be a whole number (got 1.5)" }]);
    expect(problems({ ...VALID, numbers: { local: "three" } })[0]).toMatchObject({ field: "local", message: "must be a number, e.g. 3" });
  });

  it("rejects an unknown country and a kind of number it does not know", () => {
    expect(problems({ ...VALID, country: "Narnia" })[0]?.field).toBe("country");
    expect(problems({ ...VALID, numbers: { pager: 1 } })[0]?.field).toBe("numbers");
  });

  it("rejects a date that does not exist, and one in another format", () => {
    expect(problems({ ...VALID, submitted: "2026-02-30" })).toEqual([{ field: "submitted", message: "2026-02-30 is not a date that exists" }]);
    expect(problems({ ...VALID, submitted: "22/12/2026" })[0]).toMatchObject({ field: "submitted", message: expect.stringContaining("YYYY-MM-DD") });
  });

  it("needs at least one number, and negative rejections are refused", () => {
    expect(problems({ ...VALID, numbers: { fax: 0 } })).toEqual([{ field: "numbers", message: "give at least one number to port (local, wireless, toll-free or fax)" }]);
    expect(problems({ ...VALID, rejections: -2 })).toEqual([{ field: "rejections", message: "cannot be negative (got -2)" }]);
  });
});

describe("typed answers", () => {
  it("reads counts, and says why one is refused", () => {
    expect(parseField(CountText, " 4 ")).toEqual({ ok: true, value: 4 });
    expect(parseField(CountText, "-3")).toEqual({ ok: false, message: "cannot be negative (got -3)" });
    expect(parseField(CountText, "lots")).toEqual({ ok: false, message: "must be a number, e.g. 3 (got 'lots')" });
  });

  it("reads countries by code, name or adjective, and names an unknown one", () => {
    expect(parseField(CountryText, "US")).toEqual({ ok: true, value: { country: "US" } });
    expect(parseField(CountryText, "canada")).toEqual({ ok: true, value: { country: "CA" } });
    expect(parseField(CountryText, "uk")).toEqual({ ok: true, value: { country: "INTL", place: "United Kingdom" } });
    expect(parseField(CountryText, "México")).toEqual({ ok: true, value: { country: "INTL", place: "Mexico" } });
    expect(parseField(CountryText, "Narnia")).toEqual({ ok: false, message: "'Narnia' is not a country I know: use US, CA, or a country's name or two-letter code" });
  });

  it("reads dates and refuses one that does not exist", () => {
    expect(parseField(SubmissionDate, "2028-02-29")).toEqual({ ok: true, value: "2028-02-29" });
    expect(parseField(SubmissionDate, "2026-02-29")).toEqual({ ok: false, message: "2026-02-29 is not a date that exists" });
  });
});
