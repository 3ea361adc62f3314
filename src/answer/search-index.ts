import { DIRECTION_TAGS } from "./direction.js";
import type { Entry, KnowledgeBase } from "../knowledge/schema.js";
import { toPlainText } from "../render/markdown.js";
import { toTerms } from "./analyze.js";
import { compilePortingTerms } from "./intent.js";
import { tokenize } from "./normalize.js";
import { createSpeller, type Speller } from "./spelling.js";
import { STOPWORDS } from "./stopwords.js";
import { compileSynonyms, type Synonyms } from "./vocabulary.js";

export const FIELDS = ["title", "questions", "tags", "glossary", "body"] as const;
export type Field = (typeof FIELDS)[number];

/** A whole way of asking for an entry (its title, a question, a glossary term) and the summed IDF of its terms. */
export interface Phrasing {
  terms: string[];
  weight: number;
}

/** One entry's text as terms, field by field. */
export interface EntryTerms {
  fields: Record<Field, Set<string>>;
  /** Every term of every field. */
  all: Set<string>;
  phrasings: Phrasing[];
}

/** An entry as fuse.js sees it: each field's terms as `~term~` words. */
export type FuseDoc = Record<Exclude<Field, "questions">, string> & { questions: string[] };

export interface SearchIndex {
  entries: Entry[];
  terms: EntryTerms[];
  /** Inverse document frequency of each term over entries. */
  idf: Map<string, number>;
  /** Term -> indexes of the entries holding it, in any field. */
  postings: Map<string, number[]>;
  fuseDocs: FuseDoc[];
  synonyms: Synonyms;
  speller: Speller;
  /** Terms that name porting itself. */
  portingTerms: Set<string>;
}

const COMMON_WORD_FREQUENCY = 100;
const ARCHIVE_LABEL = /^\([^)]*\)\s*/;
const ARCHIVE_NOTE = /^>\s*Archived:.*$/m;
const URL = /\(?\b(?:https?:\/\/|mailto:)\S+/g;

/** What an entry says, as plain words: no archive label or note, no URLs. */
function entryTexts(entry: Entry): Record<Field, string[]> {
  const body = toPlainText(entry.body.replace(ARCHIVE_NOTE, ""), () => undefined).replace(URL, " ");
  const title = entry.status === "archived" ? entry.title.replace(ARCHIVE_LABEL, "") : entry.title;
  const glossary = entry.glossary ? [entry.glossary.term, entry.glossary.expansion, ...entry.glossary.aliases] : [];
  // The `port-in` tag says which way an entry is about (see direction.ts), not what it is about: the words are the topic's.
  return { title: [title], questions: entry.questions, tags: entry.tags.filter((t) => t !== DIRECTION_TAGS.in), glossary, body: [body] };
}

export function idfOf(entryCount: number, documentFrequency: number): number {
  return Math.log(1 + (entryCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Everything a question is compared with, computed once per knowledge base. */
export function buildIndex(kb: KnowledgeBase): SearchIndex {
  const synonyms = compileSynonyms(kb.vocabulary);
  const frequency = new Map<string, number>();
  const count = (word: string, times = 1) => frequency.set(word, (frequency.get(word) ?? 0) + times);
  // Everyday words outrank rarer knowledge-base words when a typo is as close to both ("mutch": much, not match).
  for (const word of synonyms.words) count(word, COMMON_WORD_FREQUENCY);
  for (const word of STOPWORDS) count(word, COMMON_WORD_FREQUENCY);

  const analyzed = kb.entries.map((entry) => {
    const texts = entryTexts(entry);
    const analyze = (text: string) => {
      const tokens = tokenize(text);
      tokens.forEach(count);
      return toTerms(tokens, "en", synonyms);
    };
    const fields = Object.fromEntries(
      FIELDS.map((field) => [field, new Set(texts[field].flatMap(analyze))]),
    ) as Record<Field, Set<string>>;
    const phrasings = [...texts.title, ...texts.questions, ...texts.glossary.slice(0, 2)]
      .map((text) => [...new Set(analyze(text))])
      .filter((p) => p.length > 0);
    const questions = texts.questions.map((text) => analyze(text));
    return { fields, phrasings, questions };
  });

  const postings = new Map<string, number[]>();
  analyzed.forEach((t, i) => {
    const all = new Set(FIELDS.flatMap((f) => [...t.fields[f]]));
    for (const term of all) {
      const list = postings.get(term) ?? [];
      list.push(i);
      postings.set(term, list);
    }
  });
  const idf = new Map([...postings].map(([term, list]) => [term, idfOf(kb.entries.length, list.length)]));
  const weigh = (terms: string[]) => terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);
  const terms = analyzed.map(({ fields, phrasings }) => ({ fields, all: new Set(FIELDS.flatMap((f) => [...fields[f]])), phrasings: phrasings.map((p) => ({ terms: p, weight: weigh(p) })) }));
  const wrap = (terms: Iterable<string>) => [...terms].map((t) => `~${t}~`).join(" ");
  const fuseDocs = analyzed.map(({ fields, questions }) => ({
    title: wrap(fields.title),
    questions: questions.map(wrap),
    tags: wrap(fields.tags),
    glossary: wrap(fields.glossary),
    body: wrap(fields.body),
  }));
  return {
    entries: kb.entries,
    terms,
    idf,
    postings,
    fuseDocs,
    synonyms,
    speller: createSpeller(frequency),
    portingTerms: compilePortingTerms(synonyms, kb.entries.flatMap((e) => (e.glossary?.porting_term ? [e.glossary.term] : []))),
  };
}
