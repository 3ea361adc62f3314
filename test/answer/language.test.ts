import { describe, expect, it } from "vitest";
import { detectLanguage, translationUrl } from "../../src/answer/language.js";
import { tokenize } from "../../src/answer/normalize.js";
import type { Entry } from "../../src/knowledge/schema.js";

const detect = (q: string) => detectLanguage(q, tokenize(q));

describe("detectLanguage", () => {
  it("finds French and Spanish questions", () => {
    expect(detect("combien de temps prend un transfert")).toBe("fr");
    expect(detect("mon numéro a été rejeté")).toBe("fr");
    expect(detect("¿cuánto cuesta portar mi número?")).toBe("es");
    expect(detect("cuanto tiempo tarda la portabilidad")).toBe("es");
  });

  it("keeps English questions English, even with one foreign word", () => {
    expect(detect("how long does a port take")).toBe("en");
    expect(detect("what is the portabilidad page")).toBe("en");
    expect(detect("")).toBe("en");
  });
});

describe("translationUrl", () => {
  const articles = [{ title: "Porting FAQ", url: "https://w.test/FAQ", translations: { fr: "https://w.test/FAQ_fr" } }];
  const entry = { source: { article: "Porting FAQ" } } as Entry;

  it("links the entry's article in the question's language when there is one", () => {
    expect(translationUrl(articles, entry, "fr")).toBe("https://w.test/FAQ_fr");
    expect(translationUrl(articles, entry, "es")).toBeUndefined();
    expect(translationUrl(articles, entry, "en")).toBeUndefined();
  });
});
