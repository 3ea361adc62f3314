import { describe, expect, it } from "vitest";
import { describeDuration, durationLimit, feeAmount, money } from "../../src/render/wording.js";
import type { Duration, Fee } from "../../src/knowledge/schema.js";

const duration = (fields: Partial<Duration>): Duration => ({ id: "d", label: "d", event: "port", unit: "days", applies_to: {}, ...fields });
const fee = (fields: Partial<Fee>): Fee => ({ id: "f", label: "f", event: "resubmission", currency: "USD", unit: "per-resubmission", quote: false, applies_to: {}, ...fields });

describe("amounts", () => {
  it("show cents only when the amount is not whole", () => {
    expect(money(15)).toBe("$15 USD");
    expect(money(8.75)).toBe("$8.75 USD");
    expect(money(1250)).toBe("$1,250 USD");
  });

  it("say a quoted fee is quoted", () => {
    expect(feeAmount(fee({ amount: 50 }))).toBe("$50 USD");
    expect(feeAmount(fee({ quote: true }))).toBe("quoted case by case");
  });
});

describe("durations", () => {
  it("describe the usual time, the most and a range", () => {
    expect(describeDuration(duration({ typical: 5, unit: "business-days" }))).toBe("5 business days");
    expect(describeDuration(duration({ typical: 24, max: 48, unit: "hours" }))).toBe("24 hours, 48 at most");
    expect(describeDuration(duration({ min: 24, max: 72, unit: "hours" }))).toBe("24 to 72 hours");
    expect(describeDuration(duration({ max: 90, unit: "minutes" }))).toBe("up to 90 minutes");
  });

  it("give the limit in the singular for one", () => {
    expect(durationLimit(duration({ max: 7 }))).toBe("7 days");
    expect(durationLimit(duration({ max: 1, unit: "business-days" }))).toBe("1 business day");
  });
});
