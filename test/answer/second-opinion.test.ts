import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answer/engine.js";
import { answerGroups } from "../../src/answer/groups.js";
import type { AskResult, Alternative } from "../../src/answer/result.js";
import { AGREEMENT_BAR, CLOSEST_CHOICE_BAR, FOREIGN_AGREEMENT_BAR, LEANING_AGREEMENT, createSecondOpinion, type MeasuredOpinion } from "../../src/answer/second-opinion.js";
import { FUSION } from "../../src/answer/fused-ranking.js";
import { loadSentenceEncoder, type SentenceEncoder } from "../../src/answer/sentence-encoder.js";
import { VectorCache } from "../../src/answer/vector-cache.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, vectorCacheFile } from "../../src/paths.js";

let kb: KnowledgeBase;
let encoder: SentenceEncoder;
let opinion: MeasuredOpinion;
const folder = mkdtempSync(join(tmpdir(), "porting-vectors-"));

/** A "which of these?" offering the entries in this order, as the engine returns it. */
function choice(question: string, ids: string[], language: AskResult["language"] = "en"): AskResult {
  const alternatives: Alternative[] = ids.map((id, i) => {
    const e = kb.byId.get(id)!;
    return { id, title: e.title, type: e.type, source: { article: e.source.article, section: e.source.section, url: e.source.url }, score: 0.5 - i * 0.05 };
  });
  return { status: "clarify", confidence: 0.5, answer: null, alternatives, masked: question, language };
}

/** A question whose choices the encoder reads with only moderate agreement, so that only the re-ranking can act. */
const OTHER_SIDE = "the other company says they never got the request";
const OTHER_SIDE_IDS = ["when-porting-out-my-number-the-new-carrier", "my-current-carrier-says-the-number", "can-i-have-updates-regarding-my-port-out"];

/**
 * A "which of these?" showing `shown` and carrying `carried` (the engine's order) for re-ranking, the engine's scores set
 * from the real encoder's closeness so that, fused, `favoured` leads every other candidate by `lead`.
 */
async function rankedChoice(question: string, shown: string[], carried: string[], favoured: string, lead: number): Promise<AskResult> {
  const closeness = (await opinion.assess(choice(question, [])))!.closeness;
  const groups = answerGroups(kb.entries);
  const closenessOf = (id: string) => closeness[groups.groupOf[kb.entries.findIndex((e) => e.id === id)]!]!;
  const scores = new Map(carried.filter((id) => id !== favoured).map((id, i) => [id, 0.6 - 0.05 * i]));
  const bestOther = Math.max(...[...scores].map(([id, score]) => score + FUSION.weight * closenessOf(id)));
  scores.set(favoured, bestOther + lead - FUSION.weight * closenessOf(favoured));
  const scored = (ids: string[]) => choice(question, ids).alternatives.map((a) => ({ ...a, score: scores.get(a.id)! }));
  return { ...choice(question, shown), alternatives: scored(shown), candidates: scored(carried) };
}

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  encoder = await loadSentenceEncoder();
  // The project's own cache: the knowledge's vectors are then embedded once for every test and run.
  opinion = await createSecondOpinion(kb, new VectorCache(encoder, vectorCacheFile({})));
}, 120_000);

describe("the sentence encoder", () => {
  it("gives unit vectors, closer for the same meaning than for another", async () => {
    const [a, b, c] = await encoder.embed(["how long does it take to port my number", "how many days until my number moves over", "what is the weather today"]);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, a!)).toBeCloseTo(1, 4);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.2);
  });

  it("embeds an empty batch as nothing and an empty sentence without failing", async () => {
    await expect(encoder.embed([])).resolves.toEqual([]);
    const [empty] = await encoder.embed([""]);
    expect(empty!.length).toBe(512);
  });
});

describe("the second opinion", () => {
  it("answers a 'which of these?' whose first choice is also the encoder's nearest answer", async () => {
    const question = "the name on my account is wrong on the port";
    const reviewed = await opinion.review(choice(question, ["rejection-for-mismatch-information", "incorrect-billing-telephone-number-btn"]));
    expect(reviewed.status).toBe("answered");
    expect(reviewed.answer?.id).toBe("rejection-for-mismatch-information");
    expect(reviewed.alternatives.map((a) => a.id)).toEqual(["incorrect-billing-telephone-number-btn"]);
  });

  it(`answers another choice than the first when it is the encoder's nearest answer, ${CLOSEST_CHOICE_BAR} or closer`, async () => {
    const question = "the name on my account is wrong on the port";
    const offered = choice(question, ["incorrect-billing-telephone-number-btn", "rejection-for-mismatch-information", "disconnected-inactive-numbers"]);
    const reviewed = await opinion.review(offered);
    expect(reviewed.status).toBe("answered");
    expect(reviewed.answer?.id).toBe("rejection-for-mismatch-information");
    expect(reviewed.confidence).toBe(offered.alternatives[1]!.score);
    expect(reviewed.alternatives.map((a) => a.id)).toEqual(["incorrect-billing-telephone-number-btn", "disconnected-inactive-numbers"]);
  });

  it(`leaves the choice when the encoder's nearest answer is another choice less alike than ${CLOSEST_CHOICE_BAR}, or none of the choices`, async () => {
    const question = "port rejected name mismatch";
    const closeEnoughFirst = choice(question, ["rejection-for-mismatch-information", "incorrect-billing-telephone-number-btn"]);
    await expect(opinion.review(closeEnoughFirst)).resolves.toMatchObject({ status: "answered", answer: { id: "rejection-for-mismatch-information" } });
    const second = choice(question, ["incorrect-billing-telephone-number-btn", "rejection-for-mismatch-information"]);
    await expect(opinion.review(second)).resolves.toEqual(second);
    const elsewhere = choice("the name on my account is wrong on the port", ["incorrect-billing-telephone-number-btn", "disconnected-inactive-numbers"]);
    await expect(opinion.review(elsewhere)).resolves.toEqual(elsewhere);
  });

  it("never answers another choice than the first for a French or Spanish question", async () => {
    const offered = choice("le nom sur mon compte est faux", ["incorrect-billing-telephone-number-btn", "rejection-for-mismatch-information"], "fr");
    const withEnglish = { ...offered, english: "the name on my account is wrong on the port" };
    await expect(opinion.review(withEnglish)).resolves.toEqual(withEnglish);
  });

  it(`leaves the choice when even the nearest phrasing is less alike than ${AGREEMENT_BAR}: a question outside the articles`, async () => {
    const question = "what are your per minute rates to mexico";
    const offered = choice(question, ["international-port-in-fees", "numbers-portable"]);
    await expect(opinion.review(offered)).resolves.toEqual(offered);
  });

  it(`answers a closer-than-${LEANING_AGREEMENT.bar} agreement only when the engine leans to it too`, async () => {
    const question = "where do i find the imei on my iphone";
    const offered = choice(question, ["what-is-the-imei", "i-am-being-asked-for-my-pin-and-imei-why"]);
    await expect(opinion.review({ ...offered, chance: 0.3 })).resolves.toMatchObject({ status: "clarify" });
    await expect(opinion.review({ ...offered, chance: LEANING_AGREEMENT.chance })).resolves.toMatchObject({ status: "answered", answer: { id: "what-is-the-imei" } });
  });

  it(`answers a French or Spanish 'which of these?' whose English form agrees, ${FOREIGN_AGREEMENT_BAR} or closer`, async () => {
    const engine = createAnswerEngine(kb);
    const ids = ["how-long-does-the-port-process-take", "important", "can-i-have-updates-regarding-my-port-out"];
    for (const [question, language] of [["combien de temps dure la portabilité", "fr"], ["cuanto tiempo toma la portabilidad", "es"]] as const) {
      const { english } = engine.ask(question);
      expect(english).toBe("how long port");
      const asked = { ...choice(question, ids, language), english };
      await expect(opinion.review(asked)).resolves.toMatchObject({ status: "answered", answer: { id: "how-long-does-the-port-process-take" } });
    }
  });

  it("leaves a French 'which of these?' whose English form points to another answer", async () => {
    const asked = createAnswerEngine(kb).ask("est-ce que mon service va couper pendant la portabilité?");
    expect(asked.status).toBe("clarify");
    expect(asked.alternatives[0]?.id).not.toBe("will-i-experience-any-downtime");
    await expect(opinion.review(asked)).resolves.toEqual(asked);
  });

  it("puts first a choice the engine ranks second when the encoder clearly favours it, still asking which", async () => {
    const asked = await rankedChoice(OTHER_SIDE, OTHER_SIDE_IDS.slice(0, 2), OTHER_SIDE_IDS, "my-current-carrier-says-the-number", FUSION.lead / 2);
    expect(asked.alternatives[1]!.id).toBe("my-current-carrier-says-the-number");
    const reviewed = await opinion.review(asked);
    expect(reviewed.status).toBe("clarify");
    expect(reviewed.alternatives.map((a) => a.id)).toEqual(["my-current-carrier-says-the-number", asked.alternatives[0]!.id]);
  });

  it("answers an entry the engine ranks behind the shown choices when both signals together put it clearly ahead", async () => {
    const shown = OTHER_SIDE_IDS.filter((id) => id !== "my-current-carrier-says-the-number").slice(0, 2);
    const asked = await rankedChoice(OTHER_SIDE, shown, [...shown, "my-current-carrier-says-the-number"], "my-current-carrier-says-the-number", FUSION.lead * 1.5);
    const reviewed = await opinion.review(asked);
    expect(reviewed).toMatchObject({ status: "answered", answer: { id: "my-current-carrier-says-the-number" } });
    expect(reviewed.alternatives).toEqual(asked.alternatives);
  });

  it("leaves a disagreement with no clear winner as a choice, the engine's first still first", async () => {
    const asked = await rankedChoice(OTHER_SIDE, OTHER_SIDE_IDS.slice(0, 2), OTHER_SIDE_IDS, OTHER_SIDE_IDS[0]!, FUSION.lead / 2);
    const cosines = await opinion.assess(asked);
    const groups = answerGroups(kb.entries);
    const groupOf = (id: string) => groups.groupOf[kb.entries.findIndex((e) => e.id === id)]!;
    expect(cosines!.closeness[groupOf("my-current-carrier-says-the-number")]!).toBeGreaterThan(cosines!.closeness[groupOf(OTHER_SIDE_IDS[0]!)]!);
    await expect(opinion.review(asked)).resolves.toEqual(asked);
  });

  it(`answers the engine's first of two choices without a clear lead when its closest phrasing reaches ${FUSION.closeFirst.bar}, and keeps three choices open`, async () => {
    const question = "the company i am moving to says my port out is stuck";
    const first = "how-do-i-port-out-my-number";
    const two = [first, "can-i-block-a-port-out-from-a-customer"];
    const three = [...two, "hunt-members-stranded-services"];
    const groups = answerGroups(kb.entries);
    const groupOf = (id: string) => groups.groupOf[kb.entries.findIndex((e) => e.id === id)]!;
    const { nearest } = (await opinion.assess(choice(question, [])))!;
    // The first choice is close, yet another answer group (not offered) is closer: the review's agreement rules cannot act.
    expect(nearest[groupOf(first)]!).toBeGreaterThanOrEqual(FUSION.closeFirst.bar);
    expect(Math.max(...nearest)).toBeGreaterThan(nearest[groupOf(first)]!);
    const asked = await rankedChoice(question, two, three, first, FUSION.lead / 2);
    const reviewed = await opinion.review(asked);
    expect(reviewed).toMatchObject({ status: "answered", answer: { id: first } });
    expect(reviewed.alternatives.map((a) => a.id)).toEqual(two.slice(1));
    const wider = await rankedChoice(question, three, three, first, FUSION.lead / 2);
    await expect(opinion.review(wider)).resolves.toEqual(wider);
  });

  it(`answers the second of two choices when both signals put it first and the encoder puts it ahead of every answer group, and keeps three choices open`, async () => {
    const question = "my phone line died, has my number moved over to you yet";
    const favoured = "my-number-has-been-disconnected";
    const two = ["disconnected-inactive-numbers", favoured];
    const three = [...two, "will-i-experience-any-downtime"];
    const groups = answerGroups(kb.entries);
    const groupOf = (id: string) => groups.groupOf[kb.entries.findIndex((e) => e.id === id)]!;
    const { nearest } = (await opinion.assess(choice(question, [])))!;
    // Nearest of all, yet not close enough for the review's rules on another choice than the first.
    expect(Math.max(...nearest)).toBe(nearest[groupOf(favoured)]!);
    expect(nearest[groupOf(favoured)]!).toBeGreaterThanOrEqual(FUSION.nearestFirst.bar);
    expect(nearest[groupOf(favoured)]!).toBeLessThan(CLOSEST_CHOICE_BAR);
    const asked = await rankedChoice(question, two, two, favoured, FUSION.lead / 4);
    const reviewed = await opinion.review(asked);
    expect(reviewed).toMatchObject({ status: "answered", answer: { id: favoured } });
    expect(reviewed.alternatives.map((a) => a.id)).toEqual([two[0]]);
    const wider = await rankedChoice(question, three, three, favoured, FUSION.lead / 4);
    const kept = await opinion.review(wider);
    expect(kept.status).toBe("clarify");
    expect(kept.alternatives.map((a) => a.id)).toEqual([favoured, ...three.filter((id) => id !== favoured)]);
  });

  it("re-ranks a French or Spanish 'which of these?' by its English form, but never answers it on that reading", async () => {
    const favoured = OTHER_SIDE_IDS[2]!;
    const english = await rankedChoice(OTHER_SIDE, OTHER_SIDE_IDS, OTHER_SIDE_IDS, favoured, FUSION.lead * 2);
    await expect(opinion.review(english)).resolves.toMatchObject({ status: "answered", answer: { id: favoured } });
    const french = { ...english, language: "fr" as const, english: OTHER_SIDE };
    const reviewed = await opinion.review(french);
    expect(reviewed.status).toBe("clarify");
    expect(reviewed.alternatives.map((a) => a.id)).toEqual([favoured, ...OTHER_SIDE_IDS.filter((id) => id !== favoured)]);
  });

  it("never touches an answer, a refusal or a question in another language without its English form", async () => {
    const answered: AskResult = { ...choice("what does FOC mean", []), status: "answered", answer: choice("x", ["foc"]).alternatives[0]! };
    await expect(opinion.review(answered)).resolves.toBe(answered);
    const refused: AskResult = { ...choice("tell me a joke", []), status: "fallback" };
    await expect(opinion.review(refused)).resolves.toBe(refused);
    const french = choice("le nom sur mon compte est faux", ["rejection-for-mismatch-information"], "fr");
    await expect(opinion.review(french)).resolves.toBe(french);
  });

  it("never answers a customer with an entry only agents may see", async () => {
    const hidden = kb.entries.find((e) => e.status === "archived");
    expect(hidden).toBeDefined();
    const offered = choice(hidden!.title, [hidden!.id]);
    await expect(opinion.review(offered, { audience: "customer" })).resolves.toEqual(offered);
    await expect(opinion.review(offered, { audience: "agent" })).resolves.toMatchObject({ status: "answered", answer: { id: hidden!.id } });
  });
});

describe("the vector cache", () => {
  /** The real encoder, counting the sentences it is given. */
  function counting(): SentenceEncoder & { sentences: number } {
    const counted = {
      model: encoder.model,
      sentences: 0,
      embed: (sentences: string[]) => {
        counted.sentences += sentences.length;
        return encoder.embed(sentences);
      },
      warmUp: () => encoder.warmUp(),
    };
    return counted;
  }

  it("embeds each sentence once, and a restart with the same file embeds none", async () => {
    const file = join(folder, "restart.json");
    const first = counting();
    await new VectorCache(first, file).vectorsOf(["port my cell", "port my fax", "port my cell"]);
    expect(first.sentences).toBe(2);
    const second = counting();
    const [cell] = await new VectorCache(second, file).vectorsOf(["port my cell"]);
    expect(second.sentences).toBe(0);
    const [fresh] = await encoder.embed(["port my cell"]);
    expect(cell!.reduce((s, v, i) => s + v * fresh![i]!, 0)).toBeGreaterThan(0.999);
  });

  it("ignores a damaged file or one from another model, and writes a good one", async () => {
    const file = join(folder, "damaged.json");
    writeFileSync(file, "{ not json");
    const fromDamaged = counting();
    await new VectorCache(fromDamaged, file).vectorsOf(["port my cell"]);
    expect(fromDamaged.sentences).toBe(1);
    expect(JSON.parse(readFileSync(file, "utf8")).model).toBe(encoder.model);
    writeFileSync(file, JSON.stringify({ model: "another model", vectors: { "port my cell": "AAAA" } }));
    const fromOther = counting();
    await new VectorCache(fromOther, file).vectorsOf(["port my cell"]);
    expect(fromOther.sentences).toBe(1);
  });

  it("still answers when the file cannot be written", async () => {
    const blocked = join(folder, "damaged.json", "below-a-file.json");
    const [vector] = await new VectorCache(encoder, blocked).vectorsOf(["port my cell"]);
    expect(vector!.length).toBe(512);
  });
});

describe("the second opinion's time budget", () => {
  it("leaves the engine's choice when the question's vector is late, and uses the vector once it is remembered", async () => {
    const late: string[] = [];
    const hurried = await createSecondOpinion(kb, new VectorCache(encoder, vectorCacheFile({})), { budgetMs: 1, onLate: () => late.push("late") });
    const offered = choice("  the name on my account is wrong on the port request ", ["rejection-for-mismatch-information", "incorrect-billing-telephone-number-btn"]);
    // The encoder busy with other sentences: the question waits its turn, past the budget.
    const busy = encoder.embed(Array.from({ length: 8 }, (_, i) => `another customer's question number ${i}`));
    expect(await hurried.review(offered)).toBe(offered);
    await busy;
    expect(late).toEqual(["late"]);
    // The vector is still computed and remembered: the same question, spaced differently, is then reviewed in time.
    let reviewed = offered;
    for (let i = 0; i < 100 && reviewed.status === "clarify"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      reviewed = await hurried.review({ ...offered, masked: "the name on my account is wrong on the port request" });
    }
    expect(reviewed.status).toBe("answered");
    expect(reviewed.answer?.id).toBe("rejection-for-mismatch-information");
  });

  it("waits as long as the encoder takes without a budget", async () => {
    const offered = choice("my port request was refused since the name on the account is different", ["rejection-for-mismatch-information"]);
    await expect(opinion.review(offered)).resolves.toMatchObject({ status: "answered" });
  });
});
