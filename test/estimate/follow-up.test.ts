import { beforeAll, describe, expect, it } from "vitest";
import { followUpWords, readFollowUp, type FollowUpWords } from "../../src/estimate/follow-up.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { createReader, type Reader } from "../../src/reading/read.js";

/** Which messages read as a change to the estimate just given, with the knowledge's own reader. */
let reader: Reader;
let vocabulary: FollowUpWords;
beforeAll(async () => {
  const reading = (await loadKnowledgeBase(knowledgeDir({}))).reading!;
  reader = createReader(reading);
  vocabulary = followUpWords(reading.intents);
});

const read = (text: string) => reader.read(text, { today: "2026-03-05" }).facts;
const followUp = (text: string) => readFollowUp(text, read(text), read, vocabulary);

describe("a fragment that changes the estimate just given", () => {
  it("reads the option, place or day it states", () => {
    expect(followUp("and if expedited?")).toMatchObject({ facts: { expedite: true }, adding: false });
    expect(followUp("for Quebec instead")).toMatchObject({ facts: { country: "CA", region: "Quebec" } });
    expect(followUp("what if I submit next tue")).toMatchObject({ facts: { submitted: "2026-03-10" } });
    expect(followUp("TX")).toMatchObject({ facts: { country: "US" } });
  });

  it("reads a count the reader leaves inside the fragment, and whether it comes on top of the order", () => {
    expect(followUp("what about 3 more")).toMatchObject({ facts: { count: 3 }, adding: true });
    expect(followUp("make it 5")).toMatchObject({ facts: { count: 5 }, adding: false });
    expect(followUp("and 2 toll free")).toMatchObject({ facts: { numbers: { "toll-free": 2 } }, adding: true });
  });

  it("is no change for a question of its own, a port-out, an identifier or words that state nothing", () => {
    expect(followUp("can I port a fax number to your fax service and keep my voice number?")).toBeUndefined();
    expect(followUp("and if I port out to Bell?")).toBeUndefined();
    expect(followUp("514-555-0199")).toBeUndefined();
    expect(followUp("what is a FOC date?")).toBeUndefined();
    expect(followUp("and then?")).toBeUndefined();
  });
});

describe("more numbers like those ordered, and cancelling the order", () => {
  it.each(["what about 3 more of those", "3 more of the same", "what about 3 more of the same kind"])("'%s' adds 3 numbers to the order", (text) => {
    expect(followUp(text)).toMatchObject({ facts: { count: 3 }, adding: true });
  });

  it.each(["what if I cancel", "what if we cancel", "what does it cost if I cancel"])("'%s' prices cancelling the port just estimated", (text) => {
    expect(followUp(text)).toMatchObject({ facts: { cancel: true }, adding: false });
  });

  it("cancelling something else is no cancelled port", () => {
    expect(followUp("what if I cancel my old account")?.facts.cancel).toBeUndefined();
    expect(followUp("what if it's the same")).toBeUndefined();
  });
});

describe("the fragment's words as data", () => {
  it("reads a long fragment only by an opener listed in intents.yaml's follow_ups", async () => {
    const intents = (await loadKnowledgeBase(knowledgeDir({}))).reading!.intents;
    const text = "what would it cost if we expedite";
    expect(readFollowUp(text, read(text), read, followUpWords(intents))).toMatchObject({ facts: { expedite: true } });
    const without = followUpWords({ ...intents, follow_ups: { ...intents.follow_ups, openers: [] } });
    expect(readFollowUp(text, read(text), read, without)).toBeUndefined();
  });
});

describe("asking for the estimate just given again", () => {
  it.each(["how much in total now?", "what's that in CAD?", "so how much?"])("'%s' changes nothing and asks for it again", (text) => {
    const change = followUp(text);
    expect(change).toMatchObject({ again: true, adding: false });
    expect(change!.facts.submitted).toBeUndefined();
  });

  it("is no request to repeat when it changes the order", () => {
    expect(followUp("how much in total with 2 more?")?.again).toBeUndefined();
    expect(followUp("how much is a FOC date worth to my boss, honestly, in the grand scheme?")).toBeUndefined();
  });
});
