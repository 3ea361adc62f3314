import { describe, expect, it } from "vitest";
import { estimateFees } from "../../src/estimate/fees.js";
import { parseEstimateInput, type EstimateInput } from "../../src/estimate/input.js";
import { portingKb } from "./kb-builder.js";

function input(raw: Record<string, unknown>): EstimateInput {
  return parseEstimateInput({ country: "US", submitted: "2026-05-15", ...raw });
}

describe("estimateFees", () => {
  it("prices each kind with its own fee and totals the lines", () => {
    const fees = estimateFees(portingKb(), input({ numbers: { local: 2, fax: 3 } }));
    expect(fees.lines.map((l) => [l.kind, l.source.factId, l.quantity, l.unitAmount, l.amount])).toEqual([
      ["local", "free-voice", 2, 0, 0],
      ["fax", "fax-fee", 3, 11, 33],
    ]);
    expect(fees.total).toEqual({ amount: 33, currency: "USD", excludesQuotes: false });
  });

  it("names the entry, title and link every line came from", () => {
    const [line] = estimateFees(portingKb(), input({ numbers: { fax: 1 } })).lines;
    expect(line?.source).toEqual({ factId: "fax-fee", entryId: "cost", title: "Title of cost", url: "https://wiki.example/Porting_FAQ#cost", status: "current" });
  });

  it("charges resubmissions per expected rejection, and expedite and cancellation once per order", () => {
    const fees = estimateFees(portingKb(), input({ numbers: { local: 5 }, rejections: 2, expedite: true, cancel: true }));
    expect(fees.lines.filter((l) => !l.kind).map((l) => [l.event, l.quantity, l.amount])).toEqual([
      ["resubmission", 2, 7],
      ["expedite", 1, 200],
      ["cancellation", 1, 40],
    ]);
    expect(fees.total.amount).toBe(247);
  });

  it("uses only facts valid on the submission day, and never prices from archived entries", () => {
    const before = estimateFees(portingKb(), input({ numbers: { local: 1 }, submitted: "2019-06-03" }));
    expect(before.lines).toEqual([]);
    expect(before.unpriced).toEqual(["porting local numbers"]);
    expect(before.total.excludesQuotes).toBe(true);
  });

  it("quotes international numbers and shows the newest archived price for the place, outside the total", () => {
    const fees = estimateFees(portingKb(), input({ numbers: { local: 1, "toll-free": 1 }, country: "INTL", place: "United Kingdom" }));
    expect(fees.lines.map((l) => [l.kind, l.quote, l.conditions])).toEqual([
      ["local", true, "Ask lnp@example.test"],
      ["toll-free", true, "Ask lnp@example.test"],
    ]);
    expect(fees.total).toEqual({ amount: 0, currency: "USD", excludesQuotes: true });
    expect(fees.indicative).toEqual([
      expect.objectContaining({ kind: "local", unitAmount: 31, since: "2018-09-12", until: "2019-01-02", place: "United Kingdom", source: expect.objectContaining({ entryId: "intl-prices-2018", status: "archived", archivedOn: "2019-01-02" }) }),
    ]);
  });

  it("shows no archived price for a country the old lists did not name", () => {
    const fees = estimateFees(portingKb(), input({ numbers: { local: 1 }, country: "INTL", place: "Japan" }));
    expect(fees.indicative).toEqual([]);
    expect(fees.lines[0]?.quote).toBe(true);
  });

  it("lists the losing carrier's and the port-away fees as notes, never as lines", () => {
    const fees = estimateFees(portingKb(), input({ numbers: { local: 1 } }));
    expect(fees.notes.map((n) => n.source.factId)).toEqual(["losing", "away"]);
    expect(fees.lines.some((l) => l.event === "losing-carrier" || l.event === "port-away")).toBe(false);
  });

  it("reports an option the knowledge base has no fee for instead of inventing one", () => {
    const fees = estimateFees(portingKb(["expedite"]), input({ numbers: { local: 1 }, expedite: true }));
    expect(fees.unpriced).toEqual(["an expedite"]);
    expect(fees.total.excludesQuotes).toBe(true);
  });
});
