import type { TurnContext } from "botbuilder";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { diagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { recognizeNotice } from "../../src/diagnosis/notice.js";
import type { Cause } from "../../src/diagnosis/knowledge.js";
import { tellsOfRejection, type EngineTurn, type RejectionSigns } from "../../src/diagnosis/told-rejection.js";
import { sameAnswerIn } from "../../src/answer/groups.js";
import { outsideTopicReader } from "../../src/answer/outside.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { createReader, type Reader, type Reading } from "../../src/reading/read.js";
import { UNDERSTOOD } from "../channels/render.js";
import type { BotServices } from "../services.js";
import type { FlowId } from "./flows.js";

/** The reader over the knowledge's reading files; a pasted notice is also recognised by the causes it names. */
export function createBotReader(kb: KnowledgeBase, now: () => Date): Reader {
  if (!kb.reading) throw new Error("the knowledge base has no intents.yaml, places.yaml and number-kinds.yaml: the bot cannot read messages");
  const causes = diagnosisKnowledge(kb, dateInZone(now(), PORTING_TIME_ZONE)).causes;
  return createReader(kb.reading, { namesRejectionCause: (text) => recognizeNotice(causes, text).length > 0 });
}

const READINGS = Symbol("porting-bot readings");

/** The reading of a text on this turn (read once), remembered as what the bot understood for the turn's replies. */
export function readingOf(context: TurnContext, services: BotServices, text: string): Reading {
  let cache = context.turnState.get(READINGS) as Map<string, Reading> | undefined;
  if (!cache) context.turnState.set(READINGS, (cache = new Map()));
  let reading = cache.get(text);
  if (!reading) {
    reading = services.reader.read(text, { today: dateInZone(services.now(), PORTING_TIME_ZONE) });
    cache.set(text, reading);
  }
  context.turnState.set(UNDERSTOOD, understood(reading));
  return reading;
}

/** What the bot understood, as sent in channelData: the intent and the facts stated, nothing the customer typed. */
function understood(reading: Reading): Record<string, unknown> {
  const { wants, defaulted: _d, ...facts } = reading.facts;
  const stated = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && v !== null && Object.keys(v).length === 0)));
  return { intent: reading.intent, language: reading.language, ...(reading.notice ? { notice: true } : {}), facts: stated, wants };
}

/** What tells a rejection told in plain words, built once per knowledge version (the causes' reader keeps no date). */
const REJECTION_SIGNS = new WeakMap<KnowledgeBase, { signs: RejectionSigns; sameAnswer: (a: string, b: string) => boolean }>();

function rejectionSigns(services: BotServices): { signs: RejectionSigns; sameAnswer: (a: string, b: string) => boolean } {
  const { kb } = services;
  let built = REJECTION_SIGNS.get(kb);
  if (!built) {
    const { reader, causes } = diagnosisKnowledge(kb, dateInZone(services.now(), PORTING_TIME_ZONE));
    const ids = new Set(causes.map((c) => c.id));
    built = { signs: { reader, outsideTopic: outsideTopicReader(kb.vocabulary), isCause: (id) => ids.has(id) }, sameAnswer: sameAnswerIn(kb) };
    REJECTION_SIGNS.set(kb, built);
  }
  return built;
}

/** Whether a message the engine did not answer tells, in plain words, of a rejection the diagnosis knows. */
export function toldRejection(services: BotServices, text: string, engine: EngineTurn): boolean {
  const built = rejectionSigns(services);
  return tellsOfRejection(built.signs, text, engine, built.sameAnswer);
}

/**
 * The rejection causes a notice, a story or an e-mail quoting one names most clearly: those matched as well as the
 * best (two when the words fit causes of both directions), not the weaker ones a story also touches.
 */
export function causesNamed(services: BotServices, text: string): Cause[] {
  const matches = recognizeNotice(rejectionSigns(services).signs, text);
  const best = Math.max(...matches.map((m) => m.score));
  return matches.filter((m) => m.score >= best).map((m) => m.cause);
}

/** The flow a reading asks for, if any. */
export function flowOf(reading: Reading): FlowId | undefined {
  switch (reading.intent) {
    case "diagnosis":
      return "diagnose";
    case "checklist":
      return "checklist";
    case "estimate":
      return "estimate";
    default:
      return undefined;
  }
}
