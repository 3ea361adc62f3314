/**
 * `npm run bench`: the answer engine (calibrated decision) beside the same ranking decided by the former fixed
 * bar and two baselines on the same questions (accuracy and per-query latency, with and without the answer
 * cache), the decision curves of both rules, the sentence encoder's second opinion (cost and gain), the classifier's cost, latency and memory with the knowledge base
 * replicated 10x and 100x, the sweeps behind the weights and thresholds, redaction on adversarial inputs, and
 * /api/messages turns per second beside a bare botbuilder echo bot.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { createAnswerEngine, DEFAULT_SETTINGS, type AnswerEngine, type EngineSettings, type MeasuredEngine } from "../src/answer/engine.js";
import { THRESHOLDS } from "../src/answer/decide.js";
import { SETTINGS } from "../src/answer/match.js";
import { evaluate, parseEvalSet, type EvalCase, type EvalReport } from "../src/answer/evaluate.js";
import { loadKnowledgeBase } from "../src/knowledge/loader.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../src/paths.js";
import { fuseDefaultEngine, miniSearchEngine } from "./baselines.js";
import { loadBench } from "./load.js";
import { benchDecision, observe, OLD_RULE, oldRule, outcome, type Observation } from "./decision.js";
import { benchDirectLine } from "./directline.js";
import { benchTurns } from "./http-turns.js";
import { benchRedaction } from "./redaction.js";
import { benchRender } from "./render.js";
import { benchOutsideTopics } from "./outside-topics.js";
import { benchSecondOpinion } from "./second-opinion.js";
import { benchOpinion } from "./opinion.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** The sweeps use the first two only; the decision model is fitted on the first three; the last is held out. */
const SETS = [
  ["dev", "../shared/eval/dev.jsonl"],
  ["hard", "eval/hard.jsonl"],
  ["holdout", "eval/holdout.jsonl"],
  ["heldout-2", "eval/answers-heldout-2.jsonl"],
] as const;
const TUNING = ["dev", "hard", "holdout"];

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
  return [f3(r.top1), pct(r.answeredRight), pct(r.wrongConfident), pct(r.refused)];
}

async function main(): Promise<void> {
  const started = performance.now();
  const root = projectRoot();
  const kb = await loadKnowledgeBase(knowledgeDir());
  const sets: Array<[string, EvalCase[]]> = [];
  for (const [name, path] of SETS) sets.push([name, parseEvalSet(await readFile(join(root, path), "utf8"), path)]);
  const questions = sets.flatMap(([, cases]) => cases.map((c) => c.question));
  console.log(`Knowledge base: ${kb.entries.length} entries; ${questions.length} questions (${sets.map(([n, c]) => `${n} ${c.length}`).join(", ")}), customer audience.\n`);

  const uncached: EngineSettings = { ...DEFAULT_SETTINGS, cacheSize: 0 };
  const contenders: Array<[string, AnswerEngine, AnswerEngine | undefined]> = [
    ["engine, calibrated decision", createAnswerEngine(kb, uncached), createAnswerEngine(kb)],
    ["fuse.js default (title+body)", fuseDefaultEngine(kb), undefined],
    ["MiniSearch BM25 (title+body)", miniSearchEngine(kb), undefined],
  ];
  const widths = [30, ...sets.flatMap(() => [7, 7, 7, 9]), 9, 9, 9];
  console.log(row(["", ...sets.flatMap(([name]) => [name, "", "", ""]), "ms, no cache", "", "cached"], widths));
  console.log(row(["", ...sets.flatMap(() => ["top-1", "right", "wrong", "refused"]), "p50", "p99", "p99"], widths));
  const timings: Array<{ p50: number; p99: number }> = [];
  for (const [name, engine, cached] of contenders) {
    const reports = sets.map(([, cases]) => evaluate(engine, kb, cases));
    const t = latency(engine, questions, name.startsWith("engine") ? 5 : 2);
    const warm = cached ? ms(latency(cached, questions, 5).p99) : "-";
    timings.push(t);
    console.log(row([name, ...reports.flatMap(scoreLine), ms(t.p50), ms(t.p99), warm], widths));
  }
  const observed = sets.map(([name, cases]) => [name, observe(contenders[0]![1] as MeasuredEngine, kb, cases)] as [string, Observation[]]);
  const former = observed.map(([, obs], i) => {
    const o = outcome(obs, oldRule, OLD_RULE.bar);
    const engineReport = evaluate(contenders[0]![1], kb, sets[i]![1]);
    return [f3(engineReport.top1), pct(o.right), pct(o.wrong), pct(engineReport.refused)];
  });
  console.log(row([`same ranking, former bar`, ...former.flat(), "", "", ""], widths));
  const [mine, fuse, mini] = timings as [typeof timings[0], typeof timings[0], typeof timings[0]];
  const ratio = (other: { p50: number; p99: number }) => `p50 ${(other.p50 / mine.p50).toFixed(1)}x, p99 ${(other.p99 / mine.p99).toFixed(1)}x`;
  console.log(`\nLatency ratio (baseline / engine, no cache): fuse.js default ${ratio(fuse)}; MiniSearch ${ratio(mini)}.`);
  console.log(`"same ranking, former bar": this ranking decided by the former rule (score >= ${OLD_RULE.bar} and lead >= ${OLD_RULE.margin}).`);
  console.log('"right" / "wrong" = in-scope questions answered outright with a right / wrong entry; "refused" = out-of-scope questions answered with fallback.');
  console.log(`Tuning sets: ${TUNING.join(", ")}; ${SETS[3][0]} (${SETS[3][1]}) was written before tuning and only scored.\n`);

  benchDecision(observed, TUNING);
  await benchSecondOpinion(kb, contenders[0]![1], sets);
  await benchOpinion(kb, contenders[0]![1] as MeasuredEngine, root);
  await benchOutsideTopics(kb, root, sets);

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const withClassifier = createAnswerEngine(kb, uncached);
  const buildWith = performance.now() - buildStart;
  gc();
  const heapWith = process.memoryUsage().heapUsed - heapBefore;
  const noClassifier: EngineSettings = { ...uncached, match: { ...SETTINGS, classifier: 0 } };
  const buildStart2 = performance.now();
  const withoutClassifier = createAnswerEngine(kb, noClassifier);
  const buildWithout = performance.now() - buildStart2;
  const tWith = latency(withClassifier, questions, 3);
  const tWithout = latency(withoutClassifier, questions, 3);
  console.log(
    `\nClassifier (naive Bayes on alternate questions, trained at start-up): engine build ${buildWith.toFixed(0)} ms with it, ${buildWithout.toFixed(0)} ms without; ` +
      `engine heap ${(heapWith / 2 ** 20).toFixed(1)} MB; p50 ${ms(tWith.p50)} / ${ms(tWithout.p50)} ms, p99 ${ms(tWith.p99)} / ${ms(tWithout.p99)} ms (with / without its share of the ranking).`,
  );
  console.log("");
  console.log("Scale (knowledge base replicated):");
  const sw = [8, 9, 11, 9, 9, 10];
  console.log(row(["copies", "entries", "build ms", "p50 ms", "p99 ms", "heap MB"], sw));
  for (const times of [1, 10, 100]) {
    const big = replicate(kb, times);
    gc();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const engine = createAnswerEngine(big, uncached);
    const build = performance.now() - start;
    gc();
    const heap = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    const t = latency(engine, questions, times === 1 ? 5 : times === 10 ? 2 : 1);
    console.log(row([`${times}x`, big.entries.length, build.toFixed(0), ms(t.p50), ms(t.p99), heap.toFixed(1)], sw));
  }

  console.log("\nWeight sweep (one knob at a time from the chosen settings; dev top-1 / wrong, hard top-1 / wrong):");
  const sweep = (label: string, settings: EngineSettings) => {
    const engine = createAnswerEngine(kb, settings);
    const [dev, hard] = sets.slice(0, 2).map(([, cases]) => evaluate(engine, kb, cases)) as [EvalReport, EvalReport];
    console.log(`  ${label.padEnd(34)} dev ${f3(dev.top1)} / ${pct(dev.wrongConfident).padEnd(6)} refused ${pct(dev.refused).padEnd(7)} hard ${f3(hard.top1)} / ${pct(hard.wrongConfident).padEnd(6)} refused ${pct(hard.refused)}`);
  };
  const base: EngineSettings = DEFAULT_SETTINGS;
  sweep("chosen", base);
  for (const body of [0, 0.6, 1]) sweep(`body weight ${body}`, { ...base, match: { ...SETTINGS, fields: { ...SETTINGS.fields, body } } });
  for (const tags of [0.4, 1]) sweep(`tags weight ${tags}`, { ...base, match: { ...SETTINGS, fields: { ...SETTINGS.fields, tags } } });
  for (const phrase of [0, 0.4, 1]) sweep(`best-phrasing share ${phrase}`, { ...base, match: { ...SETTINGS, phrase } });
  for (const share of [0, 0.6, 1]) sweep(`fuse.js share ${share}`, { ...base, match: { ...SETTINGS, fuse: share } });
  for (const questions of [0.5, 2]) sweep(`fuse.js questions key ${questions}`, { ...base, match: { ...SETTINGS, fuseKeys: { ...SETTINGS.fuseKeys, questions } } });
  sweep("fuse.js body key 0.3", { ...base, match: { ...SETTINGS, fuseKeys: { ...SETTINGS.fuseKeys, body: 0.3 } } });
  for (const unknown of [0.5, 0.75]) sweep(`unknown-word weight ${unknown}`, { ...base, match: { ...SETTINGS, unknown } });

  console.log("\nThreshold sweep (dev top-1 / wrong, hard top-1 / wrong):");
  for (const classifier of [0, 0.2, 0.3]) sweep(`classifier share ${classifier}`, { ...base, match: { ...SETTINGS, classifier } });
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
  await benchDirectLine(kb);

  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

await (process.argv.includes("--load") ? loadBench() : main());
