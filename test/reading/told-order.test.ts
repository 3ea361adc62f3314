import { beforeAll, describe, expect, it } from "vitest";
import { describesNumbers, tellsOfAnOrder, type Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const tells = (text: string) => tellsOfAnOrder(reader.read(text, { today: "2026-12-01" }), text);
const describes = (text: string) => describesNumbers(reader.read(text, { today: "2026-12-01" }), text);

describe("a message telling of numbers to port from a place", () => {
  it.each(["Toronto number moving to Vancouver, 416", "two lines in Ohio moving over"])("'%s' tells of an order", (text) => {
    expect(tells(text)).toBe(true);
  });

  it.each([
    ["a question", "what counts as a Toronto number?"],
    ["a place with no numbers", "Toronto"],
    ["numbers with no place", "3 cells"],
    ["a port out", "porting my Toronto number out to Bell"],
    ["a telephone number alone", "514-555-0199"],
    ["a number described, with no move said and no count", "The number is a US number, it's in Texas"],
  ])("%s does not ('%s')", (_, text) => {
    expect(tells(text)).toBe(false);
  });
});

describe("a message describing numbers from a place, asking nothing", () => {
  it.each(["The number is a US number, it's in Texas", "Toronto number moving to Vancouver, 416"])("'%s' describes numbers", (text) => {
    expect(describes(text)).toBe(true);
  });

  it.each(["what counts as a Texas number?", "Texas", "porting my Toronto number out to Bell"])("'%s' does not", (text) => {
    expect(describes(text)).toBe(false);
  });
});
