import { describe, expect, it } from "vitest";
import { appliesTo, feesFor, inForceOn } from "../../src/knowledge/facts.js";
import { entry, knowledgeBase } from "../estimate/kb-builder.js";

describe("which facts apply to a case", () => {
  it("a value that is given must be listed; a value nobody gave excludes nothing", () => {
    const usCa = { countries: ["US", "CA"] as const, kinds: ["local"] as const };
    const scope = { countries: [...usCa.countries], kinds: [...usCa.kinds] };
    expect(appliesTo(scope, { country: "CA", kinds: ["local"] })).toBe(true);
    expect(appliesTo(scope, { country: "INTL", kinds: ["local"] })).toBe(false);
    expect(appliesTo(scope, { country: "US", kinds: ["fax"] })).toBe(false);
    expect(appliesTo(scope, { country: "US", kinds: ["fax", "local"] })).toBe(true);
    expect(appliesTo(scope, {})).toBe(true);
    expect(appliesTo({ directions: ["out"] }, { direction: "in" })).toBe(false);
    expect(appliesTo({ directions: ["out"] }, {})).toBe(true);
  });

  it("a fact for named places applies only to a place that is named and listed, whatever its accents and case", () => {
    const scope = { countries: ["INTL" as const], places: ["Côte d'Ivoire"] };
    expect(appliesTo(scope, { country: "INTL", place: "cote d'ivoire" })).toBe(true);
    expect(appliesTo(scope, { country: "INTL", place: "France" })).toBe(false);
    expect(appliesTo(scope, { country: "INTL" })).toBe(false);
    expect(appliesTo(scope, {})).toBe(false);
  });

  it("a fact is in force from its `since` day up to the day before its `until`", () => {
    const fact = { since: "2020-01-15", until: "2021-01-01" };
    expect(inForceOn(fact, "2020-01-14")).toBe(false);
    expect(inForceOn(fact, "2020-01-15")).toBe(true);
    expect(inForceOn(fact, "2020-12-31")).toBe(true);
    expect(inForceOn(fact, "2021-01-01")).toBe(false);
    expect(inForceOn(fact, undefined)).toBe(true);
  });

  it("lists the most specific fact first, current entries only unless archived ones are asked for", () => {
    const kb = knowledgeBase([
      entry("general", { fees: [{ id: "any", label: "Any", event: "resubmission", amount: 5, unit: "per-resubmission" }] }),
      entry("canada", { fees: [{ id: "ca", label: "Canada", event: "resubmission", amount: 7, unit: "per-resubmission", applies_to: { countries: ["CA"] } }] }),
      entry("old", { status: "archived", fees: [{ id: "old", label: "Old", event: "resubmission", amount: 9, unit: "per-resubmission" }] }),
    ]);
    expect(feesFor(kb, "resubmission", { country: "CA" }).map((f) => f.fact.id)).toEqual(["ca", "any"]);
    expect(feesFor(kb, "resubmission", { country: "US" }).map((f) => f.fact.id)).toEqual(["any"]);
    expect(feesFor(kb, "resubmission", { status: "archived" }).map((f) => [f.fact.id, f.source.archivedOn])).toEqual([["old", "2019-01-02"]]);
  });
});
