import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const facts = (text: string) => reader.read(text, { today: "2026-03-10" }).facts;

describe("numbers counted item by item", () => {
  it.each([
    ["Fido cell + Koodo cell", { wireless: 2 }],
    ["Telus mobile + Bell mobile + Rogers landline, all in Calgary", { wireless: 2, local: 1 }],
    ["How much for these: Rogers cell, Fido cell, Bell fax", { wireless: 2, fax: 1 }],
    ["Sprint cell and T-Mobile cell and a Verizon cell, Miami", { wireless: 3 }],
    ["port our Verizon cell, our AT&T cell and the Comcast landline in Boston", { wireless: 2, local: 1 }],
    ["2 landlines in Toronto, 2 landlines in Ottawa", { local: 4 }],
  ])("'%s' counts each kind named as one more item of the list: %j", (text, numbers) => {
    const read = facts(text);
    expect(read.numbers).toEqual(numbers);
    expect(read.defaulted).not.toContain("wireless");
  });

  it.each([
    ["a cell and a landline, the cell is with Rogers", { wireless: 1, local: 1 }],
    ["price for 4 local and 2 toll free numbers (1-800 & 1-877) Ohio", { local: 4, "toll-free": 2 }],
    ["my cell is with Fido. I want the cell ported", { wireless: 1 }],
    ["2 cells: a Fido cell and a Koodo cell", { wireless: 2 }],
    ["2 cells: Fido cell + Koodo cell", { wireless: 2 }],
  ])("'%s' speaks of the same numbers again: %j", (text, numbers) => {
    expect(facts(text).numbers).toEqual(numbers);
  });
});

describe("'of them' and 'all'", () => {
  it.each([
    ["five of them, all mobile", { wireless: 5 }],
    ["There are 6 of them, all fax, in Edmonton", { fax: 6 }],
    ["cinq d'entre eux, tous cellulaires", { wireless: 5 }],
  ])("'%s' is %j", (text, numbers) => {
    const read = facts(text);
    expect(read.numbers).toEqual(numbers);
    expect(read.defaulted).toEqual([]);
  });

  it("'five of them' alone is a count of a kind to ask", () => {
    expect(facts("five of them")).toMatchObject({ numbers: {}, count: 5 });
  });

  it("'we have 6 of them: 4 local and 2 fax' counts the six by kind, once", () => {
    const read = facts("we have 6 of them: 4 local and 2 fax");
    expect(read.numbers).toEqual({ local: 4, fax: 2 });
    expect(read.count).toBeUndefined();
  });
});

describe("'each'", () => {
  it.each([
    ["3 cells each from Fido and Koodo, Montreal", { wireless: 6 }],
    ["one fax each at our Toronto and Ottawa clinics", { fax: 2 }],
    ["2 landlines each for Toronto, Ottawa and Kingston", { local: 6 }],
    ["2 cells each for me and my wife", { wireless: 4 }],
  ])("'%s' counts once for each item of the list after it: %j", (text, numbers) => {
    expect(facts(text).numbers).toEqual(numbers);
  });

  it.each([
    ["3 faxes each, and a landline", { fax: 3, local: 1 }],
    ["2 cells each costing what? and a fax", { wireless: 2, fax: 1 }],
    ["5 toll free numbers each and 2 fax", { "toll-free": 5, fax: 2 }],
    ["one fax each, Toronto", { fax: 1 }],
  ])("'%s' has no list of items after 'each': %j", (text, numbers) => {
    expect(facts(text).numbers).toEqual(numbers);
  });
});
