import { loadavg } from "node:os";
import type { AnswerEngine } from "../src/answer/engine.js";
import { evaluateResults, type EvalCase } from "../src/answer/evaluate.js";
import type { AskResult } from "../src/answer/result.js";
import { createSecondOpinion, type SecondOpinion } from "../src/answer/second-opinion.js";
import { loadSentenceEncoder } from "../src/answer/sentence-encoder.js";
import { VectorCache } from "../src/answer/vector-cache.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

interface Timing {
  p50: number;
  p99: number;
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((x, y) => x - y);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** Watches how late a 10 ms timer fires: the longest time the event loop was held (no turn could be served). */
function eventLoopWatch(): () => number {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.max(longest, performance.now() - last - 10);
  };
}

/** Each review timed alone, one after the other. */
async function oneByOne(opinion: SecondOpinion, results: AskResult[]): Promise<Timing> {
  const times: number[] = [];
  for (const result of results) {
    const start = performance.now();
    await opinion.review(result);
    times.push(performance.now() - start);
  }
  return timing(times);
}

/** Reviews arriving `width` at a time, as simultaneous turns do; each timed from its arrival. */
async function inBursts(opinion: SecondOpinion, results: AskResult[], width: number): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < results.length; i += width) {
    await Promise.all(
      results.slice(i, i + width).map(async (result) => {
        const start = performance.now();
        await opinion.review(result);
        times.push(performance.now() - start);
      }),
    );
  }
  return timing(times);
}

/** The same question in other words the engine reads alike: new text for the encoder, so its vector is not remembered. */
const reworded = (result: AskResult, prefix: string): AskResult => ({ ...result, masked: `${prefix} ${result.masked}` });

/**
 * The sentence encoder's cost (load time, memory, embedding the knowledge without a cache file and how long that
 * holds the event loop, a review's latency alone, repeated and in simultaneous bursts, beside the engine alone) and
 * what it buys: answered right / wrong per set with the engine alone and with the second opinion, side by side.
 */
export async function benchSecondOpinion(kb: KnowledgeBase, engine: AnswerEngine, sets: Array<readonly [string, EvalCase[]]>): Promise<void> {
  console.log(`Second opinion (Universal Sentence Encoder lite, WebAssembly); load average ${load()} (1, 5, 15 min).`);
  const rssBefore = process.memoryUsage().rss;
  let started = performance.now();
  const encoder = await loadSentenceEncoder();
  const loadMs = performance.now() - started;
  started = performance.now();
  await encoder.embed(["how do I port my number"]);
  const firstMs = performance.now() - started;
  const held = eventLoopWatch();
  started = performance.now();
  const cache = new VectorCache(encoder);
  const opinion = await createSecondOpinion(kb, cache);
  const embedMs = performance.now() - started;
  const longestHold = held();
  const rss = process.memoryUsage().rss - rssBefore;
  console.log(`  model load ${loadMs.toFixed(0)} ms; first question after it ${firstMs.toFixed(0)} ms; +${mb(rss)} RSS.`);
  console.log(
    `  embedding ${kb.entries.length} entries' phrasings without a cache file: ${(embedMs / 1000).toFixed(1)} s in the background; ` +
      `the event loop was held at most ${longestHold.toFixed(0)} ms at a time meanwhile.`,
  );

  const clarified: AskResult[] = [];
  const engineTimes: number[] = [];
  for (const [name, cases] of sets) {
    const alone = cases.map((c) => {
      const start = performance.now();
      const result = engine.ask(c.question);
      engineTimes.push(performance.now() - start);
      return result;
    });
    const reviewed = [];
    for (const result of alone) reviewed.push(await opinion.review(result));
    // Only a "which of these?" is embedded; the rest pass through and cost nothing.
    clarified.push(...alone.filter((r) => r.status === "clarify" && r.language === "en"));
    const [a, r] = [evaluateResults(kb, cases, alone), evaluateResults(kb, cases, reviewed)];
    console.log(`  ${name.padEnd(10)} right ${pct(a.answeredRight)} -> ${pct(r.answeredRight)} (x${(r.answeredRight / a.answeredRight).toFixed(2)}), wrong ${pct(a.wrongConfident)} -> ${pct(r.wrongConfident)}, out-of-scope refused ${pct(a.refused)} -> ${pct(r.refused)}`);
  }

  const alone = timing(engineTimes);
  const rows: Array<[string, Timing]> = [
    ["engine alone (baseline)", alone],
    ["reviewed, new question", await oneByOne(opinion, clarified.map((r) => reworded(r, "please,")))],
    ["reviewed, repeated question", await oneByOne(opinion, clarified.map((r) => reworded(r, "please,")))],
    ["reviewed, 4 new at once", await inBursts(opinion, clarified.map((r) => reworded(r, "hello,")), 4)],
    ["reviewed, 16 new at once", await inBursts(opinion, clarified.map((r) => reworded(r, "hi,")), 16)],
  ];
  let late = 0;
  const BUDGET_MS = 60;
  const budgeted = await createSecondOpinion(kb, cache, { budgetMs: BUDGET_MS, onLate: () => late++ });
  rows.push([`16 new at once, ${BUDGET_MS} ms budget`, await inBursts(budgeted, clarified.map((r) => reworded(r, "hey,")), 16)]);
  console.log(`  a "which of these?" (${clarified.length} of them), ms; load average ${load()}:`);
  for (const [name, t] of rows) {
    const ratio = t === alone ? "" : `  (p99 x${(t.p99 / alone.p99).toFixed(0)} the engine's)`;
    console.log(`    ${name.padEnd(28)} p50 ${t.p50.toFixed(2).padStart(7)}  p99 ${t.p99.toFixed(2).padStart(7)}${ratio}`);
  }
  console.log(`  With the budget (SECOND_OPINION_BUDGET_MS=${BUDGET_MS}) ${late} of ${clarified.length} reviews were given up, the engine's choice kept.`);
  console.log("  Answers and refusals are not reviewed. Targets: engine alone p99 <= 5 ms; a reviewed choice p99 <= 60 ms.\n");
}
