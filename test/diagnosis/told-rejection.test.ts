import { beforeAll, describe, expect, it } from "vitest";
import { outsideTopicReader } from "../../src/answer/outside.js";
import { rejectedForAnUnknownReason } from "../../src/diagnosis/flow.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { tellsOfRejection, toldCause, type RejectionSigns } from "../../src/diagnosis/told-rejection.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { TODAY } from "./drive.js";

let signs: RejectionSigns;
let knowledge: DiagnosisKnowledge;
beforeAll(async () => {
  const kb = await loadKnowledgeBase(knowledgeDir({}));
  knowledge = diagnosisKnowledge(kb, TODAY);
  const causeIds = new Set(knowledge.causes.map((c) => c.id));
  signs = { reader: knowledge.reader, outsideTopic: outsideTopicReader(kb.vocabulary), isCause: (id) => causeIds.has(id) };
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

describe("how strongly a statement must name its cause, by what the engine made of it", () => {
  it("with no answer at all, a cause named from NO_ANSWER_BAR up is enough; a weaker one is not", () => {
    const nothing = { status: "fallback" as const, alternatives: [] };
    expect(toldCause(signs, "I wrote our trading name but the account is under the legal name")).toBeUndefined();
    expect(tellsOfRejection(signs, "I wrote our trading name but the account is under the legal name", nothing, same)).toBe(true);
    expect(tellsOfRejection(signs, "we haven't paid that phone bill since June", nothing, same)).toBe(false);
  });

  it("with the cause's own entry or one of its related entries offered, a cause named from OFFERED_BAR up is enough", () => {
    const own = { status: "clarify" as const, alternatives: [{ id: "account-number-reseller-mismatch" }, { id: "incorrect-billing-telephone-number-btn" }] };
    expect(tellsOfRejection(signs, "the number we put as the billing number is not what the account is under", own, same)).toBe(true);
    const related = { status: "clarify" as const, alternatives: [{ id: "can-i-port-at-the-same-time" }, { id: "what-is-a-partial-port" }] };
    expect(tellsOfRejection(signs, "our lines ring one after the other and we're moving the first one", related, same)).toBe(true);
    const unrelated = { status: "clarify" as const, alternatives: [{ id: "can-i-port-at-the-same-time" }, { id: "lnp" }] };
    expect(tellsOfRejection(signs, "our lines ring one after the other and we're moving the first one", unrelated, same)).toBe(false);
  });

  it("over an answer, only when the engine answered with the entry of a neighbouring rejection cause", () => {
    const text = "the losing carrier says the name on the account is different from ours";
    expect(tellsOfRejection(signs, text, { status: "answered", answer: { id: "account-number-reseller-mismatch" }, alternatives: [] }, same)).toBe(true);
    expect(tellsOfRejection(signs, text, { status: "answered", answer: { id: "rejection-for-mismatch-information" }, alternatives: [] }, same)).toBe(false);
    expect(tellsOfRejection(signs, text, { status: "answered", answer: { id: "csr" }, alternatives: [] }, same)).toBe(false);
  });
});

describe("a rejection of one's own port told beside a question", () => {
  const choices = { status: "clarify" as const, alternatives: [{ id: "lnp" }, { id: "port-rejection-overview" }] };

  it.each([
    ["our transfer was turned down because the account is in my late mother's name, how do I fix that?", "rejection-for-mismatch-information"],
    ["my port got rejected, the old carrier shut the line off last month. what now?", "disconnected-inactive-numbers"],
    ["Hello! They rejected my port over an open order on my account — can you help?", "freeze-on-the-account-pending-order"],
  ])("'%s' goes to the diagnosis with %s", (text, id) => {
    expect(toldCause(signs, text)).toBe(id);
    expect(tellsOfRejection(signs, text, choices, same)).toBe(true);
  });

  it.each([
    "we stopped paying the old bill, will they reject the port?",
    "the account is in my mother's name, was that why the port was rejected?",
    "can a port be rejected because the account is in someone else's name?",
  ])("'%s' asks whether a port would be or was rejected: it stays with the answer engine", (text) => {
    expect(tellsOfRejection(signs, text, choices, same)).toBe(false);
  });
});

describe("a rejection for a reason the knowledge does not list", () => {
  it.each(["REJECT - EARLY TERMINATION FEE OWED", "my transfer was refused because port protection is on", "Refus : contrat en cours, frais à payer"])(
    "'%s' gives a reason that names no known cause",
    (text) => {
      expect(rejectedForAnUnknownReason(knowledge, text)).toBe(true);
    },
  );

  it.each(["my port was rejected", "the port didn't go through", "Rejected - BTN mismatch", "can you check my order status"])("'%s' gives no unknown reason", (text) => {
    expect(rejectedForAnUnknownReason(knowledge, text)).toBe(false);
  });
});
