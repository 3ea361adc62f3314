import { readFile, readdir } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { diagnosisKnowledge } from "../diagnosis/knowledge.js";
import { evaluateDiagnosis, formatDiagnosisReport, parseDiagnosisSet } from "../diagnosis/evaluate.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { UsageError } from "./io.js";

/** The shared development set of rejection notices and stories, relative to the project folder. */
const SHARED_DIAGNOSIS_SET = "../shared/eval/diagnosis-dev.jsonl";

/** A set of rejection notices and stories rather than questions for the answer engine: named for it. */
export const isDiagnosisSet = (file: string) => /diagnosis.*\.jsonl$/.test(basename(file));

/** The shared set and the project's own `eval/*diagnosis*.jsonl` (not its subfolders). */
export async function defaultDiagnosisSets(root: string): Promise<string[]> {
  const own = await readdir(join(root, "eval")).catch(() => [] as string[]);
  return [join(root, SHARED_DIAGNOSIS_SET), ...own.filter(isDiagnosisSet).sort().map((f) => join(root, "eval", f))];
}

/** Cause first, cause in the top 3 and unknown notices given no cause, for one set. */
export async function diagnosisEvalText(kb: KnowledgeBase, root: string, file: string, withMisses: boolean): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read evaluation set ${file}`);
  }
  const name = relative(root, file) || file;
  let cases;
  try {
    cases = parseDiagnosisSet(text, name);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The reader does not depend on the date; any day gives the same causes.
  const knowledge = diagnosisKnowledge(kb, "2000-01-01");
  const report = evaluateDiagnosis(knowledge.reader, new Set(knowledge.causes.map((c) => c.id)), cases);
  return formatDiagnosisReport(name, report, withMisses);
}
