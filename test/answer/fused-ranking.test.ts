import { describe, expect, it } from "vitest";
import { FUSION, fuseRanking } from "../../src/answer/fused-ranking.js";

describe("the re-ranking by the engine's score and the encoder's closeness", () => {
  it("keeps the engine's order when the encoder finds the candidates equally close, and then leaves the choice open when the scores are close", () => {
    const { order, answer } = fuseRanking([
      { score: 0.5, closeness: 0.6 },
      { score: 0.5 - FUSION.lead / 2, closeness: 0.6 },
      { score: 0.2, closeness: 0.6 },
    ]);
    expect(order).toEqual([0, 1, 2]);
    expect(answer).toBe(false);
  });

  it("puts first a candidate the encoder finds clearly closer, and answers it when it leads by the bar", () => {
    const closer = 0.6 + (FUSION.lead + 0.1) / FUSION.weight;
    const behind = 0.05;
    const { order, answer } = fuseRanking([
      { score: 0.5, closeness: 0.6 },
      { score: 0.5 - behind, closeness: closer + behind / FUSION.weight },
    ]);
    expect(order).toEqual([1, 0]);
    expect(answer).toBe(true);
  });

  it("asks rather than answers when the encoder's favourite leads by less than the bar", () => {
    const { order, answer } = fuseRanking([
      { score: 0.5, closeness: 0.6 },
      { score: 0.45, closeness: 0.6 + (0.05 + FUSION.lead / 2) / FUSION.weight },
    ]);
    expect(order).toEqual([1, 0]);
    expect(answer).toBe(false);
  });

  it("never answers a lone candidate or nothing: there is no rival to lead", () => {
    expect(fuseRanking([{ score: 0.9, closeness: 0.9 }])).toEqual({ order: [0], answer: false });
    expect(fuseRanking([])).toEqual({ order: [], answer: false });
  });
});
