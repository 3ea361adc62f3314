import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

let engine: AnswerEngine;

beforeAll(async () => {
  engine = createAnswerEngine(await loadKnowledgeBase(knowledgeDir({})));
});

describe("a French or Spanish question's English form", () => {
  it("spells the terms the engine understood as English words, coined canonical terms as their first variant", () => {
    expect(engine.ask("combien de temps dure la portabilité").english).toBe("how long port");
    expect(engine.ask("cuanto tiempo toma la portabilidad").english).toBe("how long port");
    expect(engine.ask("rechazaron la portacion porque el nombre no coincide").english).toMatch(/^rejected port name/);
  });

  it("leaves out the words the knowledge base does not hold", () => {
    const english = engine.ask("je veux porter mon numéro, c'est pour mon perroquet").english!;
    expect(english.split(" ")).toEqual(["port", "number"]);
  });

  it("never carries a customer's identifiers", () => {
    const english = engine.ask("mi número es 514-555-0199, ¿cuánto cuesta portarlo?").english!;
    expect(english).toContain("cost");
    expect(english).not.toMatch(/\d/);
  });

  it("is absent for an English question", () => {
    expect(engine.ask("how long does a port take")).not.toHaveProperty("english");
  });
});
