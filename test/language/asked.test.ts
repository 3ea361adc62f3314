import { describe, expect, it } from "vitest";
import { asksForCannedAnswer, languageAsked } from "../../src/language/asked.js";

describe("the language a message asks the answer in", () => {
  it.each([
    ["the canned answer in French please", "fr"], ["can I get it en français?", "fr"], ["French version?", "fr"], ["french pls", "fr"],
    ["same thing in Spanish", "es"], ["en español por favor", "es"], ["Spanish", "es"],
  ])("%j asks for %s", (text, language) => {
    expect(languageAsked(text)).toBe(language);
  });

  it.each([["my customer is French"], ["how do I port a number from French Guiana"], ["the Spanish carrier rejected it"], ["canned answer for a BTN rejection"]])(
    "%j asks for no language",
    (text) => {
      expect(languageAsked(text)).toBeUndefined();
    },
  );
});

describe("a request for a ready-made reply", () => {
  it.each([["the canned answer in French for a rejection"], ["what do I tell them?"], ["macro for a PIN rejection"], ["réponse type pour un rejet"]])("%j asks for one", (text) => {
    expect(asksForCannedAnswer(text)).toBe(true);
  });

  it.each([["my port was rejected, why?"], ["what does the rejection mean"]])("%j does not", (text) => {
    expect(asksForCannedAnswer(text)).toBe(false);
  });
});
