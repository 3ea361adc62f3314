import { describe, expect, it } from "vitest";
import { FUSION, fuseRanking } from "../../src/answer/fused-ranking.js";

/** A cosine below the close-first bar: only the lead can answer. */
const FAR = FUSION.closeFirst.bar - 0.05;
const TWO = FUSION.closeFirst.shown;

describe("the re-ranking by the engine's score and the encoder's closeness", () => {
  it("keeps the engine's order when the encoder finds the candidates equally close, and then leaves the choice open when the scores are close", () => {
    const { order, answer } = fuseRanking(
      [
        { score: 0.5, closeness: 0.6, cosine: FAR, nearest: false },
        { score: 0.5 - FUSION.lead / 2, closeness: 0.6, cosine: FAR, nearest: false },
        { score: 0.2, closeness: 0.6, cosine: FAR, nearest: false },
      ],
      TWO,
    );
    expect(order).toEqual([0, 1, 2]);
    expect(answer).toBe(false);
  });

  it("puts first a candidate the encoder finds clearly closer, and answers it when it leads by the bar", () => {
    const closer = 0.6 + (FUSION.lead + 0.1) / FUSION.weight;
    const behind = 0.05;
    const { order, answer } = fuseRanking(
      [
        { score: 0.5, closeness: 0.6, cosine: FAR, nearest: false },
        { score: 0.5 - behind, closeness: closer + behind / FUSION.weight, cosine: FAR, nearest: false },
      ],
      TWO + 1,
    );
    expect(order).toEqual([1, 0]);
    expect(answer).toBe(true);
  });

  it("asks rather than answers when the encoder's favourite leads by less than the bar and none of its phrasings is close", () => {
    const { order, answer } = fuseRanking(
      [
        { score: 0.5, closeness: 0.6, cosine: FAR, nearest: false },
        { score: 0.45, closeness: 0.6 + (0.05 + FUSION.lead / 2) / FUSION.weight, cosine: FAR, nearest: false },
      ],
      TWO,
    );
    expect(order).toEqual([1, 0]);
    expect(answer).toBe(false);
  });

  it(`answers the engine's first without the lead when the re-ranking keeps it, the engine offered ${TWO} choices and its closest phrasing reaches ${FUSION.closeFirst.bar}`, () => {
    const narrow = [
      { score: 0.5, closeness: 0.6, cosine: FUSION.closeFirst.bar, nearest: false },
      { score: 0.5 - FUSION.lead / 2, closeness: 0.6, cosine: FUSION.closeFirst.bar + 0.05, nearest: false },
    ];
    expect(fuseRanking(narrow, TWO)).toEqual({ order: [0, 1], answer: true });
    // Three choices offered: the engine saw a wider contest, and the same closeness is not enough.
    expect(fuseRanking(narrow, TWO + 1)).toEqual({ order: [0, 1], answer: false });
    // The rival's phrasing being close does not answer it: only the first's counts.
    const farFirst = narrow.map((c, i) => (i === 0 ? { ...c, cosine: FAR, nearest: false } : c));
    expect(fuseRanking(farFirst, TWO)).toEqual({ order: [0, 1], answer: false });
  });

  it("never answers on closeness alone a first the re-ranking took from the engine's second, unless the encoder puts it ahead of every answer group", () => {
    const overtaken = [
      { score: 0.5, closeness: 0.6, cosine: FUSION.closeFirst.bar + 0.05, nearest: false },
      { score: 0.45, closeness: 0.6 + (0.05 + FUSION.lead / 2) / FUSION.weight, cosine: FUSION.closeFirst.bar + 0.05, nearest: false },
    ];
    expect(fuseRanking(overtaken, TWO)).toEqual({ order: [1, 0], answer: false });
    const nearestOfAll = overtaken.map((c, i) => (i === 1 ? { ...c, nearest: true } : c));
    expect(fuseRanking(nearestOfAll, TWO)).toEqual({ order: [1, 0], answer: true });
  });

  it(`answers a first of ${FUSION.nearestFirst.shown} choices that is the encoder's nearest answer group at ${FUSION.nearestFirst.bar} or closer, never below that, with more choices, or when another group is nearer`, () => {
    const { shown, bar } = FUSION.nearestFirst;
    const pair = (cosine: number, nearest: boolean) => [
      { score: 0.5, closeness: 0.6, cosine, nearest },
      { score: 0.5 - FUSION.lead / 2, closeness: 0.6, cosine: cosine - 0.02, nearest: false },
    ];
    expect(fuseRanking(pair(bar, true), shown)).toEqual({ order: [0, 1], answer: true });
    expect(fuseRanking(pair(bar - 0.01, true), shown)).toEqual({ order: [0, 1], answer: false });
    expect(fuseRanking(pair(bar, true), shown + 1)).toEqual({ order: [0, 1], answer: false });
    expect(fuseRanking(pair(bar, false), shown)).toEqual({ order: [0, 1], answer: false });
  });

  it("never answers a lone candidate or nothing: there is no rival to rank it against", () => {
    expect(fuseRanking([{ score: 0.9, closeness: 0.9, cosine: 0.9, nearest: false }], 1)).toEqual({ order: [0], answer: false });
    expect(fuseRanking([], 0)).toEqual({ order: [], answer: false });
  });
});

describe("the re-ranking of a question that names its port's direction", () => {
  const CLOSE = FUSION.closeFirst.bar + 0.05;

  it("never puts first nor answers a candidate about the other way, however far ahead, but keeps it as a rival", () => {
    const against = { score: 0.9, closeness: 0.9, cosine: CLOSE, nearest: true, against: true };
    const { order, answer } = fuseRanking([{ score: 0.5, closeness: 0.6, cosine: FAR, nearest: false }, against, { score: 0.2, closeness: 0.3, cosine: FAR, nearest: false }], TWO + 1);
    expect(order).toEqual([0, 2, 1]);
    // The first leads the third by far more than the bar, but not the rival about the other way.
    expect(answer).toBe(false);
  });

  it("answers nothing when every candidate is about the other way", () => {
    const against = { score: 0.9, closeness: 0.9, cosine: CLOSE, nearest: true, against: true };
    expect(fuseRanking([against, { ...against, score: 0.1, closeness: 0.1, nearest: false }], TWO).answer).toBe(false);
  });
});
