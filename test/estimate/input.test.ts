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
    expect(parseEstimateInput(VALID)).toEqual({ ...VALID, timeZone: "America/Toronto", expedite: false, rejections: 0, cancel: false });
  });

  it("keeps a time zone it knows and refuses one it does not", () => {
    expect(parseEstimateInput({ ...VALID, timeZone: "America/Vancouver" }).timeZone).toBe("America/Vancouver");
    expect(problems({ ...VALID, timeZone: "Mars/Olympus" })).toEqual([{ field: "timeZone", message: "'Mars/Olympus' is not a time zone: use a name like America/Toronto" }]);
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

  it("never echoes a phone or account number typed where a count, a country or a date is expected", () => {
    const refusals = [
      parseField(CountText, "514-555-0199"),
      parseField(CountText, "5145550199"),
      parseField(CountText, "+1 514 555 0199"),
      parseField(CountryText, "my account 99887766 is in Narnia"),
      parseField(SubmissionDate, "call me at 514-555-0199"),
    ];
    for (const refused of refusals) {
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.message).not.toMatch(/555|0199|99887766/);
    }
    for (const problem of problems({ ...VALID, submitted: "call me at 514-555-0199", numbers: { fax: 5145550199.5 } })) expect(problem.message).not.toMatch(/555|0199/);
    // What cannot be repeated is left out, not shown as a placeholder the customer never typed.
    expect(parseField(CountText, "514-555-0199")).toEqual({ ok: false, message: "must be a number, e.g. 3" });
    expect(parseField(CountryText, "my account 99887766 is in Narnia")).toMatchObject({ message: expect.stringMatching(/^that is not a country I know/) });
    expect(parseField(CountText, "abc")).toEqual({ ok: false, message: "must be a number, e.g. 3 (got 'abc')" });
  });

  it("refuses a count as long as a phone or account number", () => {
    expect(parseField(CountText, "5145550199")).toEqual({ ok: false, message: "is too large for a count: is it a phone or account number?" });
    expect(problems({ ...VALID, numbers: { fax: 5145550199 } })).toEqual([{ field: "fax", message: "is too large for a count: is it a phone or account number?" }]);
    expect(parseField(CountText, "500")).toEqual({ ok: true, value: 500 });
  });
});
