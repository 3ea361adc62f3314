import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { loadKnowledgeBase } from "../knowledge/loader.js";
import type { Entry, KnowledgeBase } from "../knowledge/schema.js";
import { FeedError, importFeed, type ImportReport } from "../importer/import.js";
import { knowledgeDir } from "../paths.js";
import { EXIT, UsageError, print, type CliIo, type Command } from "./io.js";

/** A current entry needs at least this many alternate questions to be matched reliably. */
export const MIN_QUESTIONS = 4;
/** How many alternate questions the house style aims for (knowledge/README.md). */
export const TARGET_QUESTIONS = 6;

const USAGE = "usage: porting-bot kb validate | list | show <id> | stats | import <feed>";

const Subcommand = z.enum(["validate", "list", "show", "stats", "import"]);

function parse(args: string[]): { command: z.infer<typeof Subcommand>; operands: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const [name, ...operands] = parsed.positionals;
  const command = Subcommand.safeParse(name);
  if (!command.success) throw new UsageError(name ? `unknown subcommand '${name}'\n${USAGE}` : USAGE);
  const wanted = command.data === "show" || command.data === "import" ? 1 : 0;
  if (operands.length !== wanted) {
    throw new UsageError(`'kb ${command.data}' takes ${wanted === 1 ? (command.data === "show" ? "one entry id" : "one feed file") : "no arguments"}\n${USAGE}`);
  }
  return { command: command.data, operands };
}

function list(kb: KnowledgeBase): string {
  return kb.entries.map((e) => `${e.id}\t${e.type}\t${e.status}\t${e.title}`).join("\n");
}

/** The curated data of an entry (facts, diagnosis, checks, glossary), as YAML; only the fields it has. */
function curation(entry: Entry): string {
  const fields = {
    tags: entry.tags,
    related: entry.related,
    fees: entry.fees,
    durations: entry.durations,
    rules: entry.rules,
    diagnosis: entry.diagnosis,
    checks: entry.checks,
    glossary: entry.glossary,
  };
  const present = Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0));
  return present.length ? stringify(Object.fromEntries(present), { lineWidth: 0 }).trimEnd() : "";
}

function show(kb: KnowledgeBase, id: string): string {
  const entry = kb.byId.get(id);
  if (!entry) throw new UsageError(`no entry has id '${id}' (see 'porting-bot kb list')`);
  const data = curation(entry);
  return [
    `${entry.title}`,
    `id: ${entry.id}   type: ${entry.type}   status: ${entry.status}   audience: ${entry.audience.join(", ")}`,
    `source: ${entry.source.article} › ${entry.source.section ?? "(overview)"}  ${entry.source.url}`,
    `seen: ${entry.source.first_seen} … last changed ${entry.source.last_changed}${entry.source.removed ? `, removed ${entry.source.removed}` : ""}`,
    `file: ${entry.file}`,
    ...(entry.questions.length ? ["questions:", ...entry.questions.map((q) => `  - ${q}`)] : []),
    ...(data ? [data] : []),
    "",
    entry.body.trim(),
  ].join("\n");
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

export interface KbStats {
  entries: number;
  byTypeAndStatus: [string, number][];
  fewQuestions: string[];
  belowTarget: number;
  facts: Record<"fees" | "durations" | "rules" | "diagnosis" | "checks", number>;
}

export function stats(entries: Entry[]): KbStats {
  return {
    entries: entries.length,
    byTypeAndStatus: countBy(entries, (e) => `${e.type} ${e.status}`),
    fewQuestions: entries.filter((e) => e.status === "current" && e.questions.length < MIN_QUESTIONS).map((e) => e.id),
    belowTarget: entries.filter((e) => e.status === "current" && e.questions.length < TARGET_QUESTIONS).length,
    facts: {
      fees: entries.reduce((n, e) => n + e.fees.length, 0),
      durations: entries.reduce((n, e) => n + e.durations.length, 0),
      rules: entries.reduce((n, e) => n + e.rules.length, 0),
      diagnosis: entries.filter((e) => e.diagnosis).length,
      checks: entries.reduce((n, e) => n + e.checks.length, 0),
    },
  };
}

function formatStats(s: KbStats): string {
  return [
    `entries: ${s.entries}`,
    "by type and status:",
    ...s.byTypeAndStatus.map(([key, n]) => `  ${key}: ${n}`),
    `current entries with fewer than ${MIN_QUESTIONS} questions: ${s.fewQuestions.length}`,
    ...s.fewQuestions.map((id) => `  ${id}`),
    `current entries below the house target of ${TARGET_QUESTIONS} questions: ${s.belowTarget}`,
    "facts by kind:",
    ...Object.entries(s.facts).map(([kind, n]) => `  ${kind}: ${n}`),
  ].join("\n");
}

function formatReport(r: ImportReport): string {
  return [
    `added ${r.added.length}, changed ${r.changed.length}, archived ${r.archived.length}, unchanged ${r.unchanged}`,
    ...r.added.map((id) => `  added     ${id}`),
    ...r.changed.map((id) => `  changed   ${id}`),
    ...r.archived.map((id) => `  archived  ${id}`),
    ...r.stale.map((path) => `  not in the feed any more (left as is): ${path}`),
  ].join("\n");
}

export const run: Command = async (args: string[], io: CliIo) => {
  const { command, operands } = parse(args);
  const dir = knowledgeDir(io.env);
  if (command === "import") {
    const report = await importFeed(resolve(operands[0]!), dir).catch((error: unknown) => {
      throw error instanceof FeedError ? new UsageError(error.message) : error;
    });
    print(io.stdout, formatReport(report));
    const kb = await loadKnowledgeBase(dir);
    print(io.stdout, `knowledge base valid: ${kb.entries.length} entries`);
    return EXIT.ok;
  }
  const kb = await loadKnowledgeBase(dir);
  if (command === "validate") print(io.stdout, `knowledge base valid: ${kb.entries.length} entries, ${kb.articles.length} articles`);
  else if (command === "list") print(io.stdout, list(kb));
  else if (command === "show") print(io.stdout, show(kb, operands[0]!));
  else print(io.stdout, formatStats(stats(kb.entries)));
  return EXIT.ok;
};
