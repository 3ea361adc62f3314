import { holdsAQuestion, looksLikeQuestion } from "../reading/question-shape.js";
import type { Cause } from "./knowledge.js";
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
/**
 * When the answer engine has nothing at all, a statement naming a cause this strongly goes to the diagnosis. On the
 * readable sets, the statements the engine had no answer for and that named a cause from 0.6 up were all told of that
 * cause, and no question of the answer sets (none outside porting either) was among them; from 0.5 down, statements
 * outside porting ("my calls drop after 30 seconds") come in.
 */
export const NO_ANSWER_BAR = 0.6;
/**
 * When the engine offers the cause's own entry or one of the entries the cause's entry lists as related ("what is a
 * partial port" beside "Partial Port"), a statement naming that cause this strongly goes to the diagnosis.
 */
export const OFFERED_BAR = 0.45;

export interface RejectionSigns {
  reader: RejectionReader;
  /** The topic outside porting a text names (`vocabulary.yaml`), if any: such a text tells of no port. */
  outsideTopic: (text: string) => string | undefined;
  /** Whether an entry is a rejection cause's own. */
  isCause: (id: string) => boolean;
}

/**
 * The cause a message tells of in plain words, if it is a statement (or says in a clause that asks nothing that the
 * customer's own port failed), names no topic outside porting, and its first cause is strong.
 */
export function toldCause(signs: RejectionSigns, text: string): string | undefined {
  return toldRejection(signs, text, TOLD_CAUSE_BAR)?.cause.id;
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
function toldRejection({ reader, outsideTopic }: RejectionSigns, text: string, bar: number): { cause: Cause; score: number; failed: boolean } | undefined {
  if (outsideTopic(text) !== undefined) return undefined;
  const reading = reader.read(text);
  if (holdsAQuestion(text) && !(reading.kind === "story" && reader.read(toldClauses(text)).failed)) return undefined;
  const [first] = reading.causes;
  return first !== undefined && first.score >= bar ? { cause: first.cause, score: first.score, failed: reading.failed } : undefined;
}

/** What the answer engine made of the message: its status, the entry it answered with and the entries it offered. */
export interface EngineTurn {
  status: "answered" | "clarify" | "fallback";
  answer?: { id: string } | null | undefined;
  alternatives: Array<{ id: string }>;
}

/**
 * Whether a message goes to the diagnosis rather than the answer engine's turn: it tells of a cause, and the engine
 * had nothing ("I don't know that one"); or offered that cause's entry or one of its related entries among its
 * choices; or offered choices for a statement that says in so many words that the port failed ("...and that's why
 * the port didn't go"); or answered with the entry of another rejection cause that the cause's entry lists as its
 * neighbour ("the name on the account is different" answered with the account-number entry).
 */
export function tellsOfRejection(signs: RejectionSigns, text: string, engine: EngineTurn, sameAnswer: (entry: string, cause: string) => boolean): boolean {
  const told = toldRejection(signs, text, Math.min(OFFERED_BAR, NO_ANSWER_BAR));
  if (told === undefined) return false;
  const { cause, score, failed } = told;
  const neighbour = (id: string) => !sameAnswer(id, cause.id) && cause.related.includes(id);
  const ownOrNeighbour = (id: string) => sameAnswer(id, cause.id) || neighbour(id);
  if (engine.status === "fallback") return score >= NO_ANSWER_BAR;
  if (engine.status === "answered") return score >= TOLD_CAUSE_BAR && engine.answer != null && neighbour(engine.answer.id) && signs.isCause(engine.answer.id);
  if (engine.alternatives.some((a) => ownOrNeighbour(a.id))) return score >= OFFERED_BAR;
  return score >= TOLD_CAUSE_BAR && failed;
}
