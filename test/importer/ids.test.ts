import { describe, expect, it } from "vitest";
import { claimId, slugify } from "../../src/importer/ids.js";
import { Id } from "../../src/knowledge/schema.js";

describe("slugify", () => {
  it("keeps short headings whole, as lower-case words joined by hyphens", () => {
    expect(slugify("Incorrect Billing Telephone Number (BTN)")).toBe("incorrect-billing-telephone-number-btn");
    expect(slugify("Rejection for SMS Not Answered.")).toBe("rejection-for-sms-not-answered");
    expect(slugify("''IMPORTANT''")).toBe("important");
  });

  it("cuts a long heading to its first clause, or to the words that fit, never ending on a filler word", () => {
    expect(slugify("My number is not portable to your network, even though I am close to a city that is portable to you, why is that?")).toBe(
      "my-number-is-not-portable-to-your-network",
    );
    expect(slugify("How much does it cost to Port a Number to VoIP.ms?")).toBe("how-much-does-it-cost-to-port-a-number");
    expect(slugify("What happens behind the scenes while my number is being ported?")).toBe("what-happens-behind-the-scenes");
    expect(slugify("When/How will I know my number(s) has/have ported?")).toBe("when-how-will-i-know-my-number");
  });

  it("always gives a valid id, even from accents or punctuation only", () => {
    for (const text of ["Rejet de transférabilité", "?!", "$8.75 fee", "A".repeat(80)]) {
      expect(Id.safeParse(slugify(text)).success, text).toBe(true);
    }
    expect(slugify("Rejet de transférabilité")).toBe("rejet-de-transferabilite");
  });
});

describe("claimId", () => {
  it("takes the first free candidate, then numbers the first one", () => {
    const taken = new Set(["port-rejection", "porting-a-number-port-rejection"]);
    expect(claimId(["port-rejection", "porting-a-number-port-rejection"], taken)).toBe("port-rejection-2");
    expect(claimId(["abbreviations"], taken)).toBe("abbreviations");
    expect(taken.has("abbreviations")).toBe(true);
  });
});
