import { createSecondOpinion, type SecondOpinion } from "../answer/second-opinion.js";
import { loadSentenceEncoder } from "../answer/sentence-encoder.js";
import { VectorCache } from "../answer/vector-cache.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { vectorCacheFile } from "../paths.js";

/** The second opinion the bot runs with, unless SECOND_OPINION=off or the caller asked for the engine alone. */
export async function secondOpinion(kb: KnowledgeBase, env: NodeJS.ProcessEnv, engineOnly: boolean): Promise<SecondOpinion | undefined> {
  if (engineOnly || env.SECOND_OPINION === "off") return undefined;
  return createSecondOpinion(kb, new VectorCache(await loadSentenceEncoder(), vectorCacheFile(env)));
}
