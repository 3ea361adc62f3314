import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createAnswerEngine } from "../src/answer/engine.js";
import { answersBySection, evaluate, parseEvalSet, ranking, type EvalCase } from "../src/answer/evaluate.js";
import { answerGroups } from "../src/answer/groups.js";
import { AGREEMENT_BAR, LEANING_AGREEMENT } from "../src/answer/second-opinion.js";
import { loadSentenceEncoder } from "../src/answer/sentence-encoder.js";
import { VectorCache } from "../src/answer/vector-cache.js";
import { isCustomerEntry } from "../src/knowledge/audience.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { vectorCacheFile } from "../src/paths.js";

/** The sets the refusal of topics outside porting and the leaning agreement were read off. */
const TUNING = [
  ["tuning-3", "eval/answers-tuning-3.jsonl"],
  ["tuning-4", "eval/answers-tuning-4.jsonl"],
] as const;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * What `outside_porting` (vocabulary.yaml) buys, set by set: out-of-scope refused and in-scope answered right, with
 * the topics and without; then, on the English "which of these?" of the tuning sets, the two curves behind the
 * second opinion's bars: refusing when the question is far from every offered choice (out-of-scope refused against
 * right first choices lost), and answering an agreement below AGREEMENT_BAR when the engine leans to it.
 */
export async function benchOutsideTopics(kb: KnowledgeBase, root: string, sets: Array<readonly [string, EvalCase[]]>): Promise<void> {
  const all = [...sets];
  for (const [name, path] of TUNING) all.push([name, parseEvalSet(await readFile(join(root, path), "utf8"), path)]);
  const withTopics = createAnswerEngine(kb);
  const without = createAnswerEngine({ ...kb, vocabulary: { ...kb.vocabulary, outside_porting: [] } });
  console.log(`Topics outside porting (${kb.vocabulary.outside_porting.length} topics): out-of-scope refused / in-scope answered right, engine alone, without -> with.`);
  for (const [name, cases] of all) {
    const [a, b] = [evaluate(without, kb, cases), evaluate(withTopics, kb, cases)];
    console.log(`  ${name.padEnd(10)} refused ${pct(a.refused)} -> ${pct(b.refused)}   answered right ${pct(a.answeredRight)} -> ${pct(b.answeredRight)}   wrong ${pct(a.wrongConfident)} -> ${pct(b.wrongConfident)}`);
  }

  const groups = answerGroups(kb.entries);
  const indexOf = new Map(kb.entries.map((e, i) => [e.id, i]));
  const cache = new VectorCache(await loadSentenceEncoder(), vectorCacheFile({}));
  const texts = kb.entries.map((e) => [e.title, ...e.questions]);
  const vectors = await cache.vectorsOf(texts.flat());
  let at = 0;
  const phrasings = texts.flatMap((sentences, entry) => sentences.map(() => ({ entry, vector: vectors[at++]! }))).filter((p) => isCustomerEntry(kb.entries[p.entry]!));
  const bySection = answersBySection(kb);
  type Seen = { outOfScope: boolean; rightFirst: boolean; nearestOffered: number; agrees: boolean; nearest: number; chance: number };
  const tuning = all.filter(([n]) => TUNING.some(([t]) => t === n));
  async function reviewed(engine: typeof withTopics): Promise<Seen[]> {
    const seen: Seen[] = [];
    for (const [, cases] of tuning) {
      const results = cases.map((c) => engine.ask(c.question));
      const asked = results.map((r, i) => [r, cases[i]!] as const).filter(([r]) => r.status === "clarify" && r.language === "en");
      const questionVectors = await cache.encoder.embed(asked.map(([r]) => r.masked));
      asked.forEach(([r, c], k) => {
        const best = new Map<number, number>();
        for (const p of phrasings) {
          const g = groups.groupOf[p.entry]!;
          const cosine = questionVectors[k]!.reduce((sum, v, i) => sum + v * p.vector[i]!, 0);
          if (cosine > (best.get(g) ?? -1)) best.set(g, cosine);
        }
        const [nearestGroup, nearest] = [...best].sort((x, y) => y[1] - x[1])[0]!;
        const offered = ranking(r).map((id) => groups.groupOf[indexOf.get(id)!]!);
        const expected = new Set(c.expected.flatMap((x) => bySection.get(`${x.article}\u0000${x.section}`) ?? []));
        seen.push({
          outOfScope: c.expected.length === 0,
          rightFirst: expected.has(ranking(r)[0]!),
          nearestOffered: Math.max(...offered.map((g) => best.get(g) ?? -1)),
          agrees: nearestGroup === offered[0],
          nearest,
          chance: r.chance ?? 0,
        });
      });
    }
    return seen;
  }
  const before = await reviewed(without);
  const seen = await reviewed(withTopics);
  const describe = (list: Seen[]) => {
    const outOfScope = list.filter((x) => x.outOfScope).length;
    const rightFirst = list.filter((x) => !x.outOfScope && x.rightFirst).length;
    return `${outOfScope} out of scope, ${rightFirst} in scope with the right entry first, ${list.length - outOfScope - rightFirst} with a wrong one first`;
  };
  console.log(`  English "which of these?" on ${TUNING.map(([n]) => n).join(" + ")}: without the topics ${describe(before)}; with them ${describe(seen)}.`);
  console.log("  without the topics, refusing below a cosine to the nearest offered choice instead (not used): out-of-scope refused / right first choices lost");
  console.log(`    ${[0.55, 0.6, 0.65, 0.7, 0.75, 0.8].map((bar) => `${bar.toFixed(2)}: ${before.filter((x) => x.outOfScope && x.nearestOffered < bar).length}/${before.filter((x) => !x.outOfScope && x.rightFirst && x.nearestOffered < bar).length}`).join("   ")}`);
  console.log(`  answering an agreement from a lower bar when the engine's chance is at least ${LEANING_AGREEMENT.chance} (used: ${LEANING_AGREEMENT.bar}, and ${AGREEMENT_BAR} whatever the chance): right / wrong / out of scope answered`);
  console.log(`    ${[0.6, 0.62, 0.64, 0.66, 0.7, 0.74, AGREEMENT_BAR].map((bar) => {
    const answered = seen.filter((s) => s.agrees && (s.nearest >= AGREEMENT_BAR || (s.nearest >= bar && s.chance >= LEANING_AGREEMENT.chance)));
    return `${bar.toFixed(2)}: ${answered.filter((s) => !s.outOfScope && s.rightFirst).length}/${answered.filter((s) => !s.outOfScope && !s.rightFirst).length}/${answered.filter((s) => s.outOfScope).length}`;
  }).join("   ")}\n`);
}
