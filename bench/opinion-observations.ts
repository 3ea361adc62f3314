import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Evidence } from "../src/answer/decide.js";
import type { MeasuredEngine } from "../src/answer/engine.js";
import { answersBySection, parseEvalSet, ranking } from "../src/answer/evaluate.js";
import { answerGroups } from "../src/answer/groups.js";
import type { AskStatus, Language } from "../src/answer/result.js";
import type { MeasuredOpinion } from "../src/answer/second-opinion.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";

/** Every answer set the team may read, relative to the project folder: the second opinion's decision is measured on them all. */
export const READABLE_SETS = [
  ["dev", "../shared/eval/dev.jsonl"],
  ["hard", "eval/hard.jsonl"],
  ["holdout", "eval/holdout.jsonl"],
  ["heldout-2", "eval/answers-heldout-2.jsonl"],
  ["heldout-6", "eval/answers-heldout-6.jsonl"],
  ["tuning-3", "eval/answers-tuning-3.jsonl"],
  ["tuning-4", "eval/answers-tuning-4.jsonl"],
  ["oos-5", "eval/answers-oos-tuning-5.jsonl"],
  ["oos-10", "eval/answers-oos-tuning-10.jsonl"],
  ["languages", "eval/answers-languages-tuning.jsonl"],
  ["tuning-9", "eval/answers-tuning-9.jsonl"],
  ["tuning-11", "eval/answers-tuning-11.jsonl"],
  ["tuning-12", "eval/answers-tuning-12.jsonl"],
  ["oos-13", "eval/answers-oos-tuning-13.jsonl"],
  ["oos-14", "eval/answers-oos-tuning-14.jsonl"],
  ["tuning-13", "eval/answers-tuning-13.jsonl"],
  ["tuning-14", "eval/answers-tuning-14.jsonl"],
  ["oos-15", "eval/answers-oos-tuning-15.jsonl"],
] as const;

/** One engine choice as the encoder sees it. */
export interface GroupView {
  /** The answer group's number (as `answerGroups` numbers them). */
  group: number;
  /** An entry of the group. */
  id: string;
  right: boolean;
  /** The question's cosine to the group's closest phrasing. */
  cosine: number;
}

/** One question: the engine's result and evidence, and what the encoder makes of its question. */
export interface OpinionObservation {
  set: string;
  question: string;
  language: Language;
  outOfScope: boolean;
  /** The engine's status alone. */
  status: AskStatus;
  chance?: number;
  evidence?: Evidence;
  /** The engine's groups in its order (answer first), up to four. */
  engine: GroupView[];
  /** The encoder's three best groups, best first. */
  encoder: GroupView[];
  /** Every answer group's cosine to the question, by group number; empty when the question was not read. */
  cosines: number[];
  /** Every answer group's closeness to the question (mean of its closest phrasings' cosines), likewise. */
  closeness: number[];
  /** For a "which of these?": the engine's first answer groups with its scores, the shown choices first. */
  candidates: Array<{ group: number; score: number; right: boolean }>;
  /** The engine's first group's place in the encoder's order (0: the encoder agrees); -1 without a first group or a read. */
  rank: number;
}

/**
 * Runs the engine and the encoder on every question of the sets present (a missing set is skipped) and records, for
 * each, the evidence the second opinion's decision may use.
 */
export async function observeOpinion(kb: KnowledgeBase, engine: MeasuredEngine, opinion: MeasuredOpinion, root: string): Promise<OpinionObservation[]> {
  const groups = answerGroups(kb.entries);
  const indexOf = new Map(kb.entries.map((e, i) => [e.id, i]));
  const groupOfId = (id: string) => groups.groupOf[indexOf.get(id)!]!;
  const firstEntry = new Map<number, string>();
  kb.entries.forEach((e, i) => {
    if (!firstEntry.has(groups.groupOf[i]!)) firstEntry.set(groups.groupOf[i]!, e.id);
  });
  const bySection = answersBySection(kb);
  const observations: OpinionObservation[] = [];
  for (const [set, path] of READABLE_SETS) {
    let text: string;
    try {
      text = await readFile(join(root, path), "utf8");
    } catch {
      continue;
    }
    for (const c of parseEvalSet(text, path)) {
      const expected = new Set(c.expected.flatMap((x) => bySection.get(`${x.article}\u0000${x.section}`) ?? []));
      const rightGroups = new Set([...expected].map(groupOfId));
      const { result, evidence } = engine.assess(c.question);
      const assessed = result.status === "fallback" ? undefined : await opinion.assess(result);
      const cosines = assessed?.nearest;
      const shown = result.status === "fallback" ? [...(result.answer ? [result.answer.id] : []), ...result.alternatives.map((a) => a.id)] : ranking(result);
      const engineGroups = [...new Set(shown.map(groupOfId))].slice(0, 4);
      const view = (g: number): GroupView => ({ group: g, id: firstEntry.get(g)!, right: rightGroups.has(g), cosine: cosines?.[g] ?? -1 });
      const order = cosines ? [...cosines.keys()].sort((a, b) => cosines[b]! - cosines[a]! || a - b) : [];
      observations.push({
        set,
        question: c.question,
        language: result.language,
        outOfScope: c.expected.length === 0,
        status: result.status,
        ...(result.chance === undefined ? {} : { chance: result.chance }),
        ...(evidence ? { evidence } : {}),
        engine: engineGroups.map(view),
        encoder: order.slice(0, 3).map(view),
        cosines: cosines ? Array.from(cosines) : [],
        closeness: assessed ? Array.from(assessed.closeness) : [],
        candidates: (result.candidates ?? []).map((c) => ({ group: groupOfId(c.id), score: c.score, right: rightGroups.has(groupOfId(c.id)) })),
        rank: cosines && engineGroups.length ? order.indexOf(engineGroups[0]!) : -1,
      });
    }
  }
  return observations;
}
