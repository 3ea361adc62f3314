import { describe, expect, it } from "vitest";
import { EntryUsage } from "../../bot/extension/usage.js";
import { realKnowledge } from "./harness.js";

describe("entry usage", () => {
  it("puts the most used current entries first, then the entries most others point to", async () => {
    const kb = await realKnowledge();
    const usage = new EntryUsage(kb);
    const before = usage.mostUsed(5).map((e) => e.id);
    expect(before).toHaveLength(5);
    usage.record("what-is-a-partial-port");
    usage.record("what-is-a-partial-port");
    usage.record("btn");
    expect(usage.mostUsed(3).map((e) => e.id)).toEqual(["what-is-a-partial-port", "btn", before[0]]);
  });

  it("never lists archived entries and ignores unknown ids", async () => {
    const kb = await realKnowledge();
    const usage = new EntryUsage(kb);
    usage.record("what-is-a-nasc-procedure-until-2019-08-27");
    usage.record("no-such-entry");
    expect(usage.mostUsed(kb.entries.length).every((e) => e.status === "current")).toBe(true);
  });
});
