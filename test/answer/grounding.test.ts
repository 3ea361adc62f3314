import { describe, expect, it } from "vitest";
import { GROUNDING, grounded } from "../../src/answer/grounding.js";

describe("a choice's grounding", () => {
  it("holds back a choice only when both its score is low and its own text says little of the question", () => {
    expect(grounded({ score: GROUNDING.score - 0.01, grounding: GROUNDING.share })).toBe(false);
    expect(grounded({ score: GROUNDING.score - 0.01, grounding: 0 })).toBe(false);
    expect(grounded({ score: GROUNDING.score, grounding: 0 })).toBe(true);
    expect(grounded({ score: 0.1, grounding: GROUNDING.share + 0.01 })).toBe(true);
  });

  it("takes other bars", () => {
    expect(grounded({ score: 0.45, grounding: 0.2 }, { score: 0.5, share: 0.25 })).toBe(false);
    expect(grounded({ score: 0.45, grounding: 0.3 }, { score: 0.5, share: 0.25 })).toBe(true);
  });
});
