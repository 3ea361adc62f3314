/**
 * A second opinion on which answer group a question is about: multinomial naive Bayes over the terms of each
 * entry's own ways of asking (title, alternate questions, glossary term), trained when the engine starts; a
 * group's probability is the sum of its entries', so a group of many entries (every acronym the FAQ defines)
 * is not diluted into one long document.
 * It ignores the bodies and the field weights the ranking uses, so where both pick the same group they agree
 * from partly independent evidence.
 */
export interface EntryClassifier {
  /** The most probable answer group for the terms, and each group's probability (only allowed entries count). */
  classify(terms: string[], allowed: (entry: number) => boolean): { best: number; probability: (group: number) => number } | undefined;
}

/** Additive smoothing: small, because one alternate question is often the only place a customer's word appears. */
const SMOOTHING = 0.1;

/**
 * `phrasings[i]` are entry i's ways of asking, as terms; `groupOf[i]` its answer group. `allowed` in classify
 * says which entries the asker may see.
 */
export function trainClassifier(phrasings: string[][][], groupOf: number[]): EntryClassifier {
  const counts = phrasings.map(() => new Map<string, number>());
  const totals = phrasings.map(() => 0);
  const vocabulary = new Set<string>();
  phrasings.forEach((ways, e) => {
    for (const t of ways.flat()) {
      counts[e]!.set(t, (counts[e]!.get(t) ?? 0) + 1);
      totals[e]! += 1;
      vocabulary.add(t);
    }
  });
  const denominators = totals.map((n) => Math.log(n + SMOOTHING * (vocabulary.size + 1)));

  return {
    classify(terms, allowed) {
      // Words no entry was taught say nothing about which group it is.
      const known = terms.filter((t) => vocabulary.has(t));
      if (known.length === 0) return undefined;
      const logs: Array<[number, number]> = [];
      counts.forEach((c, e) => {
        if (totals[e] === 0 || !allowed(e)) return;
        let sum = 0;
        for (const t of known) sum += Math.log((c.get(t) ?? 0) + SMOOTHING) - denominators[e]!;
        logs.push([e, sum]);
      });
      if (logs.length === 0) return undefined;
      const max = Math.max(...logs.map(([, v]) => v));
      let norm = 0;
      const byGroup = new Map<number, number>();
      for (const [e, v] of logs) {
        const p = Math.exp(v - max);
        norm += p;
        byGroup.set(groupOf[e]!, (byGroup.get(groupOf[e]!) ?? 0) + p);
      }
      let best = -1;
      for (const [g, p] of byGroup) if (best < 0 || p > byGroup.get(best)!) best = g;
      return { best, probability: (g) => (byGroup.get(g) ?? 0) / norm };
    },
  };
}
