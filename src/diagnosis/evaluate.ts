import { z } from "zod";
import { Id } from "../knowledge/schema.js";
import type { RejectionReader } from "./notice.js";

/** One line of a diagnosis evaluation set (format in ../shared/README.md). */
export const DiagnosisCase = z.object({
  text: z.string().min(1),
  /** The rejection entry the text names, or null when it names no known cause. */
  expected_cause: Id.nullable(),
  kind: z.enum(["notice", "story"]),
  note: z.string().optional(),
});
export type DiagnosisCase = z.infer<typeof DiagnosisCase>;

/** Parses a JSONL set; a bad line throws with the set's name and the line number. */
export function parseDiagnosisSet(text: string, name: string): DiagnosisCase[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${name}:${n}: not valid JSON`);
      }
      const parsed = DiagnosisCase.safeParse(json);
      if (!parsed.success) throw new Error(`${name}:${n}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return parsed.data;
    });
}

export interface Tally {
  /** Lines whose text names a known cause. */
  known: number;
  first: number;
  top3: number;
  /** Lines whose text names no known cause. */
  unknown: number;
  /** Of those, the ones given no cause (the right behaviour). */
  unknownRefused: number;
}

export interface DiagnosisMiss {
  text: string;
  kind: DiagnosisCase["kind"];
  expected: string | null;
  got: Array<{ id: string; score: number }>;
}

export interface DiagnosisReport {
  cases: number;
  all: Tally;
  byKind: Record<DiagnosisCase["kind"], Tally>;
  /** Ids expected by the set that are not causes in the knowledge base. */
  unknownIds: string[];
  misses: DiagnosisMiss[];
}

const empty = (): Tally => ({ known: 0, first: 0, top3: 0, unknown: 0, unknownRefused: 0 });

function add(tally: Tally, expected: string | null, got: string[]): boolean {
  if (expected === null) {
    tally.unknown += 1;
    if (got.length === 0) tally.unknownRefused += 1;
    return got.length === 0;
  }
  tally.known += 1;
  if (got[0] === expected) tally.first += 1;
  if (got.slice(0, 3).includes(expected)) tally.top3 += 1;
  return got[0] === expected;
}

/** Reads every line with no context given, as the bot reads a first message, and scores the causes named. */
export function evaluateDiagnosis(reader: RejectionReader, causeIds: ReadonlySet<string>, cases: DiagnosisCase[]): DiagnosisReport {
  const report: DiagnosisReport = { cases: cases.length, all: empty(), byKind: { notice: empty(), story: empty() }, unknownIds: [], misses: [] };
  for (const c of cases) {
    if (c.expected_cause !== null && !causeIds.has(c.expected_cause) && !report.unknownIds.includes(c.expected_cause)) {
      report.unknownIds.push(c.expected_cause);
    }
    const causes = reader.read(c.text).causes;
    const got = causes.map((m) => m.cause.id);
    add(report.byKind[c.kind], c.expected_cause, got);
    if (!add(report.all, c.expected_cause, got)) {
      report.misses.push({ text: c.text, kind: c.kind, expected: c.expected_cause, got: causes.map((m) => ({ id: m.cause.id, score: m.score })) });
    }
  }
  return report;
}

const pct = (n: number, of: number) => (of === 0 ? "-" : `${((100 * n) / of).toFixed(1)}%`);

function tallyLine(label: string, t: Tally): string {
  return `  ${label}: cause first ${pct(t.first, t.known)}   in top 3 ${pct(t.top3, t.known)} (of ${t.known})   unknown given no cause ${t.unknownRefused}/${t.unknown}`;
}

export function formatDiagnosisReport(name: string, r: DiagnosisReport, withMisses: boolean): string {
  const lines = [
    `${name}: ${r.cases} rejection notices and stories`,
    tallyLine("all", r.all),
    tallyLine("notices", r.byKind.notice),
    tallyLine("stories", r.byKind.story),
  ];
  for (const id of r.unknownIds) lines.push(`  warning: no rejection cause "${id}" in the knowledge base`);
  if (withMisses) {
    lines.push(`  misses (${r.misses.length}):`);
    for (const m of r.misses) {
      const got = m.got.map((g) => `${g.id} ${g.score}`).join(", ") || "no cause";
      lines.push(`    - [${m.kind}] "${m.text}"\n      got: ${got}\n      expected: ${m.expected ?? "no cause"}`);
    }
  }
  return lines.join("\n");
}
