import { describe, expect, it } from "vitest";
import { looksLikeQuestion } from "../../src/reading/question-shape.js";

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
