import { describe, expect, it } from "vitest";
import { createSpeller, editDistance } from "../../src/answer/spelling.js";

const speller = createSpeller(
  new Map([
    ["much", 100],
    ["match", 150],
    ["expedite", 3],
    ["rejected", 5],
    ["bring", 100],
    ["port", 40],
    ["part", 2],
    ["pro", 2],
  ]),
);

describe("editDistance", () => {
  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("prot", "port", 2)).toBe(1);
    expect(editDistance("expidite", "expedite", 2)).toBe(1);
  });

  it("stops counting past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("speller", () => {
  it("corrects a typo to the nearest known word", () => {
    expect(speller("expidite")).toBe("expedite");
    expect(speller("rejectd")).toBe("rejected");
    expect(speller("prot")).toBe("port");
  });

  it("prefers the word sharing the longest beginning when two are as close", () => {
    expect(speller("mutch")).toBe("much");
  });

  it("prefers the far more frequent word over a rare one that only shares a longer beginning", () => {
    // "pro" (one heading) is one deletion from "prot", as "port" (every entry) is one swap away.
    expect(speller("prot")).toBe("port");
  });

  it("keeps known words, short words, words with digits and words too far from anything", () => {
    expect(speller("part")).toBe("part");
    expect(speller("prt")).toBe("prt");
    expect(speller("us48")).toBe("us48");
    expect(speller("voicemail")).toBe("voicemail");
  });

  it("does not change the first letter", () => {
    expect(speller("ring")).toBe("ring");
  });
});
