import { describe, expect, it } from "vitest";
import { problemText } from "../../bot/cards/estimate-card.js";

describe("problemText", () => {
  it("names the field and ends with one stop, whether or not the message has its own", () => {
    expect(problemText({ field: "fax", message: "cannot be negative (got -2)" })).toBe("Sorry, that doesn't work for the fax count: cannot be negative (got -2).");
    expect(problemText({ field: "fax", message: "is too large for a count: is it a phone or account number?" })).toBe(
      "Sorry, that doesn't work for the fax count: is too large for a count: is it a phone or account number?",
    );
  });
});
