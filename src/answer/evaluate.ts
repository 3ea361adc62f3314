import { z } from "zod";
import type { KnowledgeBase } from "../knowledge/schema.js";
import type { AnswerEngine } from "./engine.js";
import { answerGroups } from "./groups.js";
import type { AskResult, AskStatus } from "./result.js";

/** One line of an evaluation set (`../shared/eval/dev.jsonl`); an empty `expected` means out of scope. */
export const EvalCase = z.object({
  question: z.string(),
  expected: z.array(z.object({ article: z.string().min(1), section: z.string().min(1) })),
});
export type EvalCase = z.infer<typeof EvalCase>;

export interface Miss {
  question: string;
  expected: string[];
  status: AskStatus;
  got: string[];
}

export interface EvalReport {
  cases: number;
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  mrr: number;
  /** Share of in-scope questions answered (not asked back, not refused) with a wrong entry. */
  wrongConfident: number;
  /** Share of in-scope questions answered with a right entry. */
  answeredRight: number;
  /** Share of in-scope questions asked back ("which of these?") with a right entry first. */
  askedBackRight: number;
  /** Share of out-of-scope questions refused with status fallback. */
  refused: number;
  statuses: Record<AskStatus, number>;
  misses: Miss[];
  /** Expected sections that no current entry has: the set or the knowledge base is out of date. */
  unknownSections: string[];
}

/** What the engine offers, best first: nothing when it refuses. */
export function ranking(result: AskResult): string[] {
  if (result.status === "fallback") return [];
  return [...(result.answer ? [result.answer.id] : []), ...result.alternatives.map((a) => a.id)];
}

function share(count: number, of: number): number {
  return of === 0 ? 0 : count / of;
}

/**
 * Which entries answer each wiki section: its own, the glossary entries pointing back to it, and every entry of
 * their answer group (the engine shows a group's main entry for all of them). An article's overview is keyed by
 * the article's title.
 */
export function answersBySection(kb: KnowledgeBase): Map<string, string[]> {
  const groups = answerGroups(kb.entries);
  const members = new Map<number, string[]>();
  kb.entries.forEach((e, i) => {
    const g = groups.groupOf[i]!;
    if (e.status === "current") members.set(g, [...(members.get(g) ?? []), e.id]);
  });
  const idsBySection = new Map<string, string[]>();
  kb.entries.forEach((e, i) => {
    if (e.status !== "current") return;
    const key = `${e.source.article}\u0000${e.source.section ?? e.source.article}`;
    idsBySection.set(key, [...new Set([...(idsBySection.get(key) ?? []), ...members.get(groups.groupOf[i]!)!])]);
  });
  return idsBySection;
}

/** Scores the engine on the cases as a customer would ask them. */
export function evaluate(engine: AnswerEngine, kb: KnowledgeBase, cases: EvalCase[]): EvalReport {
  return evaluateResults(kb, cases, cases.map((c) => engine.ask(c.question)));
}

/** Scores results already obtained for the cases, one per case in the same order. */
export function evaluateResults(kb: KnowledgeBase, cases: EvalCase[], results: AskResult[]): EvalReport {
  const idsBySection = answersBySection(kb);
  const unknownSections = new Set<string>();
  const statuses: Record<AskStatus, number> = { answered: 0, clarify: 0, fallback: 0 };
  const misses: Miss[] = [];
  let inScope = 0, top1 = 0, top3 = 0, rr = 0, wrong = 0, right = 0, askedBack = 0, refused = 0;

  for (const [i, c] of cases.entries()) {
    const result = results[i]!;
    statuses[result.status] += 1;
    const ranked = ranking(result);
    const expected = c.expected.flatMap((x) => {
      const ids = idsBySection.get(`${x.article}\u0000${x.section}`);
      if (!ids) unknownSections.add(`${x.article} / ${x.section}`);
      return ids ?? [`(no entry for ${x.article} / ${x.section})`];
    });
    if (expected.length === 0) {
      if (result.status === "fallback") refused += 1;
      else misses.push({ question: c.question, expected, status: result.status, got: ranked });
      continue;
    }
    inScope += 1;
    const rank = ranked.findIndex((id) => expected.includes(id));
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 3) top3 += 1;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (result.status === "answered") {
      if (rank === 0) right += 1;
      else wrong += 1;
    }
    if (result.status === "clarify" && rank === 0) askedBack += 1;
    if (rank !== 0 || result.status !== "answered") misses.push({ question: c.question, expected, status: result.status, got: ranked });
  }
  const outOfScope = cases.length - inScope;
  return {
    cases: cases.length,
    inScope,
    outOfScope,
    top1: share(top1, inScope),
    top3: share(top3, inScope),
    mrr: share(rr, inScope),
    wrongConfident: share(wrong, inScope),
    answeredRight: share(right, inScope),
    askedBackRight: share(askedBack, inScope),
    refused: share(refused, outOfScope),
    statuses,
    misses,
    unknownSections: [...unknownSections],
  };
}

/** Parses JSON lines into cases; a bad line is reported with its number and what is wrong. */
export function parseEvalSet(text: string, name: string): EvalCase[] {
  return text
    .split("\n")
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, number]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${name}:${number}: not JSON: ${(error as Error).message}`);
      }
      const parsed = EvalCase.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${name}:${number}: ${issue.path.join(".") || "(line)"}: ${issue.message}`);
      }
      return parsed.data;
    });
}
