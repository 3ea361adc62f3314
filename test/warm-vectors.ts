import { createSecondOpinion } from "../src/answer/second-opinion.js";
import { loadSentenceEncoder } from "../src/answer/sentence-encoder.js";
import { VectorCache } from "../src/answer/vector-cache.js";
import { loadKnowledgeBase } from "../src/knowledge/loader.js";
import { knowledgeDir, vectorCacheFile } from "../src/paths.js";

/**
 * Embeds the knowledge's phrasings into the project's vector cache once, before any test: the tests and child bots
 * that answer with the second opinion then read the vectors instead of each embedding them at once on a fresh clone.
 */
export default async function setup(): Promise<void> {
  await createSecondOpinion(await loadKnowledgeBase(knowledgeDir({})), new VectorCache(await loadSentenceEncoder(), vectorCacheFile({})));
}
