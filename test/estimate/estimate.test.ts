import { beforeAll, describe, expect, it } from "vitest";
import { estimate, type Estimate } from "../../src/estimate/estimate.js";
import { parseEstimateInput } from "../../src/estimate/input.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";

// The worked examples, computed from the project's own knowledge base.
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
});

function run(raw: Record<string, unknown>): Estimate {
  return estimate(kb, parseEstimateInput(raw));
}

function portEnds(result: Estimate): string[] {
  return result.timeline!.steps.filter((s) => s.kind === "port").map((s) => s.end!);
}

describe("timeline from the knowledge base", () => {
  it("a US local port submitted Friday 2026-05-15 completes Friday 2026-05-22", () => {
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15" }).timeline?.completion).toBe("2026-05-22");
  });

  it("a Canadian local port submitted Friday 2026-05-15 completes Monday 2026-05-25, skipping Victoria Day", () => {
    const result = run({ numbers: { local: 1 }, country: "CA", submitted: "2026-05-15" });
    expect(result.timeline?.completion).toBe("2026-05-25");
    expect(result.timeline?.steps[0]?.skipped.map((h) => h.name)).toEqual(["Victoria Day"]);
  });

  it("a US local port submitted Tuesday 2026-12-22 completes Wednesday 2026-12-30, skipping Christmas", () => {
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-12-22" }).timeline?.completion).toBe("2026-12-30");
  });

  it("in the Canada Day / Independence Day week each country skips only its own holiday", () => {
    const us = run({ numbers: { local: 1 }, country: "US", submitted: "2026-07-02" });
    const ca = run({ numbers: { local: 1 }, country: "CA", submitted: "2026-07-02" });
    expect(us.timeline?.completion).toBe("2026-07-10");
    expect(us.timeline?.steps[0]?.skipped).toEqual([{ date: "2026-07-03", name: "Independence Day", observed: true }]);
    expect(ca.timeline?.completion).toBe("2026-07-09");
    const caFromMonday = run({ numbers: { local: 1 }, country: "CA", submitted: "2026-06-29" });
    expect(caFromMonday.timeline?.steps[0]?.skipped.map((h) => h.name)).toEqual(["Canada Day"]);
  });

  it("US Thanksgiving is skipped for US numbers only", () => {
    expect(run({ numbers: { "toll-free": 1 }, country: "US", submitted: "2026-11-23" }).timeline?.completion).toBe("2026-12-01");
    expect(run({ numbers: { "toll-free": 1 }, country: "CA", submitted: "2026-11-23" }).timeline?.completion).toBe("2026-11-30");
  });

  it("Canadian Thanksgiving is skipped for Canadian numbers", () => {
    const ca = run({ numbers: { local: 2 }, country: "CA", submitted: "2026-10-09" });
    expect(ca.timeline?.completion).toBe("2026-10-19");
    expect(ca.timeline?.steps[0]?.skipped.map((h) => h.name)).toEqual(["Thanksgiving"]);
  });

  it("Juneteenth is skipped for US numbers only", () => {
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-06-15" }).timeline?.completion).toBe("2026-06-23");
    expect(run({ numbers: { local: 1 }, country: "CA", submitted: "2026-06-15" }).timeline?.completion).toBe("2026-06-22");
  });

  it("the National Day for Truth and Reconciliation is skipped for Canadian numbers only", () => {
    expect(run({ numbers: { local: 1 }, country: "CA", submitted: "2026-09-28" }).timeline?.completion).toBe("2026-10-06");
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-09-28" }).timeline?.completion).toBe("2026-10-05");
  });

  it("New Year's Day is skipped", () => {
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-12-29" }).timeline?.completion).toBe("2027-01-06");
    expect(run({ numbers: { local: 1 }, country: "CA", submitted: "2026-12-29" }).timeline?.completion).toBe("2027-01-06");
  });

  it("fax takes 10 business days, and voice and fax chain one after the other", () => {
    const result = run({ numbers: { local: 1, fax: 1 }, country: "US", submitted: "2026-05-15" });
    expect(portEnds(result)).toEqual(["2026-05-22", "2026-06-08"]);
    const fax = result.timeline!.steps.find((s) => s.kinds.includes("fax"))!;
    expect(fax.start).toBe("2026-05-22");
    expect(fax.businessDays).toBe(10);
    expect(fax.skipped.map((h) => h.name)).toEqual(["Memorial Day"]);
    expect(result.timeline?.rules.map((r) => r.entryId)).toContain("can-i-port-at-the-same-time");
  });

  it("a weekend submission counts from the next business day, and says so", () => {
    const result = run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-16" });
    expect(result.timeline?.countsFrom).toBe("2026-05-18");
    expect(result.timeline?.completion).toBe("2026-05-26");
    expect(result.assumptions.join("\n")).toContain("Saturday 2026-05-16 is not a business day");
  });

  it("a rejection adds the 7-day reply window and restarts the interval", () => {
    const result = run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15", rejections: 1 });
    const rejection = result.timeline!.steps.find((s) => s.kind === "rejection")!;
    expect(rejection).toMatchObject({ start: "2026-05-22", end: "2026-05-29", source: { entryId: "important" } });
    expect(portEnds(result)).toEqual(["2026-05-22", "2026-06-05"]);
    expect(result.fees.lines.find((l) => l.event === "resubmission")).toMatchObject({ quantity: 1, amount: 8.75 });
  });

  it("SMS on a ported wireless number: 24 hours typical, 48 at most after completion", () => {
    const result = run({ numbers: { wireless: 1 }, country: "CA", submitted: "2026-05-15" });
    const sms = result.timeline!.steps.find((s) => s.kind === "sms-activation")!;
    expect(sms).toMatchObject({ start: "2026-05-25", typicalEnd: "2026-05-26", end: "2026-05-27" });
    expect(result.timeline!.steps.find((s) => s.kind === "sms-approval")?.duration).toBe("up to 90 minutes");
  });
});

describe("fees from the knowledge base", () => {
  it("3 fax and 2 toll-free US numbers: free toll-free, $15 per fax, each line naming its entry", () => {
    const result = run({ numbers: { fax: 3, "toll-free": 2 }, country: "US", submitted: "2026-12-22" });
    expect(result.fees.lines.map((l) => [l.kind, l.quantity, l.amount, l.source.entryId])).toEqual([
      ["toll-free", 2, 0, "how-much-does-it-cost-to-port-a-number"],
      ["fax", 3, 45, "how-much-does-it-cost-to-port-a-number"],
    ]);
    expect(result.fees.total).toEqual({ amount: 45, currency: "USD", excludesQuotes: false });
  });

  it("an expedite adds $250 per order, with its conditions", () => {
    const result = run({ numbers: { local: 4 }, country: "CA", submitted: "2026-05-15", expedite: true });
    const expedite = result.fees.lines.find((l) => l.event === "expedite")!;
    expect(expedite).toMatchObject({ quantity: 1, amount: 250 });
    expect(expedite.conditions).toMatch(/case by case/);
    expect(result.fees.total.amount).toBe(250);
    expect(result.assumptions.join("\n")).toMatch(/without an expedite/);
  });

  it("a cancellation after submission costs $50 and has no completion date", () => {
    const result = run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15", cancel: true });
    expect(result.fees.lines.find((l) => l.event === "cancellation")?.amount).toBe(50);
    expect(result.timeline).toBeNull();
  });

  it("an international number gets a quote from the LNP department and no date, with the archived price labelled", () => {
    const result = run({ numbers: { local: 2 }, country: "INTL", place: "United Kingdom", submitted: "2026-12-22" });
    expect(result.fees.lines).toHaveLength(1);
    expect(result.fees.lines[0]).toMatchObject({ quote: true, quantity: 2 });
    expect(result.fees.lines[0]?.amount).toBeUndefined();
    expect(result.fees.lines[0]?.conditions).toContain("ports@voip.ms");
    expect(result.fees.total.excludesQuotes).toBe(true);
    expect(result.timeline).toBeNull();
    expect(result.fees.indicative).toEqual([
      expect.objectContaining({ unitAmount: 30, since: "2018-09-12", until: "2019-01-02", source: expect.objectContaining({ status: "archived" }) }),
    ]);
  });

  it("shows no archived price for a kind the old list did not price, even where it priced another kind of number", () => {
    // The 2018 list priced UK geographic, toll-free and national numbers, but neither fax nor wireless.
    const result = run({ numbers: { fax: 1, wireless: 1 }, country: "INTL", place: "United Kingdom", submitted: "2026-12-22" });
    expect(result.fees.indicative).toEqual([]);
  });

  it("notes the losing carrier's own fees and the port-away fee of numbers bought from stock", () => {
    const result = run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15" });
    expect(result.fees.notes.map((n) => [n.event, n.source.entryId])).toEqual([
      ["losing-carrier", "my-previous-carrier-is-charging-me"],
      ["port-away", "can-i-port-out-a-number-i-have-purchased"],
    ]);
  });
});

describe("time zone", () => {
  it("says in which time zone the dates are", () => {
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15" }).assumptions).toContain("Dates are calendar days in the America/Toronto time zone.");
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15", timeZone: "America/Vancouver" }).assumptions).toContain(
      "Dates are calendar days in the America/Vancouver time zone.",
    );
  });
});

describe("numbers outside the US48", () => {
  it("a Hawaii order is quoted by the LNP department, with no date and no $0 line, and the expedite is not priced either", () => {
    const result = run({ numbers: { local: 2, fax: 1 }, country: "INTL", place: "Hawaii", submitted: "2026-12-07", expedite: true });
    expect(result.fees.lines.map((l) => [l.event, l.kind, l.quote, l.source.factId])).toEqual([
      ["port", "local", true, "port-outside-us48-quote"],
      ["port", "fax", true, "port-outside-us48-quote"],
    ]);
    expect(result.fees.total.excludesQuotes).toBe(true);
    expect(result.fees.lines[0]?.conditions).toContain("ports@voip.ms");
    expect(result.timeline).toBeNull();
    expect(result.assumptions).toContain("Numbers outside the US48 and Canada have no fixed price: the LNP department quotes them.");
  });

  it("another country's order keeps the international quote", () => {
    const result = run({ numbers: { local: 1 }, country: "INTL", place: "Spain", submitted: "2026-12-07" });
    expect(result.fees.lines.map((l) => l.source.factId)).toEqual(["port-international-quote"]);
  });
});

describe("a day the port is needed by", () => {
  it("says the completion is in time when it is no later than the day needed", () => {
    const result = run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15", deadline: "2026-05-22" });
    expect(result.deadline).toEqual({ date: "2026-05-22", inTime: true });
  });

  it("says the completion is late when it comes after the day needed", () => {
    const result = run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15", deadline: "2026-05-21" });
    expect(result.deadline).toEqual({ date: "2026-05-21", inTime: false });
  });

  it("cannot say for numbers quoted with no date", () => {
    const result = run({ numbers: { local: 1 }, country: "INTL", place: "Mexico", submitted: "2026-05-15", deadline: "2026-05-21" });
    expect(result.deadline).toEqual({ date: "2026-05-21", inTime: null });
  });

  it("has no deadline when none was said", () => {
    expect(run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15" }).deadline).toBeUndefined();
  });

  it("refuses a deadline that is no date", () => {
    expect(() => run({ numbers: { local: 1 }, country: "US", submitted: "2026-05-15", deadline: "next week" })).toThrow(/deadline/);
  });
});
