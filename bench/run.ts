/**
 * `npm run bench`: the answer engine beside two baselines on the same questions (accuracy and per-query
 * latency), its latency and memory with the knowledge base replicated 10x and 100x, the sweeps behind
 * its weights and thresholds, redaction on adversarial inputs, and /api/messages turns per second beside a bare
 * botbuilder echo bot. Runs in about a minute.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { createAnswerEngine, type AnswerEngine, type EngineSettings } from "../src/answer/engine.js";
import { THRESHOLDS } from "../src/answer/decide.js";
import { SETTINGS } from "../src/answer/match.js";
import { evaluate, parseEvalSet, type EvalCase, type EvalReport } from "../src/answer/evaluate.js";
import { loadKnowledgeBase } from "../src/knowledge/loader.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../src/paths.js";
import { fuseDefaultEngine, miniSearchEngine } from "./baselines.js";
import { benchTurns } from "./http-turns.js";
import { benchRedaction } from "./redaction.js";
import { benchRender } from "./render.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** The sweeps use the first two only: no setting is chosen on the held-out set. */
const SETS = [
  ["dev", "../shared/eval/dev.jsonl"],
  ["hard", "eval/hard.jsonl"],
  ["holdout", "eval/holdout.jsonl"],
] as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Per-query latency in ms over `rounds` passes of every question, after one warm-up pass. */
function latency(engine: AnswerEngine, questions: string[], rounds: number): { p50: number; p99: number } {
  for (const q of questions) engine.ask(q);
  gc();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = performance.now();
      engine.ask(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/** The knowledge base with every entry copied `times` times under new ids. */
function replicate(kb: KnowledgeBase, times: number): KnowledgeBase {
  const entries = Array.from({ length: times }, (_, k) => kb.entries.map((e) => (k === 0 ? e : { ...e, id: `${e.id}-copy-${k}` }))).flat();
  return { ...kb, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

const f3 = (x: number) => x.toFixed(3);
const ms = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (cells: Array<string | number>, widths: number[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join(" ");

function scoreLine(r: EvalReport): string[] {
  return [f3(r.top1), f3(r.top3), f3(r.mrr), pct(r.wrongConfident), pct(r.refused)];
}

async function main(): Promise<void> {
  const started = performance.now();
  const root = projectRoot();
  const kb = await loadKnowledgeBase(knowledgeDir());
  const sets: Array<[string, EvalCase[]]> = [];
  for (const [name, path] of SETS) sets.push([name, parseEvalSet(await readFile(join(root, path), "utf8"), path)]);
  const questions = sets.flatMap(([, cases]) => cases.map((c) => c.question));
  console.log(`Knowledge base: ${kb.entries.length} entries; ${questions.length} questions (${sets.map(([n, c]) => `${n} ${c.length}`).join(", ")}), customer audience.\n`);

  const contenders: Array<[string, AnswerEngine]> = [
    ["answer engine", createAnswerEngine(kb)],
    ["fuse.js default (title+body)", fuseDefaultEngine(kb)],
    ["MiniSearch BM25 (title+body)", miniSearchEngine(kb)],
  ];
  const widths = [30, ...sets.flatMap(() => [7, 7, 7, 7, 9]), 9, 9];
  console.log(row(["", ...sets.flatMap(([name]) => [name, "", "", "", ""]), "latency ms", ""], widths));
  console.log(row(["", ...sets.flatMap(() => ["top-1", "top-3", "MRR", "wrong", "refused"]), "p50", "p99"], widths));
  const timings: Array<{ p50: number; p99: number }> = [];
  for (const [name, engine] of contenders) {
    const reports = sets.map(([, cases]) => evaluate(engine, kb, cases));
    const t = latency(engine, questions, name === "answer engine" ? 10 : 2);
    timings.push(t);
    console.log(row([name, ...reports.flatMap(scoreLine), ms(t.p50), ms(t.p99)], widths));
  }
  const [mine, fuse, mini] = timings as [typeof timings[0], typeof timings[0], typeof timings[0]];
  console.log(
    `\nLatency ratio (baseline / engine): fuse.js default p50 ${(fuse.p50 / mine.p50).toFixed(1)}x, p99 ${(fuse.p99 / mine.p99).toFixed(1)}x; ` +
      `MiniSearch p50 ${(mini.p50 / mine.p50).toFixed(1)}x, p99 ${(mini.p99 / mine.p99).toFixed(1)}x.`,
  );
  console.log('"wrong" = in-scope questions answered with a wrong entry; "refused" = out-of-scope questions answered with fallback.\n');

  console.log("Scale (knowledge base replicated):");
  const sw = [8, 9, 11, 9, 9, 10];
  console.log(row(["copies", "entries", "build ms", "p50 ms", "p99 ms", "heap MB"], sw));
  for (const times of [1, 10, 100]) {
    const big = replicate(kb, times);
    gc();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const engine = createAnswerEngine(big);
    const build = performance.now() - start;
    gc();
    const heap = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    const t = latency(engine, questions, times === 1 ? 10 : times === 10 ? 3 : 1);
    console.log(row([`${times}x`, big.entries.length, build.toFixed(0), ms(t.p50), ms(t.p99), heap.toFixed(1)], sw));
  }

  console.log("\nWeight sweep (one knob at a time from the chosen settings; dev top-1 / wrong, hard top-1 / wrong):");
  const sweep = (label: string, settings: EngineSettings) => {
    const engine = createAnswerEngine(kb, settings);
    const [dev, hard] = sets.slice(0, 2).map(([, cases]) => evaluate(engine, kb, cases)) as [EvalReport, EvalReport];
    console.log(`  ${label.padEnd(34)} dev ${f3(dev.top1)} / ${pct(dev.wrongConfident).padEnd(6)} refused ${pct(dev.refused).padEnd(7)} hard ${f3(hard.top1)} / ${pct(hard.wrongConfident).padEnd(6)} refused ${pct(hard.refused)}`);
  };
  const base: EngineSettings = { match: SETTINGS, thresholds: THRESHOLDS };
  sweep("chosen", base);
  for (const body of [0, 0.6, 1]) sweep(`body weight ${body}`, { ...base, match: { ...SETTINGS, fields: { ...SETTINGS.fields, body } } });
  for (const tags of [0.4, 1]) sweep(`tags weight ${tags}`, { ...base, match: { ...SETTINGS, fields: { ...SETTINGS.fields, tags } } });
  for (const phrase of [0, 0.4, 1]) sweep(`best-phrasing share ${phrase}`, { ...base, match: { ...SETTINGS, phrase } });
  for (const share of [0, 0.6, 1]) sweep(`fuse.js share ${share}`, { ...base, match: { ...SETTINGS, fuse: share } });
  for (const questions of [0.5, 2]) sweep(`fuse.js questions key ${questions}`, { ...base, match: { ...SETTINGS, fuseKeys: { ...SETTINGS.fuseKeys, questions } } });
  sweep("fuse.js body key 0.3", { ...base, match: { ...SETTINGS, fuseKeys: { ...SETTINGS.fuseKeys, body: 0.3 } } });
  for (const unknown of [0.5, 0.75]) sweep(`unknown-word weight ${unknown}`, { ...base, match: { ...SETTINGS, unknown } });

  console.log("\nThreshold sweep (dev top-1 / wrong, hard top-1 / wrong):");
  for (const answerMargin of [0.04, 0.07, 0.13]) sweep(`answer margin ${answerMargin}`, { ...base, thresholds: { ...THRESHOLDS, answerMargin } });
  for (const answerScore of [0.4, 0.6]) sweep(`answer score ${answerScore}`, { ...base, thresholds: { ...THRESHOLDS, answerScore } });
  for (const minCoverage of [0.15, 0.25, 0.4]) sweep(`min coverage ${minCoverage}`, { ...base, thresholds: { ...THRESHOLDS, minCoverage } });
  for (const minCoverageWithoutPorting of [0.2, 0.6, 0.85, 0.9]) {
    sweep(`min coverage w/o porting ${minCoverageWithoutPorting}`, { ...base, thresholds: { ...THRESHOLDS, minCoverageWithoutPorting } });
  }
  for (const minScore of [0.3, 0.4]) sweep(`min score ${minScore}`, { ...base, thresholds: { ...THRESHOLDS, minScore } });

  console.log();
  benchRender(kb);
  console.log();
  benchRedaction();
  console.log();
  await benchTurns(kb);

  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
