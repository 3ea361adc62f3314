import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { Duration, Fee, KnowledgeBase, Rule } from "../../src/knowledge/schema.js";

/** The facts the wiki states, read back from the committed knowledge base's frontmatter. */
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase("knowledge");
});

function facts<T>(pick: (e: KnowledgeBase["entries"][number]) => T[], status: "current" | "archived") {
  return kb.entries.filter((e) => e.status === status).flatMap((e) => pick(e).map((fact) => ({ fact, entry: e.id })));
}
const fee = (event: Fee["event"], wanted: (f: Fee) => boolean = () => true, status: "current" | "archived" = "current") =>
  facts((e) => e.fees, status).filter(({ fact }) => fact.event === event && wanted(fact));
const duration = (event: Duration["event"], status: "current" | "archived" = "current") =>
  facts((e) => e.durations, status).filter(({ fact }) => fact.event === event);
const rule = (kind: Rule["rule"]) => facts((e) => e.rules, "current").filter(({ fact }) => fact.rule === kind);

describe("fees in the knowledge base", () => {
  it("porting local and toll-free numbers in the US48 and Canada is free since 2020-01-15", () => {
    const [free] = fee("port", (f) => f.amount === 0);
    expect(free?.fact).toMatchObject({ currency: "USD", unit: "per-number", since: "2020-01-15" });
    expect(free?.fact.applies_to.kinds).toEqual(expect.arrayContaining(["local", "toll-free"]));
    expect(free?.fact.applies_to.countries).toEqual(["US", "CA"]);
  });

  it("fax numbers cost $15 USD one time per number", () => {
    expect(fee("port", (f) => f.applies_to.kinds?.includes("fax") ?? false).map(({ fact }) => [fact.amount, fact.unit])).toEqual([[15, "per-number"]]);
  });

  it("resubmission $8.75, cancellation after submission $50, expedite $250, voice-to-fax conversion $15", () => {
    expect(fee("resubmission").map(({ fact }) => fact.amount)).toEqual([8.75]);
    expect(fee("cancellation").map(({ fact }) => fact.amount)).toEqual([50]);
    expect(fee("expedite").map(({ fact }) => fact.amount)).toEqual([250]);
    expect(fee("conversion").map(({ fact }) => fact.amount)).toEqual([15]);
  });

  it("international ports and port-away fees for stock numbers are quoted case by case", () => {
    expect(fee("port", (f) => f.applies_to.countries?.includes("INTL") ?? false).map(({ fact }) => fact.quote)).toEqual([true, true]);
    expect(fee("port-away").map(({ fact }) => fact.quote)).toEqual([true]);
  });

  it("free porting covers the US48 only: Alaska, Hawaii and the US territories are quoted like other countries", () => {
    const outside = fee("port", (f) => f.applies_to.places?.includes("Hawaii") === true);
    expect(outside.map(({ fact }) => [fact.quote, fact.amount, fact.applies_to.countries])).toEqual([[true, undefined, ["INTL"]]]);
    expect(outside[0]?.fact.applies_to.places).toEqual(["Alaska", "Hawaii", "Puerto Rico", "U.S. Virgin Islands", "Guam"]);
  });

  it("keeps the archived pre-2020 fee and the 2018 international price list with their dates", () => {
    const before2020 = fee("port", (f) => f.until === "2020-01-15", "archived");
    expect(before2020.map(({ fact }) => fact.amount)).toEqual([8.75]);
    const uk = fee("port", (f) => f.applies_to.places?.includes("United Kingdom") === true && f.applies_to.kinds?.includes("local") === true, "archived");
    expect(uk.map(({ fact }) => fact.amount)).toEqual([30]);
    expect(uk[0]?.fact.until).toBeDefined();
  });
});

describe("durations and rules in the knowledge base", () => {
  it("about 5 business days for US and Canadian ports, about 2 weeks (10 business days) for fax", () => {
    const ports = duration("port").map(({ fact }) => fact);
    expect(ports.find((d) => d.applies_to.kinds?.includes("fax"))).toMatchObject({ typical: 2, unit: "weeks", business_days: 10 });
    expect(ports.find((d) => d.applies_to.kinds?.includes("local"))).toMatchObject({ typical: 5, unit: "business-days" });
  });

  it("90 minutes to answer the approval SMS, SMS active in 24 hours typically and 48 at most, 7 days to answer a rejection", () => {
    expect(duration("sms-approval").map(({ fact }) => [fact.max ?? fact.typical, fact.unit])).toEqual([[90, "minutes"]]);
    expect(duration("sms-activation").map(({ fact }) => [fact.typical, fact.max, fact.unit])).toEqual([[24, 48, "hours"]]);
    expect(duration("rejection-reply").map(({ fact }) => [fact.max ?? fact.typical, fact.unit])).toEqual([[7, "days"]]);
  });

  it("no ports on weekends or holidays, a resubmission restarts the interval, voice and fax one after the other", () => {
    expect(rule("no-weekend-or-holiday-ports")).toHaveLength(1);
    expect(rule("resubmission-restarts-interval")).toHaveLength(1);
    expect(rule("voice-fax-sequential")).toHaveLength(1);
  });

  it("keeps the archived NASC timeline of 24 to 72 hours", () => {
    expect(duration("nasc", "archived").map(({ fact }) => [fact.min, fact.max, fact.unit])).toEqual([[24, 72, "hours"]]);
  });
});
