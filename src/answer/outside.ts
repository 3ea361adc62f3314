import type { Vocabulary } from "../knowledge/schema.js";
import { stem, tokenize } from "./normalize.js";

/** A text as its stemmed words, so "sim cards" names "sim card". */
const wordsOf = (text: string) => tokenize(text).map(stem);

function contains(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return phrase.length === 0;
}

/**
 * The topic outside porting (`vocabulary.yaml`, `outside_porting`) that a text names, if any: one of the topic's
 * phrases appears in it, word for word after stemming.
 */
export function outsideTopicReader(vocabulary: Vocabulary): (text: string) => string | undefined {
  const topics = vocabulary.outside_porting.map((t) => ({ topic: t.topic, phrases: t.phrases.map(wordsOf) }));
  return (text) => {
    const words = wordsOf(text);
    return topics.find((t) => t.phrases.some((p) => contains(words, p)))?.topic;
  };
}
