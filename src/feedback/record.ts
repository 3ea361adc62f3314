import { z } from "zod";
import { Id } from "../knowledge/schema.js";
import { redact } from "../privacy/redact.js";

/**
 * One line of the feedback log: what a customer asked (masked), which entry answered it, how sure the engine was,
 * and how it went. `fallback`: the bot had no answer; `unhelpful` / `helpful`: the customer's "Did this help?".
 */
export const FeedbackRecord = z
  .object({
    at: z.iso.datetime(),
    channel: z.string().min(1),
    question: z.string(),
    entry: Id.nullable(),
    /** The engine's confidence; null when the customer opened the entry from a related-entry button. */
    score: z.number().min(0).max(1).nullable(),
    status: z.enum(["helpful", "unhelpful", "fallback"]),
  })
  .strict();
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** Masks customer identifiers in the question again, whatever the caller passed. */
export function feedbackRecord(input: Omit<FeedbackRecord, "at">, at: Date): FeedbackRecord {
  return FeedbackRecord.parse({ ...input, question: redact(input.question), at: at.toISOString() });
}
