import { holdsAQuestion, looksLikeQuestion } from "../reading/question-shape.js";
import type { RejectionReader } from "./notice.js";

/**
 * How strongly a statement must name a rejection cause to be read as a customer telling of their own rejected port
 * ("our prepaid plan ran out weeks ago", "the account is in my partner's name"). On the readable diagnosis sets, the
 * statements the answer engine had no answer for, or offered choices among which the cause's entry was, and that
 * named a cause at 0.7 or more, were 52 of 52 told of that very cause. On the readable answer sets the rule took 4
 * in-scope questions to their right cause, 1 to a wrong one ("service address vs mailing address for porting") and 1
 * question outside porting to a diagnosis.
 */
export const TOLD_CAUSE_BAR = 0.7;

export interface RejectionSigns {
  reader: RejectionReader;
  /** The topic outside porting a text names (`vocabulary.yaml`), if any: such a text tells of no port. */
  outsideTopic: (text: string) => string | undefined;
}

/**
 * The cause a message tells of in plain words, if it is a statement (or says in a clause that asks nothing that the
 * customer's own port failed), names no topic outside porting, and its first cause is strong.
 */
export function toldCause(signs: RejectionSigns, text: string): string | undefined {
  return toldRejection(signs, text)?.cause;
}

/** The clauses of a message that tell rather than ask: "my port was rejected for the BTN" in "..., what do I do?". */
function toldClauses(text: string): string {
  return text
    .split(/(?<=[,;:.!?])\s+|\s+[—–-]\s+/)
    .filter((clause) => !looksLikeQuestion(clause))
    .join(" ");
}

/**
 * The cause a message tells of, as `toldCause`, and whether it also says in so many words that the port failed. A
 * message holding a question tells of a rejection only when one of its clauses that asks nothing says that the
 * customer's own port failed ("my port was rejected for the BTN, what do I do?"): asking whether a port would be or
 * was rejected ("will they refuse to let my number go?", "was the port rejected?") is for the answer engine.
 */
function toldRejection({ reader, outsideTopic }: RejectionSigns, text: string): { cause: string; failed: boolean } | undefined {
  if (outsideTopic(text) !== undefined) return undefined;
  const reading = reader.read(text);
  if (holdsAQuestion(text) && !(reading.kind === "story" && reader.read(toldClauses(text)).failed)) return undefined;
  const [first] = reading.causes;
  return first !== undefined && first.score >= TOLD_CAUSE_BAR ? { cause: first.cause.id, failed: reading.failed } : undefined;
}

/** What the answer engine made of the message: its status and the entries it offered. */
export interface EngineTurn {
  status: "answered" | "clarify" | "fallback";
  alternatives: Array<{ id: string }>;
}

/**
 * Whether a message the engine did not answer goes to the diagnosis instead: it tells of a cause, and the engine
 * either had nothing ("I don't know that one"), offered that cause's entry among its choices, or offered choices
 * for a statement that says in so many words that the port failed ("...and that's why the port didn't go").
 */
export function tellsOfRejection(signs: RejectionSigns, text: string, engine: EngineTurn, sameAnswer: (entry: string, cause: string) => boolean): boolean {
  if (engine.status === "answered") return false;
  const told = toldRejection(signs, text);
  if (told === undefined) return false;
  return engine.status === "fallback" || told.failed || engine.alternatives.some((a) => sameAnswer(a.id, told.cause));
}
