import type { AnswerEngine } from "../src/answer/engine.js";
import { evaluateResults, type EvalCase } from "../src/answer/evaluate.js";
import { createSecondOpinion } from "../src/answer/second-opinion.js";
import { loadSentenceEncoder } from "../src/answer/sentence-encoder.js";
import { VectorCache } from "../src/answer/vector-cache.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * The sentence encoder's cost (load time, memory, embedding the knowledge without a cache file, a review's latency)
 * and what it buys: answered right / wrong per set with the engine alone and with the second opinion, side by side.
 */
export async function benchSecondOpinion(kb: KnowledgeBase, engine: AnswerEngine, sets: Array<readonly [string, EvalCase[]]>): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  let started = performance.now();
  const encoder = await loadSentenceEncoder();
  const loadMs = performance.now() - started;
  started = performance.now();
  const opinion = await createSecondOpinion(kb, new VectorCache(encoder));
  const embedMs = performance.now() - started;
  const rss = process.memoryUsage().rss - rssBefore;
  console.log(`Second opinion (Universal Sentence Encoder lite, WebAssembly): model load ${loadMs.toFixed(0)} ms; embedding ${kb.entries.length} entries' phrasings without a cache file ${(embedMs / 1000).toFixed(1)} s; +${mb(rss)} RSS.`);
  const times: number[] = [];
  for (const [name, cases] of sets) {
    const alone = cases.map((c) => engine.ask(c.question));
    const reviewed = [];
    for (const [i, c] of cases.entries()) {
      const start = performance.now();
      reviewed.push(await opinion.review(alone[i]!));
      // Only a "which of these?" is embedded; the rest pass through and cost nothing.
      if (alone[i]!.status === "clarify") times.push(performance.now() - start);
    }
    const [a, r] = [evaluateResults(kb, cases, alone), evaluateResults(kb, cases, reviewed)];
    console.log(`  ${name.padEnd(10)} right ${pct(a.answeredRight)} -> ${pct(r.answeredRight)} (x${(r.answeredRight / a.answeredRight).toFixed(2)}), wrong ${pct(a.wrongConfident)} -> ${pct(r.wrongConfident)}, out-of-scope refused ${pct(a.refused)} -> ${pct(r.refused)}`);
  }
  times.sort((x, y) => x - y);
  console.log(`  a reviewed "which of these?": p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms (${times.length} reviews); answers and refusals are not reviewed.\n`);
}
