import { access, readFile, readdir } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import type { Writable } from "node:stream";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { projectRoot } from "../paths.js";
import { evaluateEstimates, formatEstimateReport, parseEstimateSet } from "../reading/evaluate-estimates.js";
import { createReader } from "../reading/read.js";
import { UsageError, print } from "./io.js";

const SHARED_ESTIMATE_SET = "../shared/eval/estimates-dev.jsonl";
/** Requests nobody on the team reads: only their figures are printed, never their misses, and they may be absent. */
const SEALED_ESTIMATE_SET = "eval/heldout/estimates.jsonl";

/** A set of fee and time requests rather than questions for the answer engine: named for it. */
export const isEstimateSet = (file: string) => /^estimates.*\.jsonl$/.test(basename(file));

/** Whether a set is sealed (under `eval/heldout/` or a folder `eval/unseen…/`): its misses are never printed. */
export function isSealedSet(root: string, file: string): boolean {
  const path = relative(root, file).split(sep).join("/");
  return path.startsWith("eval/heldout/") || /^eval\/unseen[^/]*\//.test(path);
}

/** The shared set, the project's own `eval/estimates*.jsonl` (not its subfolders), and the sealed set. */
export async function defaultEstimateSets(root: string): Promise<string[]> {
  const own = await readdir(join(root, "eval")).catch(() => [] as string[]);
  return [join(root, SHARED_ESTIMATE_SET), ...own.filter(isEstimateSet).sort().map((f) => join(root, "eval", f)), join(root, SEALED_ESTIMATE_SET)];
}

/**
 * Scores fee and time requests read from customers' words: the reader, then the estimate with at most one follow-up.
 * With no files, every default set present is scored.
 */
export async function printEstimateReports(out: Writable, kb: KnowledgeBase, withMisses: boolean, files?: string[]): Promise<void> {
  if (!kb.reading) throw new UsageError("the knowledge base has no reading files (intents.yaml, places.yaml, number-kinds.yaml)");
  const root = projectRoot();
  const reader = createReader(kb.reading);
  for (const file of files ?? (await defaultEstimateSets(root))) {
    if (!files && !(await access(file).then(() => true, () => false))) continue;
    const name = relative(root, file) || file;
    let cases;
    try {
      cases = parseEstimateSet(await readFile(file, "utf8"), name);
    } catch (error) {
      throw new UsageError((error as NodeJS.ErrnoException).code ? `cannot read evaluation set ${file}` : (error as Error).message);
    }
    print(out, formatEstimateReport(name, evaluateEstimates(kb, reader, cases), withMisses && !isSealedSet(root, file)));
  }
}
