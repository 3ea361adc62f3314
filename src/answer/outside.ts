import type { Vocabulary } from "../knowledge/schema.js";
import { stem, tokenize } from "./normalize.js";

/** A text as its stemmed words, so "sim cards" names "sim card". */
const wordsOf = (text: string) => tokenize(text).map(stem);

/** Words a customer slips between a phrase's words ("delete my voip.ms account", "my account security pin"). */
const GAP = 2;

/** Whether the phrase's words appear in order, the first anywhere and each next one within GAP words of the last. */
function contains(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return true;
  const follows = (at: number, j: number): boolean => {
    if (j === phrase.length) return true;
    for (let k = at + 1; k <= Math.min(words.length - 1, at + 1 + GAP); k++) if (words[k] === phrase[j] && follows(k, j + 1)) return true;
    return false;
  };
  return words.some((word, i) => word === phrase[0] && follows(i, 1));
}

interface Phrase {
  /** The topic's place in the list: the first topic named wins. */
  topic: number;
  words: string[];
}

/**
 * The topic outside porting (`vocabulary.yaml`, `outside_porting`) that a text names, if any: one of the topic's
 * phrases appears in it, its words in order after stemming, with at most GAP other words between two of them, and
 * none of the topic's `unless` words does. Phrases are looked up by their first word, so a question is checked only
 * against the phrases that can start in it.
 */
export function outsideTopicReader(vocabulary: Vocabulary): (text: string) => string | undefined {
  const topics = vocabulary.outside_porting.map((t) => ({ topic: t.topic, unless: new Set((t.unless ?? []).flatMap(wordsOf)) }));
  const byFirstWord = new Map<string, Phrase[]>();
  const everywhere: Phrase[] = [];
  vocabulary.outside_porting.forEach((t, topic) => {
    for (const words of t.phrases.map(wordsOf)) {
      const first = words[0];
      if (first === undefined) everywhere.push({ topic, words });
      else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { topic, words }]);
    }
  });
  return (text) => {
    const words = wordsOf(text);
    const candidates = [...everywhere, ...new Set(words)].flatMap((w) => (typeof w === "string" ? (byFirstWord.get(w) ?? []) : [w]));
    let named: number | undefined;
    for (const { topic, words: phrase } of candidates) {
      if (named !== undefined && topic >= named) continue;
      if (!words.some((w) => topics[topic]!.unless.has(w)) && contains(words, phrase)) named = topic;
    }
    return named === undefined ? undefined : topics[named]!.topic;
  };
}
