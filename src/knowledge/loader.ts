import { access, readdir, readFile } from "node:fs/promises";
import { join, relative, basename } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { Articles, Frontmatter, IntentsFile, NumberKindsFile, PlacesFile, Vocabulary, type Entry, type KnowledgeBase, type ReadingData } from "./schema.js";
import { readEntryFile } from "./entry-file.js";
import { kbLinkIds } from "../render/tokens.js";

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`the knowledge base is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "KnowledgeBaseError";
  }
}

function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "(frontmatter)";
    return `${file}: ${field}: ${issue.message}`;
  });
}

/** The entry files of a knowledge folder (every `.md` file below it except READMEs), relative to it, sorted. */
export async function listEntryFiles(dir: string): Promise<string[]> {
  const items = await readdir(dir, { recursive: true, withFileTypes: true });
  return items
    .filter((item) => item.isFile() && item.name.endsWith(".md") && item.name !== "README.md")
    .map((item) => relative(dir, join(item.parentPath, item.name)))
    .sort();
}

async function readYaml<T>(dir: string, name: string, schema: z.ZodType<T>, problems: string[], fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(join(dir, name), "utf8");
  } catch {
    problems.push(`${name}: file is missing`);
    return fallback;
  }
  try {
    const result = schema.safeParse(parse(text));
    if (result.success) return result.data;
    problems.push(...describeIssues(name, result.error));
  } catch (error) {
    problems.push(`${name}: bad YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  return fallback;
}

/** Reads and validates every file; any problem fails the whole load, one message per problem. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const problems: string[] = [];
  const entries: Entry[] = [];
  let files: string[] = [];
  try {
    files = await listEntryFiles(dir);
  } catch (error) {
    throw new KnowledgeBaseError([`${dir}: cannot read the knowledge folder: ${(error as Error).message}`]);
  }
  for (const file of files) {
    let split;
    try {
      split = readEntryFile(await readFile(join(dir, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: bad YAML: ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    const result = Frontmatter.safeParse(split.data);
    if (!result.success) {
      problems.push(...describeIssues(file, result.error));
      continue;
    }
    if (basename(file, ".md") !== result.data.id) problems.push(`${file}: id: '${result.data.id}' must match the file name`);
    entries.push({ ...result.data, body: split.body, file });
  }
  const articles = await readYaml(dir, "articles.yaml", Articles, problems, { articles: [] });
  const vocabulary = await readYaml(dir, "vocabulary.yaml", Vocabulary, problems, { synonyms: [], outside_porting: [] });
  const reading = await readReading(dir, problems);
  if (files.length === 0) problems.push(`${dir}: no entries found`);
  problems.push(...crossCheck(entries));
  if (problems.length) throw new KnowledgeBaseError(problems);
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries, byId, articles: articles.articles, vocabulary, ...(reading ? { reading } : {}) };
}

const READING_FILES = ["intents.yaml", "places.yaml", "number-kinds.yaml"];

/** The reader's three files: all of them, or none (a folder of entries only, as test fixtures have). */
async function readReading(dir: string, problems: string[]): Promise<ReadingData | undefined> {
  const present = await Promise.all(READING_FILES.map((name) => access(join(dir, name)).then(() => true, () => false)));
  if (!present.some(Boolean)) return undefined;
  const intents = await readYaml(dir, "intents.yaml", IntentsFile, problems, undefined);
  const places = await readYaml(dir, "places.yaml", PlacesFile, problems, undefined);
  const kinds = await readYaml(dir, "number-kinds.yaml", NumberKindsFile, problems, undefined);
  return intents && places && kinds ? { intents, places, kinds } : undefined;
}

function crossCheck(entries: Entry[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const e of entries) {
    const first = seen.get(e.id);
    if (first) problems.push(`${e.file}: id: duplicate id '${e.id}' (also in ${first})`);
    else seen.set(e.id, e.file);
  }
  const factIds = new Map<string, string>();
  for (const e of entries) {
    e.related.forEach((id, i) => {
      if (!seen.has(id)) problems.push(`${e.file}: related.${i}: no entry has id '${id}'`);
    });
    for (const id of kbLinkIds(e.body)) {
      if (!seen.has(id)) problems.push(`${e.file}: body: link to 'kb:${id}', but no entry has that id`);
    }
    const facts = [...e.fees.map((f) => ["fees", f.id]), ...e.durations.map((d) => ["durations", d.id]), ...e.rules.map((r) => ["rules", r.id])];
    for (const [kind, id] of facts) {
      const other = factIds.get(id!);
      if (other) problems.push(`${e.file}: ${kind}: duplicate fact id '${id}' (also in ${other})`);
      else factIds.set(id!, e.file);
    }
    for (const c of e.checks) {
      const other = factIds.get(`c:${c.id}`);
      if (other) problems.push(`${e.file}: checks: duplicate check id '${c.id}' (also in ${other})`);
      else factIds.set(`c:${c.id}`, e.file);
    }
    if (e.diagnosis) {
      for (const q of e.diagnosis.questions) {
        const other = factIds.get(`q:${q.id}`);
        if (other) problems.push(`${e.file}: diagnosis.questions: duplicate question id '${q.id}' (also in ${other})`);
        else factIds.set(`q:${q.id}`, e.file);
      }
    }
  }
  problems.push(...checkAnswerGroups(entries, seen));
  return problems;
}

/** Each entry is in at most one answer group, whose main entry lists the others among its related entries. */
function checkAnswerGroups(entries: Entry[], ids: Map<string, string>): string[] {
  const problems: string[] = [];
  const groupOf = new Map<string, string>();
  for (const e of entries) if (e.same_question_as.length) groupOf.set(e.id, e.file);
  for (const e of entries) {
    e.same_question_as.forEach((id, i) => {
      const field = `${e.file}: same_question_as.${i}`;
      if (!ids.has(id)) return problems.push(`${field}: no entry has id '${id}'`);
      if (id === e.id) return problems.push(`${field}: an entry cannot be in its own group twice`);
      const other = groupOf.get(id);
      if (other) return problems.push(`${field}: '${id}' is already in the answer group of ${other}`);
      groupOf.set(id, e.file);
      if (!e.related.includes(id)) problems.push(`${field}: '${id}' must also be in related, so the answer shows it`);
    });
  }
  return problems;
}
