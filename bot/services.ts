import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { createAnswerEngine, type AnswerEngine } from "../src/answer/engine.js";
import type { FeedbackRecord } from "../src/feedback/record.js";
import type { SendReply } from "./channels/render.js";
import type { Logger } from "./log.js";
import type { ShownChoices } from "./shown-choices.js";
import { currentTurn } from "./turn-scope.js";
import type { Reader } from "../src/reading/read.js";

/** A knowledge base and the engine built over it: always swapped together. */
export interface Knowledge {
  readonly kb: KnowledgeBase;
  readonly engine: AnswerEngine;
}

/** Where the bot reads its knowledge at each turn: fixed, or reloaded while it runs (bot/live-knowledge.ts). */
export interface KnowledgeSource {
  /** The knowledge of the turn in progress (the newest outside a turn). */
  current(): Knowledge;
  /** The newest knowledge, whatever the turn in progress started with. */
  latest(): Knowledge;
}

export function fixedKnowledge(kb: KnowledgeBase, engine: AnswerEngine = createAnswerEngine(kb)): KnowledgeSource {
  const knowledge = { kb, engine };
  return { current: () => currentTurn()?.knowledge ?? knowledge, latest: () => knowledge };
}

/**
 * Everything dialogs need, built once per bot by `createBot` in bot/app.ts. `kb` and `engine` are read at each use
 * from the knowledge source, so a reload reaches every dialog, and a turn sees one knowledge base from start to end.
 */
export interface BotServices {
  readonly kb: KnowledgeBase;
  readonly engine: AnswerEngine;
  /** Renders a Reply for the turn's channel, sends it and remembers its choices in `shown`. */
  send: SendReply;
  /** The choices of the last reply sent in the conversation. */
  shown: ShownChoices;
  /** Stores one feedback record (unhelpful answers, fallbacks) for the knowledge curators. */
  recordFeedback: (record: FeedbackRecord) => Promise<void>;
  log: Logger;
  now: () => Date;
  /** Reads every message once: what it asks for and the facts it states. */
  readonly reader: Reader;
}

/** The answer engine of the turn's knowledge, noting its verdict for the turn's metrics. */
export function observedEngine(source: KnowledgeSource): AnswerEngine {
  return {
    ask(question, options) {
      const result = source.current().engine.ask(question, options);
      const turn = currentTurn();
      if (turn) turn.asked = result.status;
      return result;
    },
  };
}
