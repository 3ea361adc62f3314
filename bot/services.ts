import type { KnowledgeBase } from "../src/knowledge/schema.js";
import type { AnswerEngine } from "../src/answer/engine.js";
import type { FeedbackRecord } from "../src/feedback/record.js";
import type { SendReply } from "./channels/render.js";
import type { Logger } from "./log.js";
import type { ShownChoices } from "./shown-choices.js";

/** Everything dialogs need, built once per bot by `createBot` in bot/app.ts. */
export interface BotServices {
  kb: KnowledgeBase;
  engine: AnswerEngine;
  /** Renders a Reply for the turn's channel, sends it and remembers its choices in `shown`. */
  send: SendReply;
  /** The choices of the last reply sent in the conversation. */
  shown: ShownChoices;
  /** Stores one feedback record (unhelpful answers, fallbacks) for the knowledge curators. */
  recordFeedback: (record: FeedbackRecord) => Promise<void>;
  log: Logger;
  now: () => Date;
  /** Teams team or channel ids and Slack channel ids of support agents (AGENT_CHANNELS). */
  agentChannels: ReadonlySet<string>;
}
