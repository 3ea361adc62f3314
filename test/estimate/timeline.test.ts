import { describe, expect, it } from "vitest";
import { parseEstimateInput, type EstimateInput } from "../../src/estimate/input.js";
import { estimateTimeline } from "../../src/estimate/timeline.js";
import { portingKb } from "./kb-builder.js";

function input(raw: Record<string, unknown>): EstimateInput {
  return parseEstimateInput({ country: "US", submitted: "2026-05-15", ...raw });
}

describe("estimateTimeline", () => {
  it("counts the port's business days from the knowledge base", () => {
    const { timeline } = estimateTimeline(portingKb(), input({ numbers: { local: 1 } }));
    expect(timeline?.steps.find((s) => s.kind === "port")).toMatchObject({ businessDays: 4, start: "2026-05-15", end: "2026-05-21", source: { factId: "voice-time" } });
  });

  it("counts a duration in weeks as its stated business days", () => {
    const { timeline } = estimateTimeline(portingKb(), input({ numbers: { fax: 1 } }));
    expect(timeline?.steps[0]).toMatchObject({ businessDays: 15, end: "2026-06-08" });
  });

  it("chains voice then fax when the voice-fax rule is in the knowledge base, and runs them together without it", () => {
    const chained = estimateTimeline(portingKb(), input({ numbers: { local: 1, fax: 1 } })).timeline!;
    expect(chained.steps.filter((s) => s.kind === "port").map((s) => [s.start, s.end])).toEqual([
      ["2026-05-15", "2026-05-21"],
      ["2026-05-21", "2026-06-12"],
    ]);
    const together = estimateTimeline(portingKb(["one-after-other"]), input({ numbers: { local: 1, fax: 1 } })).timeline!;
    expect(together.steps.filter((s) => s.kind === "port").map((s) => s.start)).toEqual(["2026-05-15", "2026-05-15"]);
    expect(together.completion).toBe("2026-06-08");
  });

  it("skips holidays only when the knowledge base says ports do not happen on them", () => {
    const withRule = estimateTimeline(portingKb(), input({ numbers: { local: 1 }, country: "CA" })).timeline!;
    const withoutRule = estimateTimeline(portingKb(["no-holidays"]), input({ numbers: { local: 1 }, country: "CA" })).timeline!;
    expect(withRule.completion).toBe("2026-05-22");
    expect(withoutRule.completion).toBe("2026-05-21");
  });

  it("puts each rejection's reply window and a full new interval after the attempt", () => {
    const { timeline, assumptions } = estimateTimeline(portingKb(), input({ numbers: { local: 1 }, rejections: 2 }));
    expect(timeline!.steps.map((s) => [s.kind, s.start, s.end])).toEqual([
      ["port", "2026-05-15", "2026-05-21"],
      ["rejection", "2026-05-21", "2026-05-26"],
      ["port", "2026-05-26", "2026-06-01"],
      ["rejection", "2026-06-01", "2026-06-06"],
      ["port", "2026-06-08", "2026-06-12"],
      ["sms-activation", "2026-06-12", "2026-06-14"],
    ]);
    expect(assumptions.join("\n")).toMatch(/waits the whole interval again/);
  });

  it("counts a reply window given in business days as business days", () => {
    const kb = portingKb(["reply"]);
    kb.entries.find((e) => e.id === "rejections")!.durations.push({ id: "reply-bd", label: "Reply to a rejection", event: "rejection-reply", max: 2, unit: "business-days", applies_to: {} });
    const { timeline } = estimateTimeline(kb, input({ numbers: { local: 1 }, rejections: 1 }));
    // The first attempt ends Thursday 2026-05-21: Friday is the first business day, Tuesday (after Memorial Day) the second.
    expect(timeline?.steps.find((s) => s.kind === "rejection")).toMatchObject({ start: "2026-05-21", end: "2026-05-26", duration: "up to 2 business days" });
  });

  it("without the restart rule a rejection only adds the reply window", () => {
    const { timeline } = estimateTimeline(portingKb(["restart"]), input({ numbers: { local: 1 }, rejections: 1 }));
    expect(timeline?.completion).toBe("2026-05-26");
  });

  it("adds SMS activation for local and wireless numbers, not for toll-free", () => {
    const local = estimateTimeline(portingKb(), input({ numbers: { local: 1 } })).timeline!;
    expect(local.steps.find((s) => s.kind === "sms-activation")).toMatchObject({ start: "2026-05-21", typicalEnd: "2026-05-22", end: "2026-05-23" });
    const tollFree = estimateTimeline(portingKb(), input({ numbers: { "toll-free": 1 } })).timeline!;
    expect(tollFree.steps.some((s) => s.kind === "sms-activation")).toBe(false);
  });

  it("asks wireless customers to answer the approval SMS", () => {
    const { timeline } = estimateTimeline(portingKb(), input({ numbers: { wireless: 1 } }));
    expect(timeline?.steps[0]).toMatchObject({ kind: "sms-approval", duration: "up to 60 minutes", source: { entryId: "sms-approval" } });
  });

  it("gives no date for international numbers, and says why", () => {
    const result = estimateTimeline(portingKb(), input({ numbers: { local: 1 }, country: "INTL" }));
    expect(result.timeline).toBeNull();
    expect(result.assumptions.join("\n")).toMatch(/LNP department gives the timeline/);
  });

  it("gives no date when the knowledge base has no porting time for a kind", () => {
    const result = estimateTimeline(portingKb(["fax-time"]), input({ numbers: { fax: 1 } }));
    expect(result.timeline).toBeNull();
    expect(result.assumptions.join("\n")).toMatch(/no porting time for fax numbers/);
  });
});
