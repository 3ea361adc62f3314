import { detectLanguage } from "../answer/language.js";
import { normalize, stem } from "../answer/normalize.js";
import { STOPWORDS } from "../answer/stopwords.js";
import { compileSynonyms, type Synonyms } from "../answer/vocabulary.js";
import type { Direction, Vocabulary } from "../knowledge/schema.js";
import { matchesContext, type CaseContext } from "./context.js";
import { directionCue } from "./direction.js";
import type { Cause } from "./knowledge.js";
import { rewriteNoticeWords } from "./notice-words.js";

/**
 * Reads a pasted rejection notice (carrier wording) or a customer's story and names the rejection causes it
 * points to, through each cause's `notice_patterns` and `stories` in the knowledge base. Both are compared as sets
 * of terms (normalised, carrier shorthand and the vocabulary's synonyms applied, stemmed), so word order,
 * contractions and abbreviations do not matter: "ACCT # invalid" reads as "invalid account number".
 *
 * A notice pattern names its cause when every one of its terms is in the text. A story example points to its cause
 * by how much of it (rare terms weighing more) the text covers. A text that names no cause gets none.
 */

export type TextKind = "notice" | "story";

export interface CauseMatch {
  cause: Cause;
  /** 0..1: above 0.6 when a notice pattern matched in full; otherwise how much of a story example the text covers. */
  score: number;
  via: "notice" | "story";
  /** The pattern or story example that matched, as written in the knowledge base. */
  matched: string;
}

export interface RejectionReading {
  /** The text talks about a rejected or failed port, in English, French or Spanish, or names a known cause. */
  rejection: boolean;
  /** A carrier's notice (no first person) or a customer's story. */
  kind: TextKind;
  /** Port in or out, from the text's own cues ("LSR", "losing carrier"; "transfer to Cricket", "port-out"). */
  direction?: Direction;
  /** The causes the text points to, most likely first; empty when it names no known cause. */
  causes: CauseMatch[];
}

export interface RejectionReader {
  read(text: string, context?: CaseContext): RejectionReading;
}

/** A story example must be covered at least this much (rare terms weighing more) to point to its cause. */
export const STORY_MIN = 0.5;
/** ...and share at least this much weight with the text: a few common words ("port", "number") are not enough. */
export const STORY_EVIDENCE = 2;
/** A notice in carrier wording that matched no pattern needs a closer story example. */
export const NOTICE_STORY_MIN = 0.7;
/** A cause the text's direction rules out keeps this share of its score: the cue may be wrong. */
const OTHER_DIRECTION = 0.5;
/** A pattern match whose terms are all inside a longer match for another cause ("disconnect" in "disconnect order"). */
const CONTAINED = 0.7;

/** Stopwords as stems, so that stemming ("they" to "thei") does not let one through. */
const STOP_STEMS = new Set([...STOPWORDS, "not", "no", "ne", "pas"].flatMap((w) => [w, stem(w)]));
const FIRST_PERSON = /\b(?:i|im|me|my|mine|we|our|ours|us|myself|mi|mis|yo|nuestro|nuestra|je|j|mon|ma|mes|nous|notre|nos)\b/;
const REJECT_TERM = "reject";

interface Compiled {
  text: string;
  terms: Set<string>;
}

interface CompiledCause {
  cause: Cause;
  patterns: Compiled[];
  stories: Compiled[];
}

interface Analysed {
  normalized: string;
  terms: Set<string>;
}

function analyser(synonyms: Synonyms) {
  return (text: string): Analysed => {
    const normalized = rewriteNoticeWords(normalize(text));
    const tokens = normalized ? normalized.split(" ") : [];
    const language = detectLanguage(text, tokens);
    const terms = synonyms
      .apply(tokens.map(stem), language)
      .filter((t) => t.canonical || !STOP_STEMS.has(t.stem))
      .map((t) => t.stem);
    return { normalized, terms: new Set(terms) };
  };
}

const sum = (terms: Iterable<string>, weight: (t: string) => number) => {
  let total = 0;
  for (const t of terms) total += weight(t);
  return total;
};

/** 0..1, growing with the weight of the terms shared with the text. */
const evidence = (shared: number) => 1 - Math.exp(-shared / 3);

const isSubset = (a: Set<string>, b: Set<string>) => a.size < b.size && [...a].every((t) => b.has(t));

export function compileRejectionReader(causes: Cause[], vocabulary: Vocabulary = { synonyms: [] }): RejectionReader {
  const analyse = analyser(compileSynonyms(vocabulary));
  const compile = (text: string): Compiled => ({ text, terms: analyse(text).terms });
  const compiled: CompiledCause[] = causes.map((cause) => ({
    cause,
    patterns: cause.diagnosis.notice_patterns.map(compile).filter((p) => p.terms.size > 0),
    stories: cause.diagnosis.stories.map(compile).filter((s) => s.terms.size > 0),
  }));

  // Inverse document frequency over causes: a term few causes use ("hunt", "sms") says more than "account", and
  // a term every cause uses says nothing.
  const df = new Map<string, number>();
  for (const c of compiled) {
    const seen = new Set([...c.patterns, ...c.stories].flatMap((x) => [...x.terms]));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = (t: string) => Math.log(compiled.length / (df.get(t) ?? compiled.length));
  const weight = (terms: Iterable<string>) => sum(terms, idf);

  function read(text: string, context: CaseContext = {}): RejectionReading {
    const { normalized, terms } = analyse(text);
    const kind: TextKind = FIRST_PERSON.test(normalized) ? "story" : "notice";
    const direction = context.direction ?? directionCue(normalized);
    const found: Array<CauseMatch & { terms?: Set<string> }> = [];

    for (const c of compiled) {
      if (!matchesContext(c.cause.diagnosis.when, context)) continue;
      const patterns = c.patterns.filter((p) => [...p.terms].every((t) => terms.has(t)));
      const matchedTerms = new Set(patterns.flatMap((p) => [...p.terms]));
      const patternScore = patterns.length ? 0.6 + 0.4 * evidence(weight(matchedTerms)) : 0;
      const story = c.stories
        .map((s) => {
          const shared = weight([...s.terms].filter((t) => terms.has(t)));
          const coverage = shared / (weight(s.terms) || 1);
          return { s, shared, coverage, score: 0.9 * coverage * evidence(shared) };
        })
        .filter((s) => s.coverage >= (kind === "story" ? STORY_MIN : NOTICE_STORY_MIN) && s.shared >= STORY_EVIDENCE)
        .sort((a, b) => b.score - a.score)[0];
      const storyScore = story?.score ?? 0;
      if (!patternScore && !storyScore) continue;
      let score = Math.max(patternScore, storyScore);
      if (direction && !matchesContext(c.cause.diagnosis.when, { direction })) score *= OTHER_DIRECTION;
      const best = patterns.sort((a, b) => weight(b.terms) - weight(a.terms))[0];
      found.push(
        patternScore >= storyScore
          ? { cause: c.cause, score, via: "notice", matched: best!.text, terms: matchedTerms }
          : { cause: c.cause, score, via: "story", matched: story!.s.text },
      );
    }

    for (const f of found) {
      if (f.terms && found.some((g) => g !== f && g.terms && isSubset(f.terms!, g.terms))) f.score *= CONTAINED;
    }
    const ranked = found
      .sort((a, b) => b.score - a.score || b.cause.diagnosis.prior - a.cause.diagnosis.prior)
      .map(({ cause, score, via, matched }) => ({ cause, score: Math.round(score * 1000) / 1000, via, matched }));
    return { rejection: terms.has(REJECT_TERM) || ranked.length > 0, kind, direction, causes: ranked };
  }

  return { read };
}

export interface NoticeMatch {
  cause: Cause;
  /** The pattern or story example that matched, as written in the knowledge base. */
  pattern: string;
  score: number;
}

/**
 * The causes a notice or a story names, best first. Takes the diagnosis knowledge (its compiled reader), or bare
 * causes, which are then read without the vocabulary's synonyms.
 */
export function recognizeNotice(from: { reader: RejectionReader } | Cause[], text: string, context?: CaseContext): NoticeMatch[] {
  const reader = Array.isArray(from) ? compileRejectionReader(from) : from.reader;
  return reader.read(text, context).causes.map((m) => ({ cause: m.cause, pattern: m.matched, score: m.score }));
}
