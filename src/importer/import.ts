import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { KnowledgeBaseError, listEntryFiles } from "../knowledge/loader.js";
import type { Article, EntryType, Status } from "../knowledge/schema.js";
import { parseFeed, type Revision } from "./feed.js";
import { trackSections, type TrackedSection } from "./history.js";
import { claimId, slugify } from "./ids.js";
import { splitArticle, type Translations } from "./sections.js";
import { externalLinks, wikitextToMarkdown, type WikiLinkResolver } from "./wikitext.js";
import { articleUrl, headingAnchor, normalizeTitle, sectionUrl } from "./wikiurl.js";
import { mergeEntryFile, newEntryFile, parseEntryFile, type ImportedEntry } from "./write.js";

export interface ExistingFile {
  /** Relative to the knowledge folder. */
  path: string;
  text: string;
}

export interface ImportReport {
  added: string[];
  changed: string[];
  archived: string[];
  unchanged: number;
  /** Imported files the feed no longer accounts for; left as they are. */
  stale: string[];
}

export interface ImportPlan {
  /** Every file the import produces, relative to the knowledge folder, in a stable order. */
  files: { path: string; text: string }[];
  report: ImportReport;
}

interface Planned {
  article: string;
  tracked: TrackedSection;
  status: Status;
  id?: string;
  path?: string;
  existing?: ExistingFile;
}

/** First guess of an entry's type; curation may change it. */
function guessType(article: string, tracked: TrackedSection): EntryType {
  if (tracked.heading === null) return "overview";
  if (tracked.parent !== null && /rejection/i.test(article)) return "rejection";
  return /faq/i.test(article) ? "faq" : "guide";
}

function dateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

function titleOf(p: Planned): string {
  const name = p.tracked.heading ?? `${p.article} (overview)`;
  return p.status === "archived" ? `(archived until ${dateOf(p.tracked.removed!)}) ${name}` : name;
}

function idCandidates(p: Planned): string[] {
  const article = slugify(p.article);
  const base = p.tracked.heading === null ? `${article}-overview` : slugify(p.tracked.heading);
  if (p.status === "current") return [base, `${article}-${base}`];
  const removed = p.tracked.removed!;
  const until = `${base}-until-${dateOf(removed)}`;
  return [until, `${until}-${removed.slice(11, 16).replace(":", "")}`];
}

interface ExistingSource {
  file: ExistingFile;
  id: string;
  article: string;
  section: string | null;
  removed?: string;
}

/** Reads the ids of all files, and which files the importer owns: origin import, inside an article's folder. */
function readExisting(files: ExistingFile[], folders: Set<string>): { imported: ExistingSource[]; ids: Set<string> } {
  const imported: ExistingSource[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    let data: Record<string, unknown>;
    try {
      data = parseEntryFile(file.text).document.toJS() as Record<string, unknown>;
    } catch (error) {
      throw new KnowledgeBaseError([`${file.path}: ${(error as Error).message} (fix it before importing, so no curation is lost)`]);
    }
    const id = typeof data.id === "string" ? data.id : file.path.replace(/^.*\//, "").replace(/\.md$/, "");
    ids.add(id);
    const source = data.source as Record<string, unknown> | undefined;
    const folder = file.path.split(/[\\/]/)[0]!;
    if (data.origin === "curated" || !folders.has(folder) || !source || typeof source.article !== "string") continue;
    imported.push({
      file,
      id,
      article: source.article,
      section: typeof source.section === "string" ? source.section : null,
      ...(typeof source.removed === "string" ? { removed: source.removed } : {}),
    });
  }
  return { imported, ids };
}

/** Gives each planned entry the file that already holds it, matched by article, heading history and removal. */
function matchExisting(planned: Planned[], existing: ExistingSource[]): void {
  const claimed = new Set<ExistingSource>();
  const claim = (p: Planned, test: (e: ExistingSource) => boolean) => {
    if (p.existing) return;
    const found = p.tracked.headings
      .map((heading) => existing.find((e) => !claimed.has(e) && e.article === p.article && e.section === heading && test(e)))
      .find(Boolean);
    if (!found) return;
    claimed.add(found);
    p.existing = found.file;
    p.id = found.id;
    p.path = found.file.path;
  };
  for (const p of planned) if (p.status === "current") claim(p, (e) => !e.removed);
  for (const p of planned) if (p.status === "archived") claim(p, (e) => e.removed === p.tracked.removed);
  // A section removed since the last import keeps the file it had while current.
  for (const p of planned) if (p.status === "archived") claim(p, (e) => !e.removed);
}

function resolver(planned: Planned[], articles: Set<string>): WikiLinkResolver {
  return (page, anchor) => {
    const title = normalizeTitle(page);
    if (!articles.has(title)) return `${articleUrl(title)}${anchor ? `#${headingAnchor(anchor)}` : ""}`;
    const current = planned.filter((p) => p.article === title && p.status === "current");
    const target = anchor
      ? current.find((p) => p.tracked.heading !== null && headingAnchor(p.tracked.heading) === headingAnchor(anchor))
      : current.find((p) => p.tracked.heading === null);
    if (target) return `kb:${target.id}`;
    return `${articleUrl(title)}${anchor ? `#${headingAnchor(anchor)}` : ""}`;
  };
}

function archivedNotice(tracked: TrackedSection): string {
  return `> Archived: this text was on the wiki until ${dateOf(tracked.removed!)} and no longer applies. For support agents only; never give it to a customer as a current answer.`;
}

function toEntry(p: Planned, resolve: WikiLinkResolver): ImportedEntry {
  const t = p.tracked;
  const markdown = wikitextToMarkdown(t.wikitext, resolve);
  const body = p.status === "archived" ? `${archivedNotice(t)}\n\n${markdown}` : markdown;
  return {
    id: p.id!,
    path: p.path!,
    type: guessType(p.article, t),
    title: titleOf(p),
    status: p.status,
    links: externalLinks(markdown),
    source: {
      article: p.article,
      section: t.heading,
      url: sectionUrl(p.article, t.heading),
      revision: t.revision,
      first_seen: t.first_seen,
      last_changed: t.last_changed,
      ...(t.removed ? { removed: t.removed } : {}),
      history: t.history,
    },
    body,
  };
}

/** Plans an import: the files to write for the revisions, merged with the files already there. Pure. */
export function planImport(revisions: Revision[], existingFiles: ExistingFile[]): ImportPlan {
  const titles = [...new Set(revisions.map((r) => r.article))].sort();
  const translations = new Map<string, Translations>();
  const planned: Planned[] = [];
  for (const article of titles) {
    const history = revisions.filter((r) => r.article === article).map((r) => ({ timestamp: r.timestamp, ...splitArticle(r.wikitext) }));
    translations.set(article, history[history.length - 1]!.translations);
    const tracked = trackSections(history);
    const byRemoval = (a: TrackedSection, b: TrackedSection) => a.removed!.localeCompare(b.removed!) || a.position - b.position;
    planned.push(
      ...tracked.filter((t) => !t.removed).map((t) => ({ article, tracked: t, status: "current" as const })),
      ...tracked.filter((t) => t.removed).sort(byRemoval).map((t) => ({ article, tracked: t, status: "archived" as const })),
    );
  }
  const { imported, ids } = readExisting(existingFiles, new Set(titles.map(slugify)));
  matchExisting(planned, imported);
  for (const p of planned) {
    if (p.id) continue;
    p.id = claimId(idCandidates(p), ids);
    p.path = `${slugify(p.article)}/${p.id}.md`;
  }
  const resolve = resolver(planned, new Set(titles));
  const report: ImportReport = { added: [], changed: [], archived: [], unchanged: 0, stale: [] };
  const files = planned.map((p) => {
    const entry = toEntry(p, resolve);
    const text = p.existing ? mergeEntryFile(p.existing.text, entry) : newEntryFile(entry);
    if (!p.existing) report.added.push(entry.id);
    else if (p.existing.text !== text) report.changed.push(entry.id);
    else report.unchanged++;
    const wasArchived = p.existing && /^status:\s*archived\s*$/m.test(p.existing.text);
    if (p.status === "archived" && !wasArchived) report.archived.push(entry.id);
    return { path: p.path!, text };
  });
  const used = new Set(planned.map((p) => p.existing));
  report.stale = imported.filter((e) => !used.has(e.file)).map((e) => e.file.path).sort();
  const articles: Article[] = titles.map((title) => ({ title, url: articleUrl(title), translations: translations.get(title)! }));
  files.push({ path: "articles.yaml", text: stringify({ articles }, { lineWidth: 0 }) });
  return { files, report };
}

/** The entry files already in a knowledge folder; none when the folder does not exist yet. */
async function existingFiles(knowledgeDir: string): Promise<ExistingFile[]> {
  let paths: string[];
  try {
    paths = await listEntryFiles(knowledgeDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(knowledgeDir, path), "utf8") })));
}

/** A feed file that cannot be read, or is not a wiki revision feed. */
export class FeedError extends Error {
  override name = "FeedError";
}

/** Imports a feed file into a knowledge folder; throws FeedError for a feed it cannot read or parse. */
export async function importFeed(feedPath: string, knowledgeDir: string): Promise<ImportReport> {
  let xml: string;
  try {
    xml = await readFile(feedPath, "utf8");
  } catch (error) {
    throw new FeedError(`cannot read the feed: ${(error as Error).message}`);
  }
  let revisions: Revision[];
  try {
    revisions = parseFeed(xml);
  } catch (error) {
    throw new FeedError(`${feedPath}: ${(error as Error).message}`);
  }
  return importRevisions(revisions, knowledgeDir);
}

/** Writes the entries of the revisions and articles.yaml into a knowledge folder, and a vocabulary.yaml if there is none. */
async function importRevisions(revisions: Revision[], knowledgeDir: string): Promise<ImportReport> {
  const plan = planImport(revisions, await existingFiles(knowledgeDir));
  for (const file of plan.files) {
    const path = join(knowledgeDir, file.path);
    await mkdir(dirname(path), { recursive: true });
    const before = await readFile(path, "utf8").catch(() => undefined);
    if (before !== file.text) await writeFile(path, file.text);
  }
  await writeFile(join(knowledgeDir, "vocabulary.yaml"), "synonyms: []\n", { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return plan.report;
}
