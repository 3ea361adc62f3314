import { isCustomerEntry } from "../knowledge/audience.js";
import type { Entry, KnowledgeBase } from "../knowledge/schema.js";
import { redact } from "../privacy/redact.js";
import { trainClassifier } from "./classifier.js";
import { ANSWER_MODEL, answerChance, decide, enoughWords, inScope, THRESHOLDS, type AnswerModel, type Evidence, type Thresholds } from "./decide.js";
import { answerGroups, topicsOf } from "./groups.js";
import { buildIndex, idfOf } from "./search-index.js";
import { translationUrl } from "./language.js";
import { englishFormReader } from "./english-form.js";
import { RERANKED_GROUPS } from "./fused-ranking.js";
import { createRanker, SETTINGS, type MatchSettings, type Scored } from "./match.js";
import { questionWords } from "./intent.js";
import { normalize, tokenize } from "./normalize.js";
import { toTerms } from "./analyze.js";
import { outsideTopicReader } from "./outside.js";
import { parseQuestion } from "./parse.js";
import { entryDirection } from "./direction.js";
import { directionWords, readDirection } from "../reading/direction.js";
import { tokenize as tokenizeMessage } from "../reading/text.js";
import type { Alternative, AskResult, Choice, MatchSummary } from "./result.js";

export interface AskOptions {
  /** Customers never get archived or agent-only entries; agents see them, labelled by their title. */
  audience?: "customer" | "agent";
}

export interface SearchOptions extends AskOptions {
  limit: number;
}

export interface AnswerEngine {
  ask(question: string, options?: AskOptions): AskResult;
}

/** Ranked entries for a question, for agents' look-ups (search API, message extension, slash command). */
export interface SearchEngine {
  /**
   * Up to `limit` entries ranked for the question, archived ones never above their topic's current entry; none when
   * the engine would not answer it (not about porting, or nothing close).
   */
  search(question: string, options: SearchOptions): Alternative[];
}

const MAX_ALTERNATIVES = 3;

/**
 * An entry whose heading asks with the question's own word ("why ... not portable" and "..., why is that?") edges out
 * one that shares only the topic words. Measured: 1.03-1.08 all move dev top-1 from 0.926 to 0.941 and change nothing
 * on the harder or held-out sets; it only reorders near ties.
 */
const SAME_QUESTION_WORD = 1.05;

/**
 * A glossary entry's score when the question does not ask what a term means. Measured on dev and
 * eval/hard.jsonl: at 1 a term anywhere in a question pulls it to the glossary ("where do I send the CSR");
 * 0.7 leaves every definition question answered by its glossary entry or the FAQ defining the term.
 */
const GLOSSARY_OUTSIDE_DEFINITIONS = 0.7;

/** Tuning knobs, for measurement only (`npm run bench` sweeps them); the defaults are the measured ones. */
export interface EngineSettings {
  match: MatchSettings;
  thresholds: Thresholds;
  model: AnswerModel;
  /** How many answers the engine remembers (by audience and normalised question); 0 remembers none. */
  cacheSize: number;
}

/**
 * Repeated questions ("how long does a port take") then cost a lookup. Each remembered answer is a few
 * hundred bytes, so a thousand is well under a megabyte.
 */
const CACHE_SIZE = 1000;

export const DEFAULT_SETTINGS: EngineSettings = { match: SETTINGS, thresholds: THRESHOLDS, model: ANSWER_MODEL, cacheSize: CACHE_SIZE };

const NO_EVIDENCE: Evidence = { score: 0, lead: 0, agree: false, classifier: 0, rareCoverage: 0, unique: false, porting: false };

/**
 * Agents see archived entries, but today's text answers: where an archived entry outranks every current
 * entry of its topic, the topic's current entry takes its place (with its score) and the archive follows.
 */
function currentFirst(ranked: Scored[], entries: Entry[], topics: string[], current: Map<string, number>): Scored[] {
  const out: Scored[] = [];
  const placed = new Set<number>();
  const seen = new Set<string>();
  for (const r of ranked) {
    const topic = topics[r.entry]!;
    const replacement = current.get(topic);
    if (!seen.has(topic) && entries[r.entry]!.status === "archived" && replacement !== undefined && !placed.has(replacement)) {
      const own = ranked.find((c) => c.entry === replacement);
      out.push({ entry: replacement, score: Math.max(r.score, own?.score ?? 0), coverage: Math.max(r.coverage, own?.coverage ?? 0) });
      placed.add(replacement);
    }
    seen.add(topic);
    if (!placed.has(r.entry)) {
      out.push(r);
      placed.add(r.entry);
    }
  }
  return out;
}


function summary(entry: Entry): MatchSummary {
  const { article, section, url } = entry.source;
  return { id: entry.id, title: entry.title, type: entry.type, source: { article, section, url } };
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** A word used by at most this share of the entries is a rare word, which the answer should hold. */
const RARE_SHARE = 0.05;

/** What decided a question, for measuring the decision (`npm run bench`). */
export interface Assessment {
  result: AskResult;
  /** Evidence for the first answer group; absent when nothing was in scope. */
  evidence?: Evidence;
  /** Whether the rules let the question be answered at all (not refused, enough words). */
  answerable: boolean;
  /** Ids of the entries in the first answer group. */
  firstGroup: string[];
}

export interface MeasuredEngine extends AnswerEngine {
  assess(question: string, options?: AskOptions): Assessment;
}

/** Builds the index, the per-entry term scorers and the classifier once; each question then costs a parse, a ranking and a decision. */
export function createAnswerEngine(kb: KnowledgeBase, settings: EngineSettings = DEFAULT_SETTINGS): MeasuredEngine & SearchEngine {
  const index = buildIndex(kb);
  const englishForm = englishFormReader(kb, index);
  const rank = createRanker(index, settings.match);
  const { topics, current } = topicsOf(index.entries);
  const groups = answerGroups(index.entries);
  const members = Array.from({ length: groups.count }, () => [] as number[]);
  groups.groupOf.forEach((g, i) => members[g]!.push(i));
  const classifier = trainClassifier(
    index.terms.map((t) => t.phrasings.map((p) => p.terms)),
    groups.groupOf,
  );
  const forCustomers = index.entries.map(isCustomerEntry);
  const glossary = index.entries.map((e) => e.type === "glossary");
  /** A glossary entry's own names (term and aliases, not its expansion) as terms. */
  const glossaryNames = index.entries.map((e) =>
    e.glossary ? new Set([e.glossary.term, ...e.glossary.aliases].flatMap((name) => toTerms(tokenize(name), "en", index.synonyms))) : new Set<string>(),
  );
  const titleAsks = index.entries.map((e) => new Set(questionWords(normalize(e.title))));
  const rareIdf = idfOf(index.entries.length, Math.max(1, Math.floor(index.entries.length * RARE_SHARE)));
  const cache = new Map<string, AskResult>();
  const outsideTopic = outsideTopicReader(kb.vocabulary);
  const directions = kb.reading ? directionWords(kb.reading.intents.direction, kb.reading.places.carriers) : undefined;
  const aboutDirection = index.entries.map(entryDirection);

  /** The entry shown for a group: its declared main entry when the asker may see it, else its best-ranked member. */
  const shownFor = (best: number, allowed: (i: number) => boolean) => {
    const main = groups.main[groups.groupOf[best]!];
    return main !== undefined && allowed(main) ? main : best;
  };

  /** The assessment of a question, with the ranking and decision behind it. */
  function judge(question: string, options: AskOptions = {}) {
    const parsed = parseQuestion(question, index);
    const agent = options.audience === "agent";
    const allowed = agent ? () => true : (i: number) => forCustomers[i]!;
    const direction = directions ? readDirection(directions, tokenizeMessage(parsed.masked)) : undefined;
    const against = (i: number) => direction !== undefined && (aboutDirection[i] ?? direction) !== direction;
    const opinion = classifier.classify(parsed.terms, allowed);
    const share = settings.match.classifier;
    const scored = rank(parsed.terms, allowed)
      .map((r) => (parsed.definition || !glossary[r.entry] ? r : { ...r, score: r.score * GLOSSARY_OUTSIDE_DEFINITIONS }))
      .map((r) => (parsed.asks.some((w) => titleAsks[r.entry]!.has(w)) ? { ...r, score: Math.min(1, r.score * SAME_QUESTION_WORD) } : r))
      .map((r) => ({ ...r, score: (1 - share) * r.score + share * (opinion?.probability(groups.groupOf[r.entry]!) ?? 0) }))
      .sort((a, b) => b.score - a.score || a.entry - b.entry);
    // One candidate per answer group: entries answering the same question never compete with each other.
    // Agents also get an archived version beside today's answer, labelled by its title.
    const seenGroups = new Set<string>();
    const byScore = currentFirst(scored, index.entries, topics, current).filter((r) => {
      const key = index.entries[r.entry]!.status === "archived" ? `archived ${r.entry}` : String(groups.groupOf[r.entry]);
      if (seenGroups.has(key)) return false;
      seenGroups.add(key);
      return true;
    });
    // A question that says which way its number goes ("my port to voip.ms", "I'm leaving voip.ms") is never led, nor
    // answered, by an entry about the other way: such entries follow the others, still rivals for the lead.
    const ranked = direction ? [...byScore.filter((r) => !against(r.entry)), ...byScore.filter((r) => against(r.entry))] : byScore;
    const known = parsed.terms.filter((t) => index.postings.has(t));
    const rarest = known.reduce<string | undefined>((best, t) => (best === undefined || index.idf.get(t)! > index.idf.get(best)! ? t : best), undefined);
    const signals = {
      porting: parsed.porting,
      knownTerms: known.length,
      definition: parsed.namesDefinition,
      hiddenTopic: rarest !== undefined && !index.postings.get(rarest)!.some(allowed),
      outsideTopic: outsideTopic(parsed.masked) !== undefined,
      definesTopTerm: parsed.namesDefinition && ranked[0] !== undefined && parsed.terms.some((t) => glossaryNames[ranked[0]!.entry]!.has(t)),
    };
    const top = ranked[0];
    const topGroup = top ? groups.groupOf[top.entry]! : -1;
    let evidence: Evidence | undefined;
    if (top) {
      const inGroup = (i: number) => groups.groupOf[i] === topGroup;
      const holds = (t: string) => members[topGroup]!.some((i) => allowed(i) && index.terms[i]!.all.has(t));
      const rare = known.filter((t) => index.idf.get(t)! >= rareIdf);
      evidence = {
        score: top.score,
        lead: top.score - (byScore.find((r) => groups.groupOf[r.entry] !== topGroup)?.score ?? 0),
        agree: opinion?.best === topGroup,
        classifier: opinion?.probability(topGroup) ?? 0,
        rareCoverage: rare.length === 0 ? 1 : rare.filter(holds).length / rare.length,
        porting: parsed.porting,
        unique: known.some((t) => {
          const seen = index.postings.get(t)!.filter(allowed);
          return seen.length > 0 && seen.every(inGroup);
        }),
      };
    }
    const decided = decide(ranked, signals, evidence ?? NO_EVIDENCE, settings.thresholds, settings.model);
    // Every entry in reach is about the other way: it may be offered, never answered.
    const decision = decided.status === "answered" && top && against(top.entry) ? { status: "clarify" as const, shown: Math.min(MAX_ALTERNATIVES, ranked.length) } : decided;
    const answerable = inScope(top, signals, settings.thresholds) && enoughWords(signals);
    const answer = decision.status === "answered" && top ? index.entries[shownFor(top.entry, allowed)]! : undefined;
    const offered = answer ? ranked.slice(1, 1 + MAX_ALTERNATIVES) : ranked.slice(0, decision.status === "clarify" ? decision.shown : MAX_ALTERNATIVES);
    const choiceOf = (r: (typeof ranked)[number]): Choice => {
      const entry = index.entries[shownFor(r.entry, allowed)]!;
      return { ...summary(entry), score: round(r.score), ...(entry.label ? { label: entry.label } : {}) };
    };
    const alternatives = offered.map(choiceOf);
    const shownEntry = answer ?? (decision.status === "clarify" && top ? index.entries[shownFor(top.entry, allowed)] : undefined);
    const translation = shownEntry ? translationUrl(kb.articles, shownEntry, parsed.language) : undefined;
    const result: AskResult = {
      status: decision.status,
      confidence: round(top?.score ?? 0),
      answer: answer ? summary(answer) : null,
      alternatives,
      masked: parsed.masked,
      language: parsed.language,
      ...(parsed.language === "en" ? {} : { english: englishForm(parsed.terms) }),
      ...(evidence ? { chance: answerChance(evidence, settings.model) } : {}),
      ...(translation ? { translation } : {}),
      ...(direction ? { direction } : {}),
      ...(decision.status === "clarify" ? { candidates: ranked.slice(0, RERANKED_GROUPS).map(choiceOf) } : {}),
    };
    const assessment: Assessment = { result, evidence, answerable, firstGroup: top ? members[topGroup]!.map((i) => index.entries[i]!.id) : [] };
    return { assessment, ranked, decision, allowed };
  }

  function assess(question: string, options: AskOptions = {}): Assessment {
    return judge(question, options).assessment;
  }

  return {
    assess,
    ask(question, options = {}) {
      const masked = redact(question);
      const key = `${options.audience ?? "customer"}\u0000${normalize(masked)}`;
      const hit = cache.get(key);
      if (hit) {
        // Most recently used last, so the oldest is the first to go.
        cache.delete(key);
        cache.set(key, hit);
        return { ...hit, masked };
      }
      const { result } = assess(question, options);
      if (settings.cacheSize > 0) cache.set(key, result);
      if (cache.size > settings.cacheSize) cache.delete(cache.keys().next().value!);
      return { ...result, masked };
    },
    search(question, options) {
      const { ranked, decision, allowed } = judge(question, options);
      if (decision.status === "fallback") return [];
      return ranked.slice(0, options.limit).map((r) => ({ ...summary(index.entries[shownFor(r.entry, allowed)]!), score: round(r.score) }));
    },
  };
}
