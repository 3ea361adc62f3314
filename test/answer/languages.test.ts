import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

let engine: AnswerEngine;

beforeAll(async () => {
  engine = createAnswerEngine(await loadKnowledgeBase(knowledgeDir({})));
});

/** The entry the engine puts first: its answer, or the first of its choices. */
const first = (question: string) => {
  const result = engine.ask(question);
  return { status: result.status, language: result.language, id: result.answer?.id ?? result.alternatives[0]?.id };
};

describe("French and Spanish wording in the vocabulary", () => {
  it("answers purchased-versus-ported price questions in both languages", () => {
    expect(first("pourquoi un numéro acheté est moins cher qu'un numéro transféré")).toEqual({ status: "answered", language: "fr", id: "why-are-purchased-numbers-cheaper" });
    expect(first("¿por qué es más barato un número comprado que uno portado?")).toEqual({ status: "answered", language: "es", id: "why-are-purchased-numbers-cheaper" });
  });

  it("reads Spanish 'tipos' as the type of number, not a tip", () => {
    expect(first("¿qué tipos de número se pueden portar?")).toMatchObject({ status: "answered", id: "what-type-of-numbers-can-i-port" });
  });

  it("reads a Spanish 'cuenta vieja' as the old account, and 'quien' as no word to correct", () => {
    expect(first("quien cancela la cuenta vieja cuando termina la portabilidad").id).toBe("my-port-is-now-processing-or-has-a-foc-date");
  });

  it("puts the right entry first for losing service in French and for 'cuanto me sale' in Spanish", () => {
    expect(first("est-ce que je vais perdre mon service durant la portabilité").id).toBe("will-i-experience-any-downtime");
    expect(first("cuanto me sale pasar mi numero a voip.ms").id).toBe("how-much-does-it-cost-to-port-a-number");
  });

  it("keeps the Spanish-only phrases out of English questions and still refuses what is not porting", () => {
    expect(engine.ask("is there a sale on new numbers").language).toBe("en");
    expect(first("is there a sale on new numbers").id).not.toBe("how-much-does-it-cost-to-port-a-number");
    expect(first("comment bloquer les appels indésirables").status).toBe("fallback");
    expect(first("¿cómo bloqueo las llamadas de spam en mi teléfono?").status).toBe("fallback");
  });
});

describe("French and Spanish alternate questions", () => {
  it("answers texts still missing after a finished port, in both languages, with the SMS-after-porting entry", () => {
    expect(first("terminó el traspaso pero los mensajes de texto no me llegan")).toMatchObject({ status: "answered", id: "my-porting-process-has-been-completed" });
    expect(first("je n'ai toujours pas de textos depuis que la portabilité est finie")).toMatchObject({ status: "answered", id: "my-porting-process-has-been-completed" });
  });

  it("puts starting a port request first for a French question the vocabulary alone does not place", () => {
    expect(first("comment débuter ma demande de portabilité")).toMatchObject({ status: "clarify", id: "how-do-i-start-the-process-to-port-my-number" });
  });
});
