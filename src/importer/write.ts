import { Document, isMap, parseDocument } from "yaml";
import { splitFence } from "../knowledge/frontmatter.js";
import type { EntryType, Link, Source, Status } from "../knowledge/schema.js";

/** What the importer knows about an entry; everything else in a file is curation. */
export interface ImportedEntry {
  id: string;
  /** Path relative to the knowledge folder. */
  path: string;
  type: EntryType;
  title: string;
  status: Status;
  links: Link[];
  source: Source;
  body: string;
}

function render(doc: Document, body: string): string {
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${body.trim()}\n`;
}

function plainSource(source: Source) {
  const { removed, history, ...rest } = source;
  return {
    ...rest,
    ...(removed ? { removed } : {}),
    history: history.map((e) => ({ revision: e.revision, event: e.event, ...(e.heading ? { heading: e.heading } : {}) })),
  };
}

/** A new entry file: imported fields plus empty curation fields for curators to fill. */
export function newEntryFile(entry: ImportedEntry): string {
  const archived = entry.status === "archived";
  const doc = new Document({
    id: entry.id,
    type: entry.type,
    title: entry.title,
    origin: "import",
    status: entry.status,
    audience: archived ? ["agent"] : ["customer", "agent"],
    questions: [],
    tags: [],
    related: [],
    links: entry.links,
    source: plainSource(entry.source),
    fees: [],
    durations: [],
    rules: [],
    checks: [],
  });
  return render(doc, entry.body);
}

/** Parses an existing entry file's frontmatter as a YAML document, keeping its comments and layout. */
export function parseEntryFile(text: string): Document {
  const doc = parseDocument(splitFence(text).yaml);
  if (doc.errors.length) throw new Error(`bad YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (!isMap(doc.contents)) throw new Error("the frontmatter must be a YAML mapping");
  return doc;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Refreshes an existing entry file: title, status, links, source and body come from the feed;
 * the id and every curated field stay as they are. An entry that became archived is for agents only.
 * A file whose imported part did not change is returned byte for byte, however it is laid out.
 */
export function mergeEntryFile(existing: string, entry: ImportedEntry): string {
  const doc = parseEntryFile(existing);
  const before = doc.toJS() as Record<string, unknown>;
  const refreshed: Record<string, unknown> = {
    title: entry.title,
    status: entry.status,
    links: entry.links,
    source: plainSource(entry.source),
    ...(entry.status === "archived" ? { audience: ["agent"] } : {}),
  };
  const oldBody = splitFence(existing).body.trim();
  if (oldBody === entry.body.trim() && Object.entries(refreshed).every(([key, value]) => same(before[key], value))) return existing;
  for (const [key, value] of Object.entries(refreshed)) if (!same(before[key], value)) doc.set(key, value);
  return render(doc, entry.body);
}
