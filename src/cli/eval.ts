import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAnswerEngine } from "../answer/engine.js";
import { evaluateResults, parseEvalSet, type EvalReport } from "../answer/evaluate.js";
import { loadKnowledgeBase } from "../knowledge/loader.js";
import { knowledgeDir, projectRoot } from "../paths.js";
import { secondOpinion } from "./second-opinion.js";
import { EXIT, UsageError, print, type Command } from "./io.js";
import { defaultDiagnosisSets, diagnosisEvalText, isDiagnosisSet } from "./eval-diagnosis.js";
import { isEstimateSet, isSealedSet, printEstimateReports } from "./eval-estimates.js";

/**
 * The shared development set, the project's own harder set and first held-out set (the answer decision is
 * fitted on these three), a held-out set written before the decision was tuned, and the sealed held-out set
 * written outside the team, relative to the project folder.
 */
/** Questions nobody on the team reads: only its figures are printed, never its misses, and it may be absent. */
const SEALED_SET = "eval/heldout/answers.jsonl";

export const DEFAULT_SETS = ["../shared/eval/dev.jsonl", "eval/hard.jsonl", "eval/holdout.jsonl", "eval/answers-heldout-2.jsonl", SEALED_SET];

const Flags = z.object({
  misses: z.boolean().default(false),
  /** Scores the engine without the sentence encoder's second opinion (faster; the bot runs with it). */
  engineOnly: z.boolean().default(false),
  files: z.array(z.string().min(1)),
});

function parseFlags(args: string[]): z.infer<typeof Flags> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { misses: { type: "boolean" }, "engine-only": { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const flags = Flags.safeParse({ misses: parsed.values.misses, engineOnly: parsed.values["engine-only"], files: parsed.positionals });
  if (!flags.success) throw new UsageError(flags.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return flags.data;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const outcomes = (r: EvalReport) =>
  `answered right ${pct(r.answeredRight)}   wrong ${pct(r.wrongConfident)}   asked back, right first ${pct(r.askedBackRight)}   out-of-scope refused ${pct(r.refused)}`;

export function formatReport(name: string, r: EvalReport, withMisses: boolean, engineAlone?: EvalReport): string {
  const lines = [
    `${name}: ${r.cases} questions (${r.inScope} in scope, ${r.outOfScope} out of scope)`,
    `  top-1 ${r.top1.toFixed(3)}   top-3 ${r.top3.toFixed(3)}   MRR ${r.mrr.toFixed(3)}`,
    `  ${outcomes(r)}`,
    ...(engineAlone ? [`  engine alone: ${outcomes(engineAlone)}`] : []),
    `  statuses: answered ${r.statuses.answered}, clarify ${r.statuses.clarify}, fallback ${r.statuses.fallback}`,
  ];
  for (const s of r.unknownSections) lines.push(`  warning: no current entry for expected section "${s}"`);
  if (withMisses) {
    lines.push(`  misses (${r.misses.length}):`);
    for (const m of r.misses) {
      const expected = m.expected.length ? m.expected.join(" | ") : "(out of scope)";
      lines.push(`    - "${m.question}"\n      ${m.status}: ${m.got.slice(0, 3).join(", ") || "-"}\n      expected: ${expected}`);
    }
  }
  return lines.join("\n");
}

export const run: Command = async (args, io) => {
  const flags = parseFlags(args);
  const root = projectRoot();
  const files = flags.files.length ? flags.files.map((f) => resolve(f)) : DEFAULT_SETS.map((f) => join(root, f));
  const kb = await loadKnowledgeBase(knowledgeDir(io.env));
  const engine = createAnswerEngine(kb);
  const opinion = await secondOpinion(kb, io.env, flags.engineOnly);
  const sealed = join(root, SEALED_SET);
  for (const file of files) {
    if (isDiagnosisSet(file)) {
      print(io.stdout, await diagnosisEvalText(kb, engine, root, file, flags.misses && !isSealedSet(root, file)));
      continue;
    }
    if (isEstimateSet(file)) {
      await printEstimateReports(io.stdout, kb, flags.misses, [file]);
      continue;
    }
    const name = relative(root, file) || file;
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      if (file === sealed && !flags.files.length) {
        print(io.stdout, `${name}: not present, skipped`);
        continue;
      }
      throw new UsageError(`cannot read evaluation set ${file}`);
    }
    let cases;
    try {
      cases = parseEvalSet(text, name);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const alone = cases.map((c) => engine.ask(c.question));
    const withMisses = flags.misses && !isSealedSet(root, file);
    if (!opinion) print(io.stdout, formatReport(name, evaluateResults(kb, cases, alone), withMisses));
    else {
      const reviewed = await Promise.all(cases.map((c, i) => opinion.review(alone[i]!)));
      print(io.stdout, formatReport(name, evaluateResults(kb, cases, reviewed), withMisses, evaluateResults(kb, cases, alone)));
    }
  }
  if (!flags.files.length) for (const file of await defaultDiagnosisSets(root)) print(io.stdout, await diagnosisEvalText(kb, engine, root, file, flags.misses));
  if (!flags.files.length) await printEstimateReports(io.stdout, kb, flags.misses);
  return EXIT.ok;
};
