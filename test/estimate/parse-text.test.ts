import { describe, expect, it } from "vitest";
import { parseEstimateText } from "../../src/estimate/parse-text.js";

// Wednesday
const TODAY = "2026-05-13";

describe("parseEstimateText", () => {
  it("reads counts and kinds from a fee question, and asks only for the country", () => {
    const parsed = parseEstimateText("how much to port 3 fax numbers and 2 toll free", TODAY);
    expect(parsed.draft).toEqual({ numbers: { fax: 3, "toll-free": 2 } });
    expect(parsed.wants).toEqual({ fees: true, dates: false });
    expect(parsed.missing).toEqual(["country"]);
    expect(parsed.problems).toEqual([]);
  });

  it("reads a Canadian cell number and resolves 'friday' against today", () => {
    const parsed = parseEstimateText("how long for a canadian cell number if i submit friday", TODAY);
    expect(parsed.draft).toEqual({ numbers: { wireless: 1 }, country: "CA", submitted: "2026-05-15" });
    expect(parsed.wants.dates).toBe(true);
    expect(parsed.missing).toEqual([]);
  });

  it("takes today for a weekday named today, and the following week for 'next'", () => {
    expect(parseEstimateText("2 local numbers, submitting wednesday", TODAY).draft.submitted).toBe("2026-05-13");
    expect(parseEstimateText("2 local numbers, submitting next wednesday", TODAY).draft.submitted).toBe("2026-05-20");
    expect(parseEstimateText("when would 1 fax number be done if I send it tomorrow", TODAY).draft.submitted).toBe("2026-05-14");
  });

  it("asks for the date when the question is about time and none is given", () => {
    const parsed = parseEstimateText("when will my 2 US toll-free numbers be ported?", TODAY);
    expect(parsed.draft).toEqual({ numbers: { "toll-free": 2 }, country: "US" });
    expect(parsed.missing).toEqual(["submitted"]);
  });

  it("asks for the count of a kind named without one", () => {
    const parsed = parseEstimateText("how much for my fax numbers in Canada", TODAY);
    expect(parsed.uncounted).toEqual(["fax"]);
    expect(parsed.missing).toEqual(["numbers"]);
  });

  it("reads month names, other countries and the options", () => {
    const parsed = parseEstimateText("2 UK landlines, expedited, submitted on December 22 and rejected once", TODAY);
    expect(parsed.draft).toEqual({ numbers: { local: 2 }, country: "INTL", place: "United Kingdom", submitted: "2026-12-22", expedite: true, rejections: 1 });
  });

  it("reports a negative count and a date that does not exist as problems on their fields", () => {
    const parsed = parseEstimateText("how long for -2 fax numbers from the US submitted 2026-02-30", TODAY);
    expect(parsed.problems).toEqual([
      { field: "fax", message: "cannot be negative (got -2)" },
      { field: "submitted", message: "2026-02-30 is not a date that exists" },
    ]);
    expect(parsed.missing).toEqual(["numbers", "submitted"]);
  });

  it("does not read the word 'us' as the United States", () => {
    expect(parseEstimateText("can you port 3 local numbers for us", TODAY).draft.country).toBeUndefined();
  });

  it("asks for everything when nothing is said", () => {
    expect(parseEstimateText("fees and timing", TODAY).missing).toEqual(["numbers", "country", "submitted"]);
  });

  it("reports a rejection count that is not a whole number of 0 or more, and drops it", () => {
    for (const [said, message] of [
      ["1.5", "must be a whole number (got 1.5)"],
      ["-1", "cannot be negative (got -1)"],
    ] as const) {
      const parsed = parseEstimateText(`how much for 2 fax numbers in the US with ${said} rejections`, TODAY);
      expect(parsed.problems).toEqual([{ field: "rejections", message }]);
      expect(parsed.draft).toEqual({ numbers: { fax: 2 }, country: "US" });
    }
  });
});
