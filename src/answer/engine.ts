import { isCustomerEntry } from "../knowledge/audience.js";
import type { Entry, KnowledgeBase } from "../knowledge/schema.js";
import { decide, THRESHOLDS, type Thresholds } from "./decide.js";
import { buildIndex } from "./index.js";
import { translationUrl } from "./language.js";
import { rankEntries, SETTINGS, type MatchSettings } from "./match.js";
import { parseQuestion } from "./parse.js";
import type { Alternative, AskResult, MatchSummary } from "./result.js";

export interface AskOptions {
  /** Customers never get archived or agent-only entries; agents see them, labelled by their title. */
  audience?: "customer" | "agent";
}

export interface AnswerEngine {
  ask(question: string, options?: AskOptions): AskResult;
}

const MAX_ALTERNATIVES = 3;

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

function topicOf(entry: Entry): string {
  return `${entry.source.article}\u0000${entry.source.section ?? entry.id}`;
}

function summary(entry: Entry): MatchSummary {
  const { article, section, url } = entry.source;
  return { id: entry.id, title: entry.title, type: entry.type, source: { article, section, url } };
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Builds the index once; each question then costs a parse, a ranking and a decision. */
export function createAnswerEngine(kb: KnowledgeBase, settings: EngineSettings = { match: SETTINGS, thresholds: THRESHOLDS }): AnswerEngine {
  const index = buildIndex(kb);
  const topics = index.entries.map(topicOf);
  const forCustomers = index.entries.map(isCustomerEntry);
  const forCustomer = (i: number) => forCustomers[i]!;
  const glossary = index.entries.map((e) => e.type === "glossary");
  const forAgent = () => true;

  return {
    ask(question, options = {}) {
      const parsed = parseQuestion(question, index);
      const ranked = rankEntries(index, parsed.terms, options.audience === "agent" ? forAgent : forCustomer, settings.match)
        .map((r) => (parsed.definition || !glossary[r.entry] ? r : { ...r, score: r.score * GLOSSARY_OUTSIDE_DEFINITIONS }))
        .sort((a, b) => b.score - a.score || a.entry - b.entry);
      const decision = decide(
        ranked.map((r) => ({ score: r.score, coverage: r.coverage, topic: topics[r.entry]! })),
        parsed.porting,
        settings.thresholds,
      );
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
  };
}
