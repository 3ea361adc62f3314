import type { Entry } from "../knowledge/schema.js";

function sectionKey(article: string, section: string): string {
  return `${article}\u0000${section}`;
}

/**
 * Each entry's topic: its wiki section, followed through renames, so an archived entry shares the topic
 * of the current entry that now holds its section ("...can I get a special price for it?" became
 * "...what is the best way to proceed?"). Glossary entries share the topic of the section defining their term.
 * Returns the topics and each topic's current imported entry.
 */
export function topicsOf(entries: Entry[]): { topics: string[]; current: Map<string, number> } {
  const current = new Map<string, number>();
  const renamedTo = new Map<string, string>();
  entries.forEach((e, i) => {
    if (e.status !== "current" || e.origin !== "import") return;
    const own = sectionKey(e.source.article, e.source.section ?? e.id);
    current.set(own, i);
    for (const { heading } of e.source.history) if (heading) renamedTo.set(sectionKey(e.source.article, heading), own);
  });
  const topics = entries.map((e) => {
    const own = sectionKey(e.source.article, e.source.section ?? e.id);
    return e.status === "archived" ? (renamedTo.get(own) ?? own) : own;
  });
  return { topics, current };
}

export interface AnswerGroups {
  /** Entry index -> group number (0..count-1). */
  groupOf: number[];
  count: number;
  /** Group number -> the entry index of its declared main entry (`same_question_as`), if it has one. */
  main: Array<number | undefined>;
}

/**
 * Entries that answer the same customer question form one group: those from one wiki section (an archived
 * version, a glossary term the section defines) and those a knowledge entry declares with `same_question_as`.
 */
export function answerGroups(entries: Entry[]): AnswerGroups {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byTopic = new Map<string, number>();
  topicsOf(entries).topics.forEach((topic, i) => {
    const first = byTopic.get(topic);
    if (first === undefined) byTopic.set(topic, i);
    else union(first, i);
  });
  const index = new Map(entries.map((e, i) => [e.id, i]));
  entries.forEach((e, i) => {
    for (const id of e.same_question_as) {
      const other = index.get(id);
      if (other !== undefined) union(i, other);
    }
  });

  const numbers = new Map<number, number>();
  const groupOf = entries.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
  const main = new Array<number | undefined>(numbers.size).fill(undefined);
  entries.forEach((e, i) => {
    if (e.same_question_as.length) main[groupOf[i]!] = i;
  });
  return { groupOf, count: numbers.size, main };
}

/** Whether two entries, by id, answer the same customer question (one answer group); an unknown id answers none. */
export function sameAnswerIn(kb: { entries: Entry[] }): (a: string, b: string) => boolean {
  const groups = answerGroups(kb.entries);
  const index = new Map(kb.entries.map((e, i) => [e.id, i]));
  return (a, b) => {
    const [i, j] = [index.get(a), index.get(b)];
    return i !== undefined && j !== undefined && groups.groupOf[i] === groups.groupOf[j];
  };
}
