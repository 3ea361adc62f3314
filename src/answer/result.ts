import { z } from "zod";
import { EntryType, type Direction } from "../knowledge/schema.js";

export const AskStatus = z.enum(["answered", "clarify", "fallback"]);

export const MatchSummary = z.object({
  id: z.string(),
  title: z.string(),
  type: EntryType,
  source: z.object({ article: z.string(), section: z.string().nullable(), url: z.string() }),
});

export const Alternative = MatchSummary.extend({ score: z.number().min(0).max(1) });

/** The JSON contract of `porting-bot ask --json`: other tools rely on exactly these fields. */
export const AskJson = z.object({
  status: AskStatus,
  confidence: z.number().min(0).max(1),
  answer: MatchSummary.nullable(),
  alternatives: z.array(Alternative),
});

export type AskStatus = z.infer<typeof AskStatus>;
export type MatchSummary = z.infer<typeof MatchSummary>;
export type Alternative = z.infer<typeof Alternative>;
export type AskJson = z.infer<typeof AskJson>;

export const Language = z.enum(["en", "fr", "es"]);
export type Language = z.infer<typeof Language>;

/** A choice as the bot offers it: the contract's fields plus the entry's choice label, if it has one. */
export type Choice = Alternative & { label?: string };

/** What the engine hands to renderers and the bot: the contract plus what they need to show it. */
export interface AskResult extends Omit<AskJson, "alternatives"> {
  alternatives: Choice[];
  /** The decision's estimated chance that the first answer group is right, when anything was in scope. */
  chance?: number;
  /** The question with customer identifiers masked: safe to log. */
  masked: string;
  language: Language;
  /** A French or Spanish question as the engine understood it, in English words (see english-form.ts). */
  english?: string;
  /** Link to the answer's article in the question's language, when it is French or Spanish. */
  translation?: string;
  /** The way the question says its number goes (port in, port out); its choices about the other way never lead. */
  direction?: Direction;
  /**
   * For a "which of these?": the engine's first answer groups as choices, best first (the shown ones, then the rivals
   * behind them), for a second opinion to re-rank. Not part of the `ask --json` contract.
   */
  candidates?: Choice[];
}
