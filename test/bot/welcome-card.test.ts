import { describe, expect, it } from "vitest";
import { helpCard } from "../../bot/cards/welcome-card.js";

const helpText = (flows: string[]) => {
  const block = helpCard(new Set(flows)).blocks[0]!;
  return "text" in block ? block.text : "";
};

describe("helpCard", () => {
  it("describes the flows the menu offers, and only those", () => {
    expect(helpText(["diagnose", "checklist", "estimate"])).toContain("Check that a number is ready to port");
    const withoutChecklist = helpText(["diagnose", "estimate"]);
    expect(withoutChecklist).toContain("why a port was rejected");
    expect(withoutChecklist).not.toContain("ready to port");
  });
});
