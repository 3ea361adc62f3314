import type { OpinionStatus } from "./services.js";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** What a turn came to: the engine's verdict, a guided flow, anything else (commands, menus, buttons), or trouble. */
export type TurnOutcome = "answered" | "asked_back" | "fallback" | "flow" | "other" | "busy" | "conflict" | "repeat" | "error";

const CHANNELS = new Set(["webchat", "directline", "emulator", "msteams", "slack"]);

/** The channel as a label: any channel id the bot does not know counts as "other", so labels stay few. */
export function channelLabel(channelId: string | undefined): string {
  return channelId && CHANNELS.has(channelId) ? channelId : "other";
}

/** The bot's Prometheus metrics, in a registry of its own (the process's defaults included), served at /metrics. */
export class BotMetrics {
  readonly registry = new Registry();

  readonly turns = new Counter({
    name: "porting_bot_turns_total",
    help: "Turns by channel and outcome (answered, asked_back, fallback, flow, other, busy, conflict, error).",
    labelNames: ["channel", "outcome"] as const,
    registers: [this.registry],
  });

  readonly turnSeconds = new Histogram({
    name: "porting_bot_turn_duration_seconds",
    help: "Time to handle a turn, from the request reaching the bot to its state being saved.",
    labelNames: ["channel"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly feedback = new Counter({
    name: "porting_bot_feedback_records_total",
    help: "Feedback records written, by status (helpful, unhelpful, fallback).",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });

  readonly storageConflicts = new Counter({
    name: "porting_bot_storage_conflicts_total",
    help: "State writes refused because another writer changed the item since it was read.",
    registers: [this.registry],
  });

  readonly reloads = new Counter({
    name: "porting_bot_knowledge_reloads_total",
    help: "Knowledge reloads, by result (reloaded, invalid).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });

  readonly entries = new Gauge({
    name: "porting_bot_knowledge_entries",
    help: "Entries in the knowledge base being served.",
    registers: [this.registry],
  });

  /** Read at each scrape: the status of the knowledge served then. */
  private opinion: () => OpinionStatus = () => "off";

  readonly opinionAttached: Gauge = new Gauge({
    name: "porting_bot_second_opinion_attached",
    help: "1 when the sentence encoder's second opinion reviews the knowledge being served, 0 while it is prepared, off or failed.",
    registers: [this.registry],
    collect: (): void => this.opinionAttached.set(this.opinion() === "attached" ? 1 : 0),
  });

  readonly lateReviews = new Counter({
    name: "porting_bot_second_opinion_late_total",
    help: "Reviews given up because the question's sentence vector took longer than SECOND_OPINION_BUDGET_MS.",
    registers: [this.registry],
  });

  /** Where the opinion's status is read at each scrape. */
  observeOpinion(status: () => OpinionStatus): void {
    this.opinion = status;
  }

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
