import { beforeAll, describe, expect, it } from "vitest";
import { entryDirection } from "../../src/answer/direction.js";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { ranking } from "../../src/answer/evaluate.js";
import type { AskResult } from "../../src/answer/result.js";
import { createSecondOpinion, type SecondOpinion } from "../../src/answer/second-opinion.js";
import { loadSentenceEncoder } from "../../src/answer/sentence-encoder.js";
import { VectorCache } from "../../src/answer/vector-cache.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { Direction, KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, vectorCacheFile } from "../../src/paths.js";

let kb: KnowledgeBase;
let engine: AnswerEngine;
let opinion: SecondOpinion;

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  engine = createAnswerEngine(kb);
  // The project's own cache: the knowledge's vectors are then embedded once for every test and run.
  opinion = await createSecondOpinion(kb, new VectorCache(await loadSentenceEncoder(), vectorCacheFile({})));
}, 120_000);

/** The engine's result alone, and as the bot gives it, reviewed by the encoder. */
async function both(question: string): Promise<[AskResult, AskResult]> {
  const alone = engine.ask(question);
  return [alone, await opinion.review(alone)];
}

const wayOf = (id: string): Direction | undefined => entryDirection(kb.byId.get(id)!);

describe("a question that names which way its number goes", () => {
  it("reads a port to voip.ms rejected over its PIN as a port in: the port-out PIN entries neither lead nor answer", async () => {
    for (const result of await both("my port to voip.ms got rejected, PIN incorrect")) {
      expect(result.direction).toBe("in");
      expect(wayOf(ranking(result)[0]!)).not.toBe("out");
      expect(ranking(result)).not.toContain("port-out-rejection-for-pin");
      expect(ranking(result)).not.toContain("when-porting-out-my-number-the-new-carrier");
    }
    const [, reviewed] = await both("my port to voip.ms got rejected, PIN incorrect");
    // The port-in rejection whose causes include an incorrect account PIN.
    expect(reviewed).toMatchObject({ status: "answered", answer: { id: "account-number-reseller-mismatch" } });
  });

  it("reads leaving voip.ms with the number as a port out: Check Availability, a port-in entry, is no longer the answer", async () => {
    const [alone, reviewed] = await both("I'm leaving voip.ms and want to take my number with me");
    expect(alone.direction).toBe("out");
    for (const result of [alone, reviewed]) expect(wayOf(ranking(result)[0]!)).not.toBe("in");
    expect(ranking(alone)).not.toContain("check-availability");
    expect(reviewed).toMatchObject({ status: "answered", answer: { id: "how-do-i-port-out-my-number" } });
  });

  it("reads a number and PIN given with 'can you port it?' as a port in, never answered or led by a port-out entry", async () => {
    for (const result of await both("my number is 514-555-0199 and my PIN is 4821, can you port it?")) {
      expect(result.direction).toBe("in");
      expect(ranking(result).map(wayOf)).not.toContain("out");
      expect(result.masked).not.toContain("4821");
    }
  });

  it("still answers a port-out question with the port-out entries", async () => {
    for (const question of ["my port out was rejected because of an invalid pin", "I'm porting my number away from voip.ms, the new carrier asks for a PIN"]) {
      const [alone, reviewed] = await both(question);
      expect(alone.direction).toBe("out");
      expect(reviewed).toMatchObject({ status: "answered", answer: { id: "when-porting-out-my-number-the-new-carrier" } });
    }
    const [, leaving] = await both("I'm switching to Rogers, how do I take my number");
    expect(leaving).toMatchObject({ status: "answered", direction: "out", answer: { id: "how-do-i-port-out-my-number" } });
  });

  it("reads moving a number from another carrier to voip.ms as a port in, never answered with how to port out", async () => {
    for (const question of ["move my number from Bell to voip.ms", "how to transfer my number from spectrum to voip.ms"]) {
      for (const result of await both(question)) {
        expect(result.direction).toBe("in");
        expect(ranking(result).map(wayOf)).not.toContain("out");
      }
    }
  });

  it("still answers a port-in question with the port-in entries", async () => {
    const [alone] = await both("I want to bring my number to voip.ms, how do I check it can be ported");
    expect(alone).toMatchObject({ status: "answered", direction: "in", answer: { id: "check-availability" } });
  });

  it("changes nothing when the question names no direction", () => {
    const withoutDirections = createAnswerEngine({ ...kb, reading: undefined });
    for (const question of ["what is a PIN", "pin port rejected", "how long does a port take", "my port was rejected for the wrong account number"]) {
      const result = engine.ask(question);
      expect(result.direction).toBeUndefined();
      expect(result).toEqual(withoutDirections.ask(question));
    }
  });

  it("never lets the encoder answer, or put first, a choice about the other way", async () => {
    const offered = ["check-availability", "when-porting-out-my-number-the-new-carrier"].map((id, i) => {
      const e = kb.byId.get(id)!;
      return { id, title: e.title, type: e.type, source: { article: e.source.article, section: e.source.section, url: e.source.url }, score: 0.5 - i * 0.1 };
    });
    // The port-out entry's own title: the encoder's nearest answer group, as close as can be.
    const question = kb.byId.get("when-porting-out-my-number-the-new-carrier")!.title;
    const choice: AskResult = { status: "clarify", confidence: 0.5, answer: null, alternatives: offered, candidates: offered, masked: question, language: "en" };
    expect(await opinion.review(choice)).toMatchObject({ status: "answered", answer: { id: "when-porting-out-my-number-the-new-carrier" } });
    const portIn = await opinion.review({ ...choice, direction: "in" });
    expect(portIn.answer?.id).not.toBe("when-porting-out-my-number-the-new-carrier");
    expect(portIn.alternatives[0]?.id).toBe("check-availability");
  });
});

describe("the knowledge's direction tags", () => {
  it("mark the port-out entries and the port-in ones, an entry about both ways answering either", () => {
    expect(wayOf("port-out-rejection-for-pin")).toBe("out");
    expect(wayOf("how-do-i-port-out-my-number")).toBe("out");
    expect(wayOf("check-availability")).toBe("in");
    expect(wayOf("can-a-port-in-out-be-rejected-for-negative")).toBeUndefined();
    expect(wayOf("how-long-does-the-port-process-take")).toBeUndefined();
  });
});
