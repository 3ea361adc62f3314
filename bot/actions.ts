import { z } from "zod";
import { Language } from "../src/answer/result.js";
import { Id } from "../src/knowledge/schema.js";
import { FLOW_IDS } from "./dialogs/flows.js";

/** Words that work at any point of a conversation. */
export const Command = z.enum(["help", "menu", "start-over", "back", "cancel", "handoff", "ask"]);
export type Command = z.infer<typeof Command>;

/**
 * What a button carries back to the bot. A click arrives as the activity's `value`; it is outside input,
 * so it is parsed here and anything that does not fit is ignored (the activity's text is used instead).
 */
export const Action = z.discriminatedUnion("action", [
  /** Treat `text` as if the user had typed it (sub-dialog choices use this). */
  z.object({ action: z.literal("say"), text: z.string().trim().min(1).max(500) }),
  /**
   * Show one knowledge entry; `question` (masked), `score` and the question's `language` when it was one of the
   * engine's candidates, so the answer links the article in that language as an answered question would.
   */
  z.object({
    action: z.literal("open"),
    id: Id,
    question: z.string().max(1000).optional(),
    score: z.number().min(0).max(1).optional(),
    language: Language.optional(),
  }),
  /** Start a guided flow (a sub-dialog registered under that id); any other name is not a button of this bot. */
  z.object({ action: z.literal("start"), flow: z.enum(FLOW_IDS) }),
  z.object({ action: z.literal("command"), command: Command }),
  /** "Did this help?" on an answer; `question` is already masked. */
  z.object({
    action: z.literal("feedback"),
    helpful: z.boolean(),
    entry: Id,
    /** The engine's confidence; absent when the entry was opened from a related-entry button. */
    score: z.number().min(0).max(1).optional(),
    question: z.string().max(1000),
  }),
]);
export type Action = z.infer<typeof Action>;

/** Reads a button's payload (Teams adds its `msteams` key, which is ignored). */
export function parseAction(value: unknown): Action | undefined {
  const parsed = Action.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
