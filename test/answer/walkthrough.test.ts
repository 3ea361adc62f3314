import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";

/** Questions a new customer asked the engine over the shipped knowledge base, and what they should get. */
let kb: KnowledgeBase;
let engine: AnswerEngine;

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  engine = createAnswerEngine(kb);
});

const offered = (question: string) => {
  const r = engine.ask(question);
  return [...(r.answer ? [r.answer.id] : []), ...r.alternatives.map((a) => a.id)];
};

describe("the engine on a new customer's questions", () => {
  it("refuses a password reset instead of answering with the port-out PIN rejection", () => {
    expect(engine.ask("reset my password")).toMatchObject({ status: "fallback", answer: null });
  });

  it("does not read a PIN the customer gives as a question about PINs", () => {
    const result = engine.ask("my number is 514-555-0199 and my PIN is 4821, can you port it?");
    expect(result.answer?.id).not.toBe("port-out-rejection-for-pin");
    expect(result.answer?.id).not.toBe("when-porting-out-my-number-the-new-carrier");
    expect(offered("my number is 514-555-0199 and my PIN is 4821, can you port it?")[0]).not.toMatch(/pin/);
    expect(result.masked).not.toContain("4821");
  });

  it("answers a phone that stopped working with the entry about numbers disconnected during a port", () => {
    expect(engine.ask("my phone stopped working, was it ported?")).toMatchObject({ status: "answered", answer: { id: "my-number-has-been-disconnected" } });
  });

  it("answers a partial port once, from its group's main entry, with the rejection entry as related", () => {
    const result = engine.ask("what is a partial port");
    expect(result).toMatchObject({ status: "answered", answer: { id: "what-is-a-partial-port" } });
    expect(result.alternatives.map((a) => a.id)).not.toContain("partial-port");
    expect(kb.byId.get("what-is-a-partial-port")?.related).toContain("partial-port");
  });

  it("answers the fax porting price with the fee entry, which states $15 per number", () => {
    const result = engine.ask("how much does it cost to port a fax number");
    expect(result).toMatchObject({ status: "answered", answer: { id: "how-much-does-it-cost-to-port-a-number" } });
    expect(kb.byId.get(result.answer!.id)!.fees.find((f) => f.applies_to.kinds?.includes("fax"))?.amount).toBe(15);
  });

  it("answers a carrier charging to let the customer leave with the entry that says whether it is legal", () => {
    expect(engine.ask("the other carrier wants to charge me to leave, is that legal?")).toMatchObject({
      status: "answered",
      answer: { id: "my-previous-carrier-is-charging-me" },
    });
  });

  it("answers a clear lead with a modest score rather than asking back", () => {
    expect(engine.ask("what goes on behind the scenes during a port")).toMatchObject({ status: "answered", answer: { id: "what-happens-behind-the-scenes" } });
  });
});

describe("answer groups", () => {
  it("never offer two entries of one group as choices", () => {
    for (const question of ["port rejected", "rejected port what now", "cancel my old carrier", "pin port out", "sms approve port", "port out"]) {
      const ids = offered(question);
      const groups = ids.map((id) => [id, ...kb.entries.filter((e) => e.same_question_as.includes(id)).map((e) => e.id)]);
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expect(groups[j]).not.toContain(groups[i]![0]);
    }
  });

  it("show the group's main entry whichever member matched best", () => {
    expect(engine.ask("my port out was rejected because of an invalid pin").answer?.id).toBe("when-porting-out-my-number-the-new-carrier");
  });
});

describe("the answer cache", () => {
  it("gives a repeated question the same answer, with the masked text of the question actually asked", () => {
    const first = engine.ask("how long does a port take for 514-555-0100");
    const again = engine.ask("How long does a port take for 438-555-0199?");
    expect(again.answer?.id).toBe(first.answer?.id);
    expect(again.status).toBe(first.status);
    expect(again.masked).not.toContain("438");
    expect(again.masked).toMatch(/^How long/);
  });

  it("keeps customer and agent answers apart", () => {
    const customer = engine.ask("what is a nasc procedure");
    const agent = engine.ask("what is a nasc procedure", { audience: "agent" });
    expect(customer.answer?.id ?? "").not.toMatch(/until/);
    expect([agent.answer?.id, ...agent.alternatives.map((a) => a.id)].some((id) => id?.includes("nasc"))).toBe(true);
  });
});

describe("agents' wording", () => {
  const first = (question: string) => {
    const r = engine.ask(question, { audience: "agent" });
    return [...(r.answer ? [r.answer.id] : []), ...r.alternatives.map((a) => a.id)][0];
  };

  it("reads 'canned reply' or 'template' as asking for text to paste, not about replying to the SMS", () => {
    expect(first("canned reply for port fees")).toBe("how-much-does-it-cost-to-port-a-number");
    expect(first("template for invalid BTN rejection")).toBe("incorrect-billing-telephone-number-btn");
  });

  it("never answers a reseller's 'my customer's port got rejected' with blocking a customer's port out, and offers the rejection overview", () => {
    for (const audience of ["customer", "agent"] as const) {
      const result = engine.ask("my customer's port got rejected", { audience });
      expect(result.answer?.id).not.toBe("can-i-block-a-port-out-from-a-customer");
      expect([result.answer?.id, ...result.alternatives.map((a) => a.id)]).toContain("port-rejection-overview");
    }
    expect(first("can I stop my customer from porting out")).toBe("can-i-block-a-port-out-from-a-customer");
  });

  it("never answers 'can you check the status of my port?', which names no direction, with the port-out updates entry", () => {
    const result = engine.ask("can you check the status of my port?");
    expect(result.answer?.id).not.toBe("can-i-have-updates-regarding-my-port-out");
    expect(result.answer?.id ?? result.alternatives[0]?.id).toBe("when-how-will-i-know-my-number");
    expect(first("any updates on my port out?")).toBe("can-i-have-updates-regarding-my-port-out");
  });
});
