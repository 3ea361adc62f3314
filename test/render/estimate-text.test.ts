import { describe, expect, it } from "vitest";
import { estimate } from "../../src/estimate/estimate.js";
import { parseEstimateInput } from "../../src/estimate/input.js";
import { estimateToMarkdown, feeShortLabel, feeShortValue, stepText, totalText } from "../../src/render/estimate-text.js";
import { portingKb } from "../estimate/kb-builder.js";

describe("estimateToMarkdown", () => {
  it("shows a table of fee lines, the total, the timeline, assumptions and sources", () => {
    const result = estimate(portingKb(), parseEstimateInput({ numbers: { local: 1, fax: 2 }, country: "US", submitted: "2026-05-15", expedite: true }));
    const text = estimateToMarkdown(result);
    expect(text).toContain("**Estimate: 1 local number and 2 fax numbers in the US, submitted Friday 2026-05-15**");
    expect(text).toContain("| Fax port (fax) | 2 | $11 USD per number | $22 USD |");
    expect(text).toContain("| Expedite | 1 | $200 USD per order | $200 USD |");
    expect(text).toContain("**Total: $222 USD**");
    expect(text).toContain("- Expedite: Where available");
    expect(text).toContain("**Expected completion: Friday 2026-06-12**");
    expect(text).toContain("- [Title of cost](https://wiki.example/Porting_FAQ#cost)");
    expect(text).toMatch(/\*\*Assumptions\*\*\n\n- Submitted on Friday 2026-05-15\./);
  });

  it("labels quotes and archived prices, and says when there is no date", () => {
    const result = estimate(portingKb(), parseEstimateInput({ numbers: { local: 1 }, country: "INTL", place: "United Kingdom", submitted: "2026-05-15" }));
    const text = estimateToMarkdown(result);
    expect(text).toContain("| International port (local) | 1 | quote | quote |");
    expect(text).toContain("**Total: quoted by the LNP department**");
    expect(text).toContain("UK geographical (2018): $31 USD per number (last published price, archived, published 2018-09-12 to 2019-01-02; not a current price)");
    expect(text).toContain("No date: see the assumptions.");
    expect(text).toContain("(archived)");
  });
});

describe("totalText", () => {
  it("adds the quoted items to a priced total", () => {
    const result = estimate(portingKb(), parseEstimateInput({ numbers: { fax: 1 }, country: "US", submitted: "2026-05-15" }));
    const quoted = { ...result, fees: { ...result.fees, total: { ...result.fees.total, excludesQuotes: true } } };
    expect(totalText(quoted)).toMatch(/^\$\d+ USD plus quoted items$/);
  });
});

describe("stepText", () => {
  it("words each kind of step with its dates", () => {
    const result = estimate(portingKb(), parseEstimateInput({ numbers: { wireless: 1 }, country: "CA", submitted: "2026-05-15", rejections: 1 }));
    expect(result.timeline!.steps.map(stepText)).toEqual([
      "Approve the SMS: up to 60 minutes after it arrives, once the order reaches the losing carrier",
      "Port of 1 wireless number: 4 business days after Friday 2026-05-15, done Friday 2026-05-22; skips Victoria Day 2026-05-18",
      "If rejected on Friday 2026-05-22: reply to a rejection by Wednesday 2026-05-27 (up to 5 days)",
      "Port of 1 wireless number, resubmitted: 4 business days after Wednesday 2026-05-27, done Tuesday 2026-06-02",
      "SMS active: usually by Wednesday 2026-06-03, at the latest Thursday 2026-06-04 (12 hours, 36 at most)",
    ]);
  });
});

describe("short fee lines", () => {
  it("names a port line by its kind and count, an order line by its event, and gives each price only when it adds something", () => {
    const result = estimate(portingKb(), parseEstimateInput({ numbers: { local: 1, fax: 2 }, country: "US", submitted: "2026-05-15", expedite: true }));
    const lines = result.fees.lines.map((l) => `${feeShortLabel(l)}: ${feeShortValue(l)}`);
    expect(lines).toContain("Fax numbers × 2: $22 USD ($11 USD each)");
    expect(lines).toContain("Expedite: $200 USD");
    expect(lines.find((l) => l.startsWith("Local numbers × 1"))).not.toContain("each");
  });

  it("says who quotes a line without a price", () => {
    const result = estimate(portingKb(), parseEstimateInput({ numbers: { local: 1 }, country: "INTL", place: "United Kingdom", submitted: "2026-05-15" }));
    expect(result.fees.lines.map(feeShortValue)).toEqual(["quoted by the LNP department"]);
  });
});
