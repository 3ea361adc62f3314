import type { AppliesTo, Country, Direction, Duration, Entry, Fee, KnowledgeBase, NumberKind, Rule } from "./schema.js";

/**
 * Picking the fees, durations and rules that apply to a case: the estimator and the diagnosis both read the
 * knowledge base's facts through these functions.
 */

/** Where a fact was read: every fee line, date and rule shown to a customer names it. */
export interface FactSource {
  factId: string;
  entryId: string;
  title: string;
  url: string;
  status: Entry["status"];
  /** Date the section disappeared from the wiki, for archived entries. */
  archivedOn?: string;
}

export interface Located<T> {
  fact: T;
  source: FactSource;
}

/**
 * The case a fact is wanted for. An absent kinds, country or direction matches a fact for any value: either the
 * caller wants them all (the estimator's notes for either direction) or nobody knows the value (the diagnosis when
 * the customer is not sure), and a fact is not hidden for a value nobody gave. Places are the exception: a fact
 * for named places (a price for the United Kingdom) applies only to a place that is named and listed.
 */
export interface FactQuery {
  /** A fact restricted to kinds applies when it names one of these. */
  kinds?: NumberKind[];
  country?: Country;
  place?: string;
  direction?: Direction;
  /** A fact applies when it is in force on that day (`YYYY-MM-DD`); absent for any date. */
  date?: string;
  /** Absent: current entries only. */
  status?: Entry["status"];
}

/** A name as a lookup key: "Côte d'Ivoire" and "cote d'ivoire" are the same place. */
export function nameKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/&/g, "and")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export function appliesTo(scope: AppliesTo, query: FactQuery): boolean {
  const fits = <T>(allowed: readonly T[] | undefined, values: readonly T[] | undefined) => !allowed || !values || values.some((v) => allowed.includes(v));
  if (!fits(scope.kinds, query.kinds)) return false;
  if (!fits(scope.countries, query.country && [query.country])) return false;
  if (!fits(scope.directions, query.direction && [query.direction])) return false;
  if (scope.places) {
    if (!query.place) return false;
    const place = nameKey(query.place);
    if (!scope.places.some((p) => nameKey(p) === place)) return false;
  }
  return true;
}

/** `since` is the first day a fact holds, `until` the first day it no longer does; no date means any day. */
export function inForceOn(fact: { since?: string; until?: string }, date: string | undefined): boolean {
  if (!date) return true;
  return (!fact.since || fact.since <= date) && (!fact.until || date < fact.until);
}

/** A fact that names kinds, countries or places is more specific than one that applies to any. */
function specificity(scope: AppliesTo): number {
  return [scope.kinds, scope.countries, scope.places].filter(Boolean).length;
}

function sourceOf(entry: Entry, factId: string): FactSource {
  return {
    factId,
    entryId: entry.id,
    title: entry.title,
    url: entry.source.url,
    status: entry.status,
    ...(entry.source.removed ? { archivedOn: entry.source.removed.slice(0, 10) } : {}),
  };
}

function select<T extends { id: string; applies_to: AppliesTo; since?: string; until?: string }>(
  kb: KnowledgeBase,
  pick: (entry: Entry) => T[],
  query: FactQuery,
): Array<Located<T>> {
  const found: Array<Located<T>> = [];
  for (const entry of kb.entries) {
    if (entry.status !== (query.status ?? "current")) continue;
    for (const fact of pick(entry)) {
      if (appliesTo(fact.applies_to, query) && inForceOn(fact, query.date)) found.push({ fact, source: sourceOf(entry, fact.id) });
    }
  }
  return found.sort((a, b) => specificity(b.fact.applies_to) - specificity(a.fact.applies_to));
}

/** Fees for an event, most specific first. */
export function feesFor(kb: KnowledgeBase, event: Fee["event"], query: FactQuery): Array<Located<Fee>> {
  return select(kb, (e) => e.fees.filter((f) => f.event === event), query);
}

export function durationsFor(kb: KnowledgeBase, event: Duration["event"], query: FactQuery): Array<Located<Duration>> {
  return select(kb, (e) => e.durations.filter((d) => d.event === event), query);
}

export function ruleFor(kb: KnowledgeBase, rule: Rule["rule"], query: FactQuery): Located<Rule> | undefined {
  return select(kb, (e) => e.rules.filter((r) => r.rule === rule), query)[0];
}
