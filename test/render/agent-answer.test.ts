import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answer/engine.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { agentAnswer, firstLine } from "../../src/render/agent-answer.js";
import { resolveKbLink } from "../../src/render/markdown.js";
import { realKnowledge } from "../bot/harness.js";

describe("agent answers", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await realKnowledge();
  });

  const answerFor = (id: string) => agentAnswer(kb.byId.get(id)!, resolveKbLink(kb));

  it("is the entry's own text and its source link, with no greeting and no label for a current entry", () => {
    const entry = kb.byId.get("how-long-does-the-port-process-take")!;
    const answer = answerFor(entry.id);
    expect(answer.label).toBeUndefined();
    expect(answer.title).toBe(entry.title);
    expect(answer.markdown.startsWith(entry.body.trim().slice(0, 40))).toBe(true);
    expect(answer.text.trim().endsWith(`Source: ${entry.source.url}`)).toBe(true);
    expect(answer.text).not.toMatch(/^(hi|hello|thanks)/i);
  });

  it("labels an archived entry with the day the wiki removed it, in place of the importer's notice", () => {
    const answer = answerFor("what-is-a-nasc-procedure-until-2019-08-27");
    expect(answer.label).toBe("Archived: removed from the wiki on 2019-08-27");
    expect(answer.text.split("\n")[0]).toBe("Archived: removed from the wiki on 2019-08-27");
    expect(answer.title).toBe("What is a NASC procedure?");
    expect(answer.text).not.toContain("For support agents only");
    expect(answer.text).toContain("Number Administration Service Center");
    expect(firstLine(answer)).toMatch(/^A NASC is a forced change of carriers/);
  });

  it("writes links between entries out as their wiki sections", () => {
    const linking = kb.entries.find((e) => e.status === "current" && e.body.includes("](kb:"))!;
    const answer = agentAnswer(linking, resolveKbLink(kb));
    expect(answer.markdown).not.toContain("](kb:");
    expect(answer.text).toContain("https://wiki.voip.ms/");
  });

  it("cuts a long first line at a word", () => {
    const answer = answerFor("how-long-does-the-port-process-take");
    const line = firstLine(answer, 30);
    expect(line.length).toBeLessThanOrEqual(30);
    expect(line.endsWith("…")).toBe(true);
  });
});

describe("agent search", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await realKnowledge();
  });

  it("finds archived entries for agents, never above the current entry of the same section", () => {
    const engine = createAnswerEngine(kb);
    let pairs = 0;
    for (const question of ["how much does it cost to port a number", "expedite my port request", "many numbers to port"]) {
      const ids = engine.search(question, { audience: "agent", limit: 10 }).map((r) => r.id);
      for (const [i, id] of ids.entries()) {
        const entry = kb.byId.get(id)!;
        if (entry.status !== "archived") continue;
        const current = kb.entries.find((e) => e.status === "current" && e.source.article === entry.source.article && e.source.section === entry.source.section);
        if (current && ids.includes(current.id)) {
          expect(ids.indexOf(current.id)).toBeLessThan(i);
          pairs += 1;
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
    expect(engine.search("what is a NASC procedure", { audience: "agent", limit: 5 }).map((r) => r.id)).toContain("what-is-a-nasc-procedure-until-2019-08-27");
  });

  it("keeps archived entries from customers and finds nothing for a question outside porting", () => {
    const engine = createAnswerEngine(kb);
    const forCustomer = engine.search("what is a NASC procedure", { audience: "customer", limit: 5 }).map((r) => kb.byId.get(r.id)!);
    expect(forCustomer.every((e) => e.status === "current")).toBe(true);
    expect(engine.search("what is the weather on Mars", { audience: "agent", limit: 5 })).toEqual([]);
  });

  it("returns at most the limit, best first", () => {
    const results = createAnswerEngine(kb).search("port fees", { audience: "agent", limit: 2 });
    expect(results.length).toBeLessThanOrEqual(2);
    expect(results.length).toBeGreaterThan(0);
    expect([...results].sort((a, b) => b.score - a.score)).toEqual(results);
  });
});
