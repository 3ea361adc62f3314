import { describe, expect, it } from "vitest";
import { ANSWER_DOUBT, encoderDoubts, leadOf, worthDoubting } from "../../src/answer/doubtful-answer.js";

describe("doubting an engine answer", () => {
  it("asks the encoder only about answers leading by less than the bar", () => {
    expect(worthDoubting(ANSWER_DOUBT.lead - 0.001)).toBe(true);
    expect(worthDoubting(ANSWER_DOUBT.lead)).toBe(false);
  });

  it("measures the lead over the first candidate of another answer group, or the whole score without one", () => {
    expect(leadOf([{ score: 0.6, group: 1 }, { score: 0.58, group: 1 }, { score: 0.5, group: 2 }])).toBeCloseTo(0.1);
    expect(leadOf([{ score: 0.6, group: 1 }])).toBeCloseTo(0.6);
    expect(leadOf([])).toBe(0);
  });

  it("doubts an answer only when enough other groups are strictly nearer to the question", () => {
    const doubt = { lead: 0.15, closerGroups: 2 };
    expect(encoderDoubts([0.5, 0.7, 0.6, 0.4], 0, doubt)).toBe(true);
    expect(encoderDoubts([0.5, 0.7, 0.5, 0.4], 0, doubt)).toBe(false);
    expect(encoderDoubts([0.9, 0.7, 0.6, 0.4], 0, doubt)).toBe(false);
  });

  it("never counts groups the asker may not see (cosine -1) as nearer", () => {
    expect(encoderDoubts([0.3, -1, -1, -1, 0.4], 0, { lead: 0.15, closerGroups: 2 })).toBe(false);
  });
});
