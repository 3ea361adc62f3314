import { beforeAll, describe, expect, it } from "vitest";
import { outsideTopicReader } from "../../src/answer/outside.js";
import { diagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { tellsOfRejection, toldCause, type RejectionSigns } from "../../src/diagnosis/told-rejection.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { TODAY } from "./drive.js";

let signs: RejectionSigns;
beforeAll(async () => {
  const kb = await loadKnowledgeBase(knowledgeDir({}));
  signs = { reader: diagnosisKnowledge(kb, TODAY).reader, outsideTopic: outsideTopicReader(kb.vocabulary) };
});

const same = (a: string, b: string) => a === b;

describe("a rejection told in plain words", () => {
  it("a statement naming a cause strongly tells of it", () => {
    expect(toldCause(signs, "our prepaid plan ran out weeks ago")).toBe("disconnected-inactive-numbers");
  });

  it.each(["did our prepaid plan running out stop the port?", "our prepaid plan ran out, is that why", "I forgot my voicemail password"])(
    "'%s' tells of none: it asks, or names a topic outside porting",
    (text) => {
      expect(toldCause(signs, text)).toBeUndefined();
    },
  );

  it("goes to the diagnosis when the engine has nothing, or offers the cause among its choices; never over an answer", () => {
    const text = "our prepaid plan ran out weeks ago";
    expect(tellsOfRejection(signs, text, { status: "fallback", alternatives: [] }, same)).toBe(true);
    expect(tellsOfRejection(signs, text, { status: "clarify", alternatives: [{ id: "partial-port" }, { id: "disconnected-inactive-numbers" }] }, same)).toBe(true);
    expect(tellsOfRejection(signs, text, { status: "clarify", alternatives: [{ id: "partial-port" }, { id: "lnp" }] }, same)).toBe(false);
    expect(tellsOfRejection(signs, text, { status: "answered", alternatives: [] }, same)).toBe(false);
  });

  it("goes to the diagnosis over other choices when the statement also says the port failed", () => {
    const failed = "our prepaid plan ran out weeks ago and the port was rejected";
    const choices = { status: "clarify" as const, alternatives: [{ id: "partial-port" }, { id: "lnp" }] };
    expect(tellsOfRejection(signs, failed, choices, same)).toBe(true);
    expect(tellsOfRejection(signs, failed, { status: "answered", alternatives: [] }, same)).toBe(false);
    expect(tellsOfRejection(signs, "our prepaid plan ran out weeks ago, was the port rejected?", choices, same)).toBe(false);
  });
});
