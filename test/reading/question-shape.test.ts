import { describe, expect, it } from "vitest";
import { holdsAQuestion, looksLikeQuestion } from "../../src/reading/question-shape.js";

describe("looksLikeQuestion", () => {
  it.each([
    "banana?",
    "How long does it take",
    "what about toll free numbers",
    "Can I keep my number",
    "don't you port on weekends",
    "Is it done",
    "Comment transférer mon numéro",
    "combien ça coûte",
    "pourquoi rejeté",
    "qu'est-ce qu'un BTN",
    "¿cuánto cuesta",
    "Cómo porto mi número",
    "Que es un LOA",
  ])("'%s' is shaped like a question", (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(["maybe", "banana", "last friday", "4", "the second one", "May 5", "tengo 3 números", "porque sí", "", "   "])(
    "'%s' is not",
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
    },
  );
});

describe("holdsAQuestion", () => {
  it.each(["my line went dead, did my number already move to you", "we're behind on the bill. will that stop the transfer", "the old company cut us off, is that the port"])(
    "'%s' asks in a later clause",
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
      expect(holdsAQuestion(text)).toBe(true);
    },
  );

  it.each(["we stopped paying that bill, and the port came back rejected", "the account is in my wife's name"])("'%s' asks nothing", (text) => {
    expect(holdsAQuestion(text)).toBe(false);
  });
});
