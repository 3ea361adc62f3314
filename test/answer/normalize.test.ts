import { describe, expect, it } from "vitest";
import { normalize, stem, tokenize } from "../../src/answer/normalize.js";

describe("normalize", () => {
  it("lower-cases, strips accents and turns punctuation into spaces", () => {
    expect(normalize("Combien de temps prend un TRANSFERT de numéro?")).toBe("combien de temps prend un transfert de numero");
    expect(normalize("¿Cuánto cuesta portar mi número?")).toBe("cuanto cuesta portar mi numero");
  });

  it("spells out contractions, with or without the apostrophe", () => {
    expect(normalize("I can't receive SMS")).toBe("i can not receive sms");
    expect(normalize("i cant receive sms")).toBe("i can not receive sms");
    expect(normalize("it doesn’t work, what's wrong")).toBe("it does not work what is wrong");
    // "qu'est-ce" keeps its "qu" (a definition question); other elisions drop the article.
    expect(normalize("qu'est-ce qu'une date FOC")).toBe("qu est ce une date foc");
    expect(normalize("l'article d'un client")).toBe("article un client");
  });

  it("keeps the domain and number signs readable", () => {
    expect(normalize("move my cell # to voip.ms")).toBe("move my cell number to voipms");
    expect(normalize("leaving voip ms")).toBe("leaving voipms");
    expect(normalize("from Voip-MS to Bell")).toBe("from voipms to bell");
    expect(normalize("voip msg")).toBe("voip msg");
  });

  it("reads capital US as the country and capital DID as a number, not the pronoun or the verb", () => {
    expect(tokenize("port US numbers to us")).toEqual(["port", "usa", "numbers", "to", "us"]);
    expect(tokenize("how much is a DID")).toEqual(["how", "much", "is", "a", "did", "number"]);
    expect(tokenize("did it work")).toEqual(["did", "it", "work"]);
  });

  it("reads a networking port as a word of its own, not number porting", () => {
    expect(normalize("set up port forwarding on my router")).toBe("set up networkport on my router");
    expect(normalize("which UDP ports should I open")).toBe("which networkport should i open");
    expect(normalize("is port 5060 blocked")).toBe("is networkport blocked");
    expect(normalize("what port does SIP use")).toBe("what networkport does sip use");
    expect(normalize("port 15 numbers to you")).toBe("port many numbers to you");
    expect(normalize("port my number")).toBe("port my number");
  });

  it("reads a count of numbers described in a word or two as numbers to port, not a networking port", () => {
    expect(normalize("port 40 local numbers from Toronto")).toBe("port 40 local numbers from toronto");
    expect(normalize("can I port 25 toll free lines")).toBe("can i port 25 toll free lines");
    expect(normalize("is port 5060 on my router blocked")).toBe("is networkport on my router blocked");
  });

  it("reads a count of numbers as a bulk port", () => {
    expect(normalize("porting 200 numbers")).toBe("porting many numbers");
    expect(normalize("a 30 day notice")).toBe("a 30 day notice");
  });

  it("returns nothing for empty or symbol-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" ?!… ")).toEqual([]);
  });
});

describe("stem", () => {
  it("gives inflected forms one stem", () => {
    expect(new Set(["porting", "ported", "ports", "port"].map(stem))).toEqual(new Set(["port"]));
    expect(stem("rejected")).toBe(stem("rejection"));
  });

  it("leaves acronyms and numbers alone", () => {
    expect(stem("sms")).toBe("sms");
    expect(stem("us48")).toBe("us48");
  });

  it("keeps international apart from internal", () => {
    expect(stem("international")).not.toBe(stem("internal"));
  });
});
