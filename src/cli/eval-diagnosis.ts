import { readFile, readdir } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { AnswerEngine } from "../answer/engine.js";
import { sameAnswerIn } from "../answer/groups.js";
import { outsideTopicReader } from "../answer/outside.js";
import { evaluateFirstMessages, formatFirstMessages, type FirstTurn } from "../diagnosis/first-message.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../diagnosis/knowledge.js";
import { recognizeNotice } from "../diagnosis/notice.js";
import { tellsOfRejection } from "../diagnosis/told-rejection.js";
import { createReader } from "../reading/read.js";
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
/** `engine` answers the lines the bot would take as questions, as it does for the answer sets. */
export async function diagnosisEvalText(kb: KnowledgeBase, engine: AnswerEngine, root: string, file: string, withMisses: boolean): Promise<string> {
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
  const sameAnswer = sameAnswerIn(kb);
  const first = evaluateFirstMessages(cases, firstTurnOf(kb, knowledge, engine, sameAnswer), sameAnswer);
  return `${formatDiagnosisReport(name, report, withMisses)}\n${formatFirstMessages(first, withMisses)}`;
}

/** The bot's first turn on a message, as bot/dialogs/main-dialog.ts routes it, with the answer engine alone. */
function firstTurnOf(kb: KnowledgeBase, knowledge: DiagnosisKnowledge, engine: AnswerEngine, sameAnswer: (a: string, b: string) => boolean): (text: string) => FirstTurn {
  if (!kb.reading) return () => ({ to: "other", intent: "unread" });
  const reader = createReader(kb.reading, { namesRejectionCause: (text) => recognizeNotice(knowledge.causes, text).length > 0 });
  const causeIds = new Set(knowledge.causes.map((c) => c.id));
  const signs = { reader: knowledge.reader, outsideTopic: outsideTopicReader(kb.vocabulary), isCause: (id: string) => causeIds.has(id) };
  const diagnosis = (text: string): FirstTurn => ({ to: "diagnosis", causes: knowledge.reader.read(text).causes.map((c) => c.cause.id) });
  return (text) => {
    const { intent } = reader.read(text, { today: "2000-01-01" });
    if (intent === "diagnosis") return diagnosis(text);
    if (intent !== "question") return { to: "other", intent };
    const result = engine.ask(text);
    if (tellsOfRejection(signs, text, result, sameAnswer)) return diagnosis(text);
    if (result.status === "answered") return { to: "answer", entries: [result.answer!.id] };
    if (result.status === "clarify") return { to: "choices", entries: result.alternatives.map((a) => a.id) };
    return { to: "unknown" };
  };
}
