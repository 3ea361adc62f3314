import type { AppliesTo, Country, Direction, Duration, Entry, Fee, KnowledgeBase, NumberKind, Rule } from "../knowledge/schema.js";
import { normalizeName } from "./country.js";
import type { IsoDate } from "../calendar/dates.js";

/** Where a fact was read: every fee line, date and rule in an estimate names it. */
export interface FactSource {
  factId: string;
  entryId: string;
  title: string;
  url: string;
  status: Entry["status"];
  /** Date the section disappeared from the wiki, for archived entries. */
  archivedOn?: IsoDate;
}

export interface Located<T> {
  fact: T;
  source: FactSource;
}

export interface FactQuery {
  /** The kinds in the order; a fact restricted to kinds applies when it names one of them. */
  kinds?: NumberKind[];
  country: Country;
  place?: string;
  /** Absent: facts for either direction. */
  direction?: Direction;
  /** The submission day: a fact applies when it was valid on that day; absent for any date. */
  date?: IsoDate;
  status?: Entry["status"];
}

function appliesTo(scope: AppliesTo, query: FactQuery): boolean {
  if (scope.kinds && query.kinds && !scope.kinds.some((k) => query.kinds!.includes(k))) return false;
  if (scope.countries && !scope.countries.includes(query.country)) return false;
  if (scope.directions && query.direction && !scope.directions.includes(query.direction)) return false;
  if (scope.places) {
    if (!query.place) return false;
    const place = normalizeName(query.place);
    if (!scope.places.some((p) => normalizeName(p) === place)) return false;
  }
  return true;
}

/** `since` is the first day a fact holds, `until` the first day it no longer does. */
function validOn(fact: { since?: string; until?: string }, date: IsoDate | undefined): boolean {
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
      if (appliesTo(fact.applies_to, query) && validOn(fact, query.date)) found.push({ fact, source: sourceOf(entry, fact.id) });
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
