import { buildIndex } from "../answer/search-index.js";
import type { Check, Diagnosis, Duration, Entry, Fee, KnowledgeBase, Rule } from "../knowledge/schema.js";
import { emailsIn, lnpContact } from "../knowledge/contact.js";
import { durationsFor, feesFor, ruleFor, type Located } from "../knowledge/facts.js";
import { compileRejectionReader, type RejectionReader } from "./notice.js";

/** A rejection cause: a current knowledge entry carrying `diagnosis` data. */
export interface Cause {
  id: string;
  title: string;
  url: string;
  diagnosis: Diagnosis;
  /** The entry's `related` ids: its neighbours in meaning, some of them causes too. */
  related: string[];
}

export interface ChecklistItem extends Check {
  /** The entry the check comes from. */
  entryId: string;
  entryTitle: string;
}

export interface EntryRef {
  id: string;
  title: string;
  url: string;
  body: string;
}

/** Everything the diagnosis and the checklist read from the knowledge base, gathered once. */
export interface DiagnosisKnowledge {
  causes: Cause[];
  /** Reads rejection notices and stories against the causes' patterns and story examples. */
  reader: RejectionReader;
  checks: ChecklistItem[];
  /** Where documents for a rejection are sent: the "Where to send my Documentation?" section. */
  whereToSend?: EntryRef;
  /** The LNP department's e-mail address, as the knowledge base gives it. */
  contact?: string;
  /** How long the customer has to answer a rejection. */
  replyWindow?: Fact<Duration>;
  /** Resubmission fees in force, most specific first; the first whose `applies_to` fits the customer's number is shown. */
  resubmissionFees: Fact<Fee>[];
  restartRule?: Fact<Rule>;
  /** Ids and titles of every entry, to resolve `kb:` links when rendering bodies. */
  titles: Map<string, { title: string; url: string }>;
}

export interface Fact<T> {
  fact: T;
  entryId: string;
}

const WHERE_TO_SEND = /^where to send my documentation\??$/i;

function current(kb: KnowledgeBase): Entry[] {
  return kb.entries.filter((e) => e.status === "current");
}

function factOf<T>(found: Located<T>): Fact<T> {
  return { fact: found.fact, entryId: found.source.entryId };
}

const readers = new WeakMap<KnowledgeBase, RejectionReader>();

/** The reader depends on the knowledge base only, while the rest is gathered per day: compiled once per base. */
function readerFor(kb: KnowledgeBase, causes: Cause[]): RejectionReader {
  let reader = readers.get(kb);
  if (!reader) {
    reader = compileRejectionReader(causes, kb.vocabulary, buildIndex(kb).speller);
    readers.set(kb, reader);
  }
  return reader;
}

export function diagnosisKnowledge(kb: KnowledgeBase, today: string): DiagnosisKnowledge {
  const entries = current(kb);
  const causes = entries
    .filter((e): e is Entry & { diagnosis: Diagnosis } => e.diagnosis !== undefined)
    .map((e) => ({ id: e.id, title: e.title, url: e.source.url, diagnosis: e.diagnosis, related: e.related }));
  const checks = entries
    .flatMap((e) => e.checks.map((c) => ({ ...c, entryId: e.id, entryTitle: e.title })))
    .map((c, index) => ({ c, index }))
    .sort((a, b) => (a.c.order ?? Infinity) - (b.c.order ?? Infinity) || a.index - b.index)
    .map(({ c }) => c);
  const where = entries.find((e) => e.source.section !== null && WHERE_TO_SEND.test(e.source.section.trim()));
  const contact = (where && emailsIn(where.body)[0]) ?? lnpContact(kb)?.email;
  const restart = ruleFor(kb, "resubmission-restarts-interval", { date: today });
  return {
    causes,
    reader: readerFor(kb, causes),
    checks,
    whereToSend: where && { id: where.id, title: where.title, url: where.source.url, body: where.body },
    contact,
    // Read for any case: the facts that depend on the customer's number are chosen by outcome.ts.
    replyWindow: durationsFor(kb, "rejection-reply", { date: today }).map(factOf)[0],
    resubmissionFees: feesFor(kb, "resubmission", { date: today }).map(factOf),
    restartRule: restart && factOf(restart),
    titles: new Map(kb.entries.map((e) => [e.id, { title: e.title, url: e.source.url }])),
  };
}
