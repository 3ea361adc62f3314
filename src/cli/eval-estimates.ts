import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { projectRoot } from "../paths.js";
import { evaluateEstimates, formatEstimateReport, parseEstimateSet } from "../reading/evaluate-estimates.js";
import { createReader } from "../reading/read.js";
import { UsageError, print } from "./io.js";

/** The shared development requests and the held-out sets, relative to the project folder; those present are scored. */
export const ESTIMATE_SETS = ["../shared/eval/estimates-dev.jsonl", "eval/estimates-heldout-2.jsonl", "eval/heldout/estimates.jsonl"];

/** Scores fee and time requests read from customers' words: the reader, then the estimate with at most one follow-up. */
export async function printEstimateReports(out: Writable, kb: KnowledgeBase, withMisses: boolean): Promise<void> {
  if (!kb.reading) throw new UsageError("the knowledge base has no reading files (intents.yaml, places.yaml, number-kinds.yaml)");
  const reader = createReader(kb.reading);
  for (const name of ESTIMATE_SETS) {
    const file = join(projectRoot(), name);
    if (!(await access(file).then(() => true, () => false))) continue;
    let cases;
    try {
      cases = parseEstimateSet(await readFile(file, "utf8"), name);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    print(out, formatEstimateReport(name, evaluateEstimates(kb, reader, cases), withMisses));
  }
}
