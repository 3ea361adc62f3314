import { describe, expect, it } from "vitest";
import { RecentActivities } from "../../bot/recent-activities.js";

describe("recent activity ids", () => {
  it("recognise an id seen in the same conversation, not in another", () => {
    const recent = new RecentActivities();
    expect(recent.isDuplicate("c1", "a1")).toBe(false);
    expect(recent.isDuplicate("c1", "a1")).toBe(true);
    expect(recent.isDuplicate("c2", "a1")).toBe(false);
  });

  it("forget an id after a few minutes", () => {
    let now = 0;
    const recent = new RecentActivities(5 * 60_000, 100, () => now);
    recent.isDuplicate("c1", "a1");
    now = 4 * 60_000;
    expect(recent.isDuplicate("c1", "a1")).toBe(true);
    now = 5 * 60_000 + 1;
    expect(recent.isDuplicate("c1", "a1")).toBe(false);
  });

  it("keep at most their capacity, the oldest forgotten first", () => {
    const recent = new RecentActivities(60_000, 3, () => 0);
    for (const id of ["a", "b", "c", "d"]) recent.isDuplicate("c1", id);
    expect(recent.isDuplicate("c1", "a")).toBe(false);
    expect(recent.isDuplicate("c1", "d")).toBe(true);
  });
});
