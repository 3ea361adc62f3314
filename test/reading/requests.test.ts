import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { twoRequests } from "../../src/reading/requests.js";
import { realReader } from "./reader.js";

let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const split = (text: string) => twoRequests(reader, text, { today: "2026-12-02" });

describe("two requests in one message", () => {
  it.each([
    ["how much for 2 local and also why was my port rejected", "estimate", "how much for 2 local", "diagnosis", "why was my port rejected"],
    ["what is a FOC date? and how long does a port take?", "question", "what is a FOC date?", "question", "how long does a port take?"],
    ["how much for 3 fax numbers in Ohio? Also can you check my port before I submit it?", "estimate", "how much for 3 fax numbers in Ohio?", "checklist", "can you check my port before I submit it?"],
    ["I need a price for 3 local numbers in Ohio. Also, why was my port rejected?", "estimate", "I need a price for 3 local numbers in Ohio.", "diagnosis", "why was my port rejected?"],
    ["combien pour 2 numéros fixes à Montréal et aussi pourquoi mon transfert a été refusé", "estimate", "combien pour 2 numéros fixes à Montréal", "diagnosis", "pourquoi mon transfert a été refusé"],
  ])("'%s' is a %s request, then another", (text, firstIntent, firstText, secondIntent, secondText) => {
    const two = split(text);
    expect(two?.first).toMatchObject({ text: firstText, reading: { intent: firstIntent } });
    expect(two?.second).toMatchObject({ text: secondText, reading: { intent: secondIntent } });
  });

  it.each([
    "how much for 2 local in Ohio? and how long will it take?",
    "how much to port? 3 fax numbers in Ohio, submitting Monday",
    "how much does it cost? I have 3 fax numbers in Ohio",
    "my port was rejected. it says BTN mismatch",
    "Jeopardy: Invalid BTN. Resubmit within 7 days.",
    "Hi. How long does a port take?",
    "thanks! also, what is a CSR?",
    "what is a BTN? and why?",
    "2 local and 1 fax in Ohio, how much",
    "Hi. I want to port my number. How much does it cost?",
    "I have 3 lines with Bell in Toronto. Can you check my port before I submit it?",
  ])("'%s' is one request", (text) => {
    expect(split(text)).toBeUndefined();
  });
});
