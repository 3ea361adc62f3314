import { Document, isMap } from "yaml";
import { readEntryDocument, writeEntryFile } from "../knowledge/entry-file.js";
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
  return writeEntryFile(doc, entry.body);
}

/** Parses an existing entry file: its frontmatter as a YAML document, keeping its comments and layout, and its body. */
export function parseEntryFile(text: string): { document: Document; body: string } {
  const { document: doc, body } = readEntryDocument(text);
  if (doc.errors.length) throw new Error(`bad YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (!isMap(doc.contents)) throw new Error("the frontmatter must be a YAML mapping");
  return { document: doc, body };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Refreshes an existing entry file: title, status, links, source and body come from the feed;
 * the id and every curated field stay as they are. An entry that became archived is for agents only.
 * A file whose imported part did not change is returned byte for byte, however it is laid out.
 */
export function mergeEntryFile(existing: string, entry: ImportedEntry): string {
  const { document: doc, body } = parseEntryFile(existing);
  const oldBody = body.trim();
  const before = doc.toJS() as Record<string, unknown>;
  const refreshed: Record<string, unknown> = {
    title: entry.title,
    status: entry.status,
    links: entry.links,
    source: plainSource(entry.source),
    ...(entry.status === "archived" ? { audience: ["agent"] } : {}),
  };
  if (oldBody === entry.body.trim() && Object.entries(refreshed).every(([key, value]) => same(before[key], value))) return existing;
  for (const [key, value] of Object.entries(refreshed)) if (!same(before[key], value)) doc.set(key, value);
  return writeEntryFile(doc, entry.body);
}
