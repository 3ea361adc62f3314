import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { toTerms } from "../../src/answer/analyze.js";
import { tokenize } from "../../src/answer/normalize.js";
import { compileSynonyms } from "../../src/answer/vocabulary.js";
import { Vocabulary } from "../../src/knowledge/schema.js";
import type { Language } from "../../src/answer/result.js";

const synonyms = compileSynonyms(
  Vocabulary.parse({
    synonyms: [
      { canonical: "port", variants: ["transfer", "bring over", "transfert"] },
      { canonical: "carrier", variants: ["provider"] },
      { canonical: "losing carrier", variants: ["old carrier"] },
      { canonical: "did", variants: ["did number"] },
      { canonical: "wireless", variants: ["portable"], language: "fr" },
    ],
  }),
);
const terms = (text: string, language: Language = "en") => toTerms(tokenize(text), language, synonyms);

describe("synonyms", () => {
  it("reads every variant, inflected or not, as the canonical term", () => {
    expect(terms("transferring my number")).toEqual(terms("porting my number"));
    expect(terms("bring it over")).not.toContain("port");
    expect(terms("bring over my number")).toEqual(["port", "number"]);
  });

  it("rewrites in passes, so a rewritten word can complete a longer phrase", () => {
    expect(terms("my old provider")).toEqual(["lose", "carrier"]);
  });

  it("keeps a canonical term even when it is a stopword", () => {
    expect(terms("how much is a DID number")).toContain("did");
    expect(terms("did it work")).not.toContain("did");
  });

  it("keeps apart words of different groups that share a stem, unless one is the other inflected", () => {
    const apart = compileSynonyms(
      Vocabulary.parse({
        synonyms: [
          { canonical: "reply", variants: ["response", "answer"] },
          { canonical: "resporg", variants: ["responsible organization"] },
          { canonical: "liable", variants: ["responsible"] },
          { canonical: "number", variants: ["numero"] },
          { canonical: "port", variants: ["keep my number"] },
        ],
      }),
    );
    const read = (text: string) => toTerms(tokenize(text), "en", apart);
    expect(read("who is responsible")).toEqual(["liabl"]);
    expect(read("no response yet")).toContain("repli");
    expect(read("the responses")).toEqual(["repli"]);
    // The output of one group ("responsible organization" -> "resporg") is not read again by another.
    expect(read("the responsible organization")).toEqual(["resporg"]);
    // "numbers" belongs to the number group too, but it is "number" inflected: the port phrase still reads it.
    expect(read("keep my numbers")).toEqual(["port"]);
  });

  it("applies language-only groups to that language alone", () => {
    expect(terms("mon portable", "fr")).toEqual(["wireless"]);
    expect(terms("is it portable", "en")).not.toContain("wireless");
  });
});

describe("the knowledge base's vocabulary", () => {
  it("maps the customer words the issue names onto the same terms", async () => {
    const vocabulary = Vocabulary.parse(parse(await readFile("knowledge/vocabulary.yaml", "utf8")));
    const kbSynonyms = compileSynonyms(vocabulary);
    const same = (a: string, b: string, language: Language = "en") =>
      expect(toTerms(tokenize(a), language, kbSynonyms)).toEqual(toTerms(tokenize(b), "en", kbSynonyms));
    same("transfer my number", "port my number");
    same("move my number", "port my number");
    same("bring over my number", "port my number");
    same("switch my number", "port my number");
    same("my cell", "my mobile");
    same("my cell", "my wireless");
    same("a text", "an sms");
    same("my bill", "my invoice");
    same("my statement", "my invoice");
    same("rush my port", "expedite my port");
    same("speed up my port", "expedite my port");
    same("faster port", "expedite port");
    same("billing telephone number", "btn");
    same("firm order confirmation", "foc");
    same("letter of authorization", "loa");
    same("transfert", "port", "fr");
    same("portabilidad", "port", "es");
    same("combien", "how much", "fr");
    same("cuánto", "how much", "es");
    // Phrasal verbs: their "out" is not a port out.
    same("figure out my account number", "find out my account number");
    same("fill out the LOA", "fill in the LOA");
    expect(toTerms(tokenize("figure out my account number"), "en", kbSynonyms)).not.toContain("out");
    // "responsible" stems like "response", which reads as a reply.
    expect(toTerms(tokenize("who is responsible"), "en", kbSynonyms)).not.toEqual(toTerms(tokenize("who is response"), "en", kbSynonyms));
  });

  it("reads a count of lines kept back as a partial port but never a bare count, a discount as a cost and money on the account as its balance", async () => {
    const vocabulary = Vocabulary.parse(parse(await readFile("knowledge/vocabulary.yaml", "utf8")));
    const kbSynonyms = compileSynonyms(vocabulary);
    const read = (text: string) => toTerms(tokenize(text), "en", kbSynonyms);
    expect(read("moving only 1 of my 4 lines")).toEqual(read("moving partial 4 lines"));
    expect(read("just 2 of my lines")).toEqual(read("partial lines"));
    // A count alone is a question's detail, not its topic.
    expect(read("2")).not.toContain(read("partial")[0]);
    expect(read("I have 2 numbers")).not.toContain(read("partial")[0]);
    expect(read("a discount on many numbers")).toEqual(read("a cost on many numbers"));
    expect(read("do I need money in my account to start")).toEqual(read("do I need positive balance to start"));
  });

  it("reads a nationwide number as a national one, a shifted number as ported and an acct as an account", async () => {
    const vocabulary = Vocabulary.parse(parse(await readFile("knowledge/vocabulary.yaml", "utf8")));
    const kbSynonyms = compileSynonyms(vocabulary);
    const read = (text: string) => toTerms(tokenize(text), "en", kbSynonyms);
    expect(read("a nationwide number")).toEqual(read("a national number"));
    expect(read("a number that rings anywhere in the country")).toEqual(read("a number that rings national"));
    expect(read("a normal local number")).toEqual(read("a local number"));
    expect(read("shift my numbers to my other account")).toEqual(read("port my numbers to my other account"));
    expect(read("acct number mismatch")).toEqual(read("account number mismatch"));
    expect(read("do I need money on my account to start")).toEqual(read("do I need positive balance to start"));
    // "international" stays its own term: a national number is not a foreign one.
    expect(read("an international number")).not.toEqual(read("a national number"));
  });

  it("reads a request for steps alike in English, French and Spanish, apart from cost and duration", async () => {
    const vocabulary = Vocabulary.parse(parse(await readFile("knowledge/vocabulary.yaml", "utf8")));
    const kbSynonyms = compileSynonyms(vocabulary);
    const read = (text: string, language: Language = "en") => toTerms(tokenize(text), language, kbSynonyms);
    expect(read("how do I transfer my number")).toEqual(read("how can I port my number"));
    expect(read("comment transférer mon numéro", "fr")).toEqual(read("how do I port my number"));
    expect(read("cómo porto mi número", "es")).toEqual(read("how do I port my number"));
    expect(read("how much to port")).toEqual(read("cost to port"));
    expect(read("how long to port")).toEqual(read("duration to port"));
    // An English "comment" is a remark, not a question word.
    expect(read("add a comment")).not.toEqual(read("add how to"));
  });
});
