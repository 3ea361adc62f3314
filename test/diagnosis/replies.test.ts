import { describe, expect, it } from "vitest";
import { ANSWER_CHOICES, earlierQuestionMeant, opensWithCorrection, pickAnswer, pickChoice } from "../../src/diagnosis/choices.js";
import { CONTEXT_QUESTIONS } from "../../src/diagnosis/context.js";
import { parseRejectionDate } from "../../src/diagnosis/rejection-date.js";

describe("reading a reply", () => {
  it.each([
    ["yes", "yes"], ["Y", "yes"], ["yep!", "yes"], ["1", "yes"], ["No", "no"], ["2", "no"], ["nope", "no"],
    ["not sure", "not-sure"], ["I'm not sure", "not-sure"], ["no idea", "not-sure"], ["3", "not-sure"], ["None of these", "not-sure"],
  ])("%s means %s", (text, expected) => {
    expect(pickAnswer(text)).toBe(expected);
  });

  it.each([
    ["I think so", "yes"], ["probably", "yes"], ["yeah I believe so", "yes"], ["creo que sí", "yes"],
    ["probably not", "no"], ["I don't think so", "no"], ["not really", "no"], ["je ne crois pas", "no"],
    ["dunno", "not-sure"], ["no sé", "not-sure"], ["je ne sais pas", "not-sure"], ["perhaps", "not-sure"],
  ])("a hedged %j counts as %s, not as an unclear reply", (text, expected) => {
    expect(pickAnswer(text)).toBe(expected);
  });

  it("reads 'I don't know' in French and Spanish at the context questions", () => {
    for (const q of Object.values(CONTEXT_QUESTIONS)) {
      expect(pickChoice(q.choices, "no sé")?.value).toBe("not-sure");
      expect(pickChoice(q.choices, "je sais pas")?.value).toBe("not-sure");
    }
  });

  it.each([
    ["no wait, actually yes", "yes"], ["yes sorry I mean no", "no"], ["no. I mean yes", "yes"], ["yes... wait no", "no"],
    ["non, en fait oui", "yes"], ["sí, perdón, no", "no"], ["no idea, sorry", "not-sure"], ["sorry, I don't know", "not-sure"],
  ])("after a correction the last answer stated wins: %j is %s", (text, expected) => {
    expect(pickAnswer(text)).toBe(expected);
  });

  it.each([
    ["not sure, probably not", "not-sure"], ["I think so but not sure", "not-sure"], ["yes but only for one of them", "not-sure"],
    ["no, not for all of the numbers", "not-sure"], ["oui mais seulement pour un", "not-sure"], ["I have no idea", "not-sure"],
  ])("a hedged or partly true %j is %s where 'not sure' is offered", (text, expected) => {
    expect(pickAnswer(text)).toBe(expected);
  });

  it("keeps the answer a partly true reply leans to where no 'not sure' is offered", () => {
    const choices = [{ value: "fits", label: "Yes, that's it", aliases: ["yes"] }, { value: "none", label: "None of these", aliases: ["no"] }];
    expect(pickChoice(choices, "yes but only for one of them")?.value).toBe("fits");
  });

  it.each([
    ["nope!!", "no"], ["yeah I think so", "yes"], ["si", "yes"], ["oui", "yes"], ["I have it", "yes"], ["We don't have it", "no"],
    ["there is no open order", "no"], ["of course not", "no"], ["not yet", "no"], ["we do", "yes"],
  ])("reads the full-sentence or foreign %j as %s", (text, expected) => {
    expect(pickAnswer(text)).toBe(expected);
  });

  it.each([["I have the account number from the bill, is that the same?"], ["yes but what is a BTN?"]])("%j asks a question before it answers: no answer yet", (text) => {
    expect(pickAnswer(text)).toBeUndefined();
  });

  it("finds the earlier question a correction is about by the words they share, none of them the current question's", () => {
    const earlier = [{ text: "Is the address on the port request a PO box?" }, { text: "Will other services (internet, fax) stay on the account?" }];
    expect(earlierQuestionMeant("wait, I was wrong about the PO box", "Is it a US or a Canadian number?", earlier)).toBe(earlier[0]);
    expect(earlierQuestionMeant("actually no, we're keeping the internet", "Is there any open order?", earlier)).toBe(earlier[1]);
    expect(earlierQuestionMeant("actually no", "Is there any open order?", earlier)).toBeUndefined();
    expect(earlierQuestionMeant("we're keeping the internet", "Is there any open order?", earlier)).toBeUndefined();
  });

  it("tells a reply that opens by taking something back from one that corrects itself", () => {
    expect(opensWithCorrection("actually no, we're keeping the internet")).toBe(true);
    expect(opensWithCorrection("Wait, yes")).toBe(true);
    expect(opensWithCorrection("no wait, actually yes")).toBe(false);
    expect(opensWithCorrection("no")).toBe(false);
  });

  it.each([["banana"], [""], ["4"], ["0"], ["yes and no"]])("%j is not an answer", (text) => {
    expect(pickAnswer(text)).toBeUndefined();
  });

  it("reads the kind of number from the customer's words", () => {
    const kinds = CONTEXT_QUESTIONS.kind.choices;
    expect(pickChoice(kinds, "my cell")?.value).toBe("wireless");
    expect(pickChoice(kinds, "a VoIP line")?.label).toBe("VoIP");
    expect(pickChoice(kinds, "Land line")?.label).toBe("Landline");
    expect(pickChoice(kinds, "1-800 number")?.value).toBe("toll-free");
    expect(pickChoice(kinds, "5")?.value).toBe("fax");
    expect(pickChoice(kinds, "pager")).toBeUndefined();
  });

  it("reads the country", () => {
    const countries = CONTEXT_QUESTIONS.country.choices;
    expect(pickChoice(countries, "Canadian")?.value).toBe("CA");
    expect(pickChoice(countries, "it's in the USA")?.value).toBe("US");
    expect(pickChoice(countries, "France")).toBeUndefined();
  });

  it("offers a not-sure choice everywhere", () => {
    for (const q of Object.values(CONTEXT_QUESTIONS)) expect(q.choices.some((c) => c.value === "not-sure")).toBe(true);
    expect(ANSWER_CHOICES.map((c) => c.value)).toEqual(["yes", "no", "not-sure"]);
  });
});

describe("rejection dates", () => {
  const today = "2026-03-05";
  it.each([
    ["2026-03-02", "2026-03-02"], ["today", today], ["Yesterday", "2026-03-04"], ["3 days ago", "2026-03-02"],
    ["March 2", "2026-03-02"], ["2 Mar 2026", "2026-03-02"], ["on Feb 28th", "2026-02-28"], ["December 30", "2025-12-30"],
    ["last thursday", "2026-02-26"], ["friday", "2026-02-27"], ["3/2", "2026-03-02"], ["mar 2", "2026-03-02"], ["it came back on monday", "2026-03-02"],
    ["il y a 2 jours", "2026-03-03"], ["ayer", "2026-03-04"],
  ])("%s is %s", (text, expected) => {
    expect(parseRejectionDate(text, today)).toBe(expected);
  });

  it.each([["2026-02-30"], ["2026-03-06"], ["next week"], ["soon"], ["Feb 30"]])("%s is refused (impossible, future or not a date)", (text) => {
    expect(parseRejectionDate(text, today)).toBeUndefined();
  });

});

describe("context answers in French and Spanish", () => {
  it.each([
    ["Estados Unidos", "US"], ["EEUU", "US"], ["aux États-Unis", "US"], ["Canadá", "CA"], ["otro país", "INTL"],
  ])("%j is the country %s", (text, value) => {
    expect(pickChoice(CONTEXT_QUESTIONS.country.choices, text)?.value).toBe(value);
  });

  it.each([
    ["es un celular", "wireless"], ["un cellulaire", "wireless"], ["teléfono fijo", "local"], ["ligne fixe", "local"], ["numéro sans frais", "toll-free"], ["télécopieur", "fax"],
  ])("%j is the kind %s", (text, value) => {
    expect(pickChoice(CONTEXT_QUESTIONS.kind.choices, text)?.value).toBe(value);
  });
});
