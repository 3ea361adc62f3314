import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { createAnswerEngine, type AnswerEngine, type AskOptions, type SearchEngine } from "../src/answer/engine.js";
import type { AskResult } from "../src/answer/result.js";
import type { SecondOpinion } from "../src/answer/second-opinion.js";
import type { FeedbackRecord } from "../src/feedback/record.js";
import type { SendReply } from "./channels/render.js";
import type { Logger } from "./log.js";
import type { ShownChoices } from "./shown-choices.js";
import type { ConversationValue } from "./conversation-value.js";
import type { EstimateInput } from "../src/estimate/input.js";
import { currentTurn } from "./turn-scope.js";
import type { Reader } from "../src/reading/read.js";

/** A knowledge base and the engine built over it: always swapped together. */
export interface Knowledge {
  readonly kb: KnowledgeBase;
  readonly engine: AnswerEngine;
  /** Ranked look-ups for agents' tools (search API, Slack, message extension). */
  readonly search: SearchEngine;
  /** The sentence encoder's review of the engine's results; absent when the encoder is off or failed to load. */
  readonly opinion?: SecondOpinion;
}

/**
 * Whether the sentence encoder's second opinion reviews the knowledge being served: off (SECOND_OPINION=off or a
 * fixed knowledge base), pending (the model loading or the phrasings being embedded), attached, or failed.
 */
export type OpinionStatus = "off" | "pending" | "attached" | "failed";

/** Where the bot reads its knowledge at each turn: fixed, or reloaded while it runs (bot/live-knowledge.ts). */
export interface KnowledgeSource {
  /** The knowledge of the turn in progress (the newest outside a turn). */
  current(): Knowledge;
  /** The newest knowledge, whatever the turn in progress started with. */
  latest(): Knowledge;
  opinionStatus(): OpinionStatus;
}

export function fixedKnowledge(kb: KnowledgeBase, engine?: AnswerEngine): KnowledgeSource {
  // A given engine (tests script one) answers; the real one is built only if something searches.
  let real: (AnswerEngine & SearchEngine) | undefined;
  const built = () => (real ??= createAnswerEngine(kb));
  const knowledge: Knowledge = { kb, engine: engine ?? built(), search: { search: (question, options) => built().search(question, options) } };
  return { current: () => currentTurn()?.knowledge ?? knowledge, latest: () => knowledge, opinionStatus: () => "off" };
}

/** The knowledge base of the source's current knowledge, read at each use: holders of it see every reload. */
export function currentKnowledgeBase(source: KnowledgeSource): KnowledgeBase {
  return {
    get entries() {
      return source.current().kb.entries;
    },
    get byId() {
      return source.current().kb.byId;
    },
    get articles() {
      return source.current().kb.articles;
    },
    get vocabulary() {
      return source.current().kb.vocabulary;
    },
    get reading() {
      return source.current().kb.reading;
    },
  };
}

/** Searches the source's current knowledge. */
export function currentSearch(source: KnowledgeSource): SearchEngine {
  return { search: (question, options) => source.current().search.search(question, options) };
}

/**
 * Everything dialogs need, built once per bot by `createBot` in bot/app.ts. `kb` and `engine` are read at each use
 * from the knowledge source, so a reload reaches every dialog, and a turn sees one knowledge base from start to end.
 */
export interface BotServices {
  readonly kb: KnowledgeBase;
  readonly engine: AnswerEngine;
  /** The second opinion on an engine result (src/answer/second-opinion.ts), or the result as it is without one. */
  review(result: AskResult, options: AskOptions): Promise<AskResult>;
  /** Renders a Reply for the turn's channel, sends it and remembers its choices in `shown`. */
  send: SendReply;
  /** The choices of the last reply sent in the conversation. */
  shown: ShownChoices;
  /**
   * The order of the last estimate given in the conversation, for the fragments that change it ("and if expedited?",
   * "for Quebec instead"); forgotten when another flow starts or the customer starts over.
   */
  lastEstimate: ConversationValue<EstimateInput>;
  /** The second request of a message that made two, offered once the first is handled; forgotten once offered. */
  nextRequest: ConversationValue<string>;
  /** The entries of the last canned answers shown in an agents' conversation, for "in French please" next. */
  cannedShown: ConversationValue<string[]>;
  /** Stores one feedback record (unhelpful answers, fallbacks) for the knowledge curators. */
  recordFeedback: (record: FeedbackRecord) => Promise<void>;
  log: Logger;
  now: () => Date;
  /** Teams team or channel ids and Slack channel ids of support agents (AGENT_CHANNELS). */
  agentChannels: ReadonlySet<string>;
  /** Reads every message once: what it asks for and the facts it states. */
  readonly reader: Reader;
}

/** The second opinion of the turn's knowledge on a result, noting the final verdict for the turn's metrics. */
export function observedReview(source: KnowledgeSource): BotServices["review"] {
  return async (result, options) => {
    const reviewed = (await source.current().opinion?.review(result, options)) ?? result;
    const turn = currentTurn();
    if (turn) turn.asked = reviewed.status;
    return reviewed;
  };
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
