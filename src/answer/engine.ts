import { isCustomerEntry } from "../knowledge/audience.js";
import type { Entry, KnowledgeBase } from "../knowledge/schema.js";
import { decide, THRESHOLDS, type Thresholds } from "./decide.js";
import { buildIndex } from "./search-index.js";
import { translationUrl } from "./language.js";
import { rankEntries, SETTINGS, type MatchSettings, type Scored } from "./match.js";
import { questionWords } from "./intent.js";
import { normalize } from "./normalize.js";
import { parseQuestion } from "./parse.js";
import type { Alternative, AskResult, MatchSummary } from "./result.js";

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
}

function sectionKey(article: string, section: string): string {
  return `${article}\u0000${section}`;
}

/**
 * Each entry's topic: its wiki section, followed through renames, so an archived entry shares the topic
 * of the current entry that now holds its section ("...can I get a special price for it?" became
 * "...what is the best way to proceed?"). Returns the topics and each topic's current imported entry.
 */
function topicsOf(entries: Entry[]): { topics: string[]; current: Map<string, number> } {
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

/** Builds the index once; each question then costs a parse, a ranking and a decision. */
export function createAnswerEngine(kb: KnowledgeBase, settings: EngineSettings = { match: SETTINGS, thresholds: THRESHOLDS }): AnswerEngine & SearchEngine {
  const index = buildIndex(kb);
  const { topics, current } = topicsOf(index.entries);
  const forCustomers = index.entries.map(isCustomerEntry);
  const forCustomer = (i: number) => forCustomers[i]!;
  const glossary = index.entries.map((e) => e.type === "glossary");
  const titleAsks = index.entries.map((e) => new Set(questionWords(normalize(e.title))));
  const forAgent = () => true;

  const rank = (question: string, options: AskOptions) => {
    const parsed = parseQuestion(question, index);
    const allowed = options.audience === "agent" ? forAgent : forCustomer;
    const scored = rankEntries(index, parsed.terms, allowed, settings.match)
      .map((r) => (parsed.definition || !glossary[r.entry] ? r : { ...r, score: r.score * GLOSSARY_OUTSIDE_DEFINITIONS }))
      .map((r) => (parsed.asks.some((w) => titleAsks[r.entry]!.has(w)) ? { ...r, score: Math.min(1, r.score * SAME_QUESTION_WORD) } : r))
      .sort((a, b) => b.score - a.score || a.entry - b.entry);
    const ranked = currentFirst(scored, index.entries, topics, current);
    const known = parsed.terms.filter((t) => index.postings.has(t));
    const rarest = known.reduce<string | undefined>((best, t) => (best === undefined || index.idf.get(t)! > index.idf.get(best)! ? t : best), undefined);
    const decision = decide(
      ranked.map((r) => ({ score: r.score, coverage: r.coverage, topic: topics[r.entry]! })),
      {
        porting: parsed.porting,
        knownTerms: known.length,
        definition: parsed.namesDefinition,
        hiddenTopic: rarest !== undefined && !index.postings.get(rarest)!.some(allowed),
      },
      settings.thresholds,
    );
    return { parsed, ranked, decision };
  };

  return {
    ask(question, options = {}) {
      const { parsed, ranked, decision } = rank(question, options);
      const top = ranked[0];
      const answer = decision.status === "answered" && top ? index.entries[top.entry]! : undefined;
      const rest = answer ? ranked.slice(1, 1 + MAX_ALTERNATIVES) : ranked.slice(0, decision.status === "clarify" ? decision.shown : MAX_ALTERNATIVES);
      const alternatives: Alternative[] = rest.map((r) => ({ ...summary(index.entries[r.entry]!), score: round(r.score) }));
      const shownEntry = answer ?? (decision.status === "clarify" && top ? index.entries[top.entry] : undefined);
      const translation = shownEntry ? translationUrl(kb.articles, shownEntry, parsed.language) : undefined;
      return {
        status: decision.status,
        confidence: round(top?.score ?? 0),
        answer: answer ? summary(answer) : null,
        alternatives,
        masked: parsed.masked,
        language: parsed.language,
        ...(translation ? { translation } : {}),
      };
    },
    search(question, options) {
      const { ranked, decision } = rank(question, options);
      if (decision.status === "fallback") return [];
      return ranked.slice(0, options.limit).map((r) => ({ ...summary(index.entries[r.entry]!), score: round(r.score) }));
    },
  };
}
