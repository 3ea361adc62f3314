import type { HistoryEvent } from "../knowledge/schema.js";
import type { Section } from "./sections.js";

export interface ArticleRevision {
  timestamp: string;
  sections: Section[];
}

/** A section's life across revisions: a current entry, or an archived one when `removed` is set. */
export interface TrackedSection {
  heading: string | null;
  parent: string | null;
  wikitext: string;
  /** Newest revision holding this text. */
  revision: string;
  first_seen: string;
  last_changed: string;
  removed?: string;
  history: HistoryEvent[];
  /** Every heading the section has had, newest first: how an existing entry file is recognised. */
  headings: (string | null)[];
  /** Position in the revision it was last seen in, for a stable order. */
  position: number;
}

interface Thread {
  section: Section;
  revision: string;
  position: number;
  first_seen: string;
  eraStart: number;
  events: HistoryEvent[];
  headings: (string | null)[];
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9$]+(?:[.,'][a-z0-9]+)*/g) ?? []);
const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const keyOf = (s: Section) => `${normalize(s.parent ?? "").toLowerCase()}\u0000${normalize(s.heading ?? "").toLowerCase()}`;

/** Sørensen–Dice overlap of the words of two sections (heading and text). */
export function similarity(a: Section, b: Section): number {
  return dice(words(`${a.heading ?? ""} ${a.wikitext}`), words(`${b.heading ?? ""} ${b.wikitext}`));
}

/** Sections whose words overlap at least this much are the same section under a new heading. */
const SAME_SECTION = 0.5;
/** A revision keeping less than this share of a section's words has replaced its content. */
const KEPT_SHARE = 0.5;

/** Amounts of money in a text ("$8.75", "15$", "$30 USD"), as numbers written without formatting. */
export function prices(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\$\s?(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s?\$|(\d+(?:[.,]\d+)?)\s?USD\b/g)) {
    found.add(String(Number((m[1] ?? m[2] ?? m[3])!.replace(",", "."))));
  }
  return found;
}

function dice(x: Set<string>, y: Set<string>): number {
  if (x.size + y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** A line still says the same thing when some new line shares this much of its words and all its amounts. */
const SAME_LINE = 0.8;

/**
 * A new text supersedes the old one (which is then kept as an archived entry) when it drops a
 * line stating an amount of money, or keeps less than half of the old text's words.
 */
export function supersedes(oldText: string, newText: string): boolean {
  const newLines = newText.split("\n").map((line) => ({ words: words(line), prices: prices(line) }));
  for (const line of oldText.split("\n")) {
    const amounts = prices(line);
    if (amounts.size === 0) continue;
    const lineWords = words(line);
    const kept = newLines.some((n) => [...amounts].every((a) => n.prices.has(a)) && dice(lineWords, n.words) >= SAME_LINE);
    if (!kept) return true;
  }
  const before = words(oldText);
  if (before.size === 0) return false;
  const after = words(newText);
  let kept = 0;
  for (const w of before) if (after.has(w)) kept++;
  return kept / before.size < KEPT_SHARE;
}

function archive(thread: Thread, removed: string): TrackedSection {
  const era = thread.events.slice(thread.eraStart);
  return {
    heading: thread.section.heading,
    parent: thread.section.parent,
    wikitext: thread.section.wikitext,
    revision: thread.revision,
    first_seen: era[0]!.revision,
    last_changed: era[era.length - 1]!.revision,
    removed,
    history: [...era, { revision: removed, event: "removed", heading: thread.section.heading ?? undefined }],
    headings: [...thread.headings],
    position: thread.position,
  };
}

/** Matches each revision's sections to the previous revision's: same heading first, then by content. */
function match(previous: Thread[], sections: Section[]): Map<number, Thread> {
  const matched = new Map<number, Thread>();
  const taken = new Set<Thread>();
  sections.forEach((section, i) => {
    const same = previous.find((t) => !taken.has(t) && keyOf(t.section) === keyOf(section));
    if (same) {
      matched.set(i, same);
      taken.add(same);
    }
  });
  const pairs: { i: number; thread: Thread; score: number; order: number }[] = [];
  sections.forEach((section, i) => {
    if (matched.has(i)) return;
    previous.forEach((thread, order) => {
      if (taken.has(thread) || (thread.section.heading === null) !== (section.heading === null)) return;
      const score = similarity(thread.section, section);
      if (score >= SAME_SECTION) pairs.push({ i, thread, score, order });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.order - b.order);
  for (const { i, thread } of pairs) {
    if (matched.has(i) || taken.has(thread)) continue;
    matched.set(i, thread);
    taken.add(thread);
  }
  return matched;
}

/** Follows every section of one article through its revisions, oldest first. */
export function trackSections(revisions: ArticleRevision[]): TrackedSection[] {
  const archived: TrackedSection[] = [];
  let alive: Thread[] = [];
  for (const { timestamp, sections } of revisions) {
    const matched = match(alive, sections);
    const next: Thread[] = sections.map((section, position) => {
      const thread = matched.get(position);
      if (!thread) {
        return { section, revision: timestamp, position, first_seen: timestamp, eraStart: 0, events: [{ revision: timestamp, event: "added", heading: section.heading ?? undefined }], headings: [section.heading] };
      }
      const renamed = normalize(thread.section.heading ?? "") !== normalize(section.heading ?? "");
      const changed = normalize(thread.section.wikitext) !== normalize(section.wikitext);
      if (changed && supersedes(thread.section.wikitext, section.wikitext)) {
        archived.push(archive(thread, timestamp));
        thread.eraStart = thread.events.length;
      }
      if (renamed) {
        thread.events.push({ revision: timestamp, event: "renamed", heading: section.heading ?? undefined });
        thread.headings.unshift(section.heading);
      }
      if (changed) thread.events.push({ revision: timestamp, event: "changed" });
      return { ...thread, section, revision: timestamp, position };
    });
    const survivors = new Set(matched.values());
    for (const thread of alive) if (!survivors.has(thread)) archived.push(archive(thread, timestamp));
    alive = next;
  }
  const current = alive.map((t) => ({
    heading: t.section.heading,
    parent: t.section.parent,
    wikitext: t.section.wikitext,
    revision: t.revision,
    first_seen: t.first_seen,
    last_changed: t.events[t.events.length - 1]!.revision,
    history: t.events,
    headings: t.headings,
    position: t.position,
  }));
  return [...current, ...archived];
}
