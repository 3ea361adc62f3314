import { parseArgs } from "node:util";
import { z } from "zod";
import { readFeedback, feedbackFile } from "../feedback/store.js";
import { summarizeFeedback, type FeedbackSummary } from "../feedback/summary.js";
import { EXIT, UsageError, print, type Command } from "./io.js";

const Flags = z.object({
  file: z.string().trim().min(1, "--file needs a path").optional(),
  json: z.boolean().default(false),
});

const USAGE = "usage: porting-bot feedback report [--file path] [--json]";

function parse(args: string[]): { file?: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { file: { type: "string" }, json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const [sub, ...extra] = parsed.positionals;
  if (sub !== "report" || extra.length) throw new UsageError(sub ? `unknown subcommand '${[sub, ...extra].join(" ")}'\n${USAGE}` : USAGE);
  const flags = Flags.safeParse(parsed.values);
  if (!flags.success) throw new UsageError(flags.error.issues.map((i) => i.message).join("; "));
  return flags.data;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padStart(widths[c]!))).join("  ")}`);
}

export function formatSummary(file: string, s: FeedbackSummary): string {
  if (s.records === 0) return `No feedback recorded yet in ${file}.`;
  const lines = [
    `Feedback in ${file}, ${s.from} to ${s.to}: ${s.records} record${s.records === 1 ? "" : "s"} (${s.helpful} helpful, ${s.unhelpful} unhelpful, ${s.fallback} without an answer).`,
  ];
  if (s.entries.length) {
    lines.push("", "Entries judged unhelpful, most first:");
    lines.push(...table([["unhelpful", "helpful", "mean score", "entry"], ...s.entries.map((e) => [String(e.unhelpful), String(e.helpful), e.meanUnhelpfulScore === null ? "-" : e.meanUnhelpfulScore.toFixed(2), e.entry])]));
  }
  if (s.unanswered.length) {
    lines.push("", "Questions without an answer, most asked first:");
    lines.push(...table([["times", "question"], ...s.unanswered.map((u) => [String(u.count), u.question])]));
  }
  lines.push("", `Channels: ${Object.entries(s.channels).map(([channel, n]) => `${channel} ${n}`).join(", ")}`);
  return lines.join("\n");
}

export const run: Command = async (args, io) => {
  const flags = parse(args);
  const file = flags.file ?? feedbackFile(io.env);
  const { records, problems } = await readFeedback(file).catch((error: Error) => {
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  });
  for (const problem of problems) print(io.stderr, `${file}: ${problem} (skipped)`);
  const summary = summarizeFeedback(records);
  print(io.stdout, flags.json ? JSON.stringify(summary, null, 2) : formatSummary(file, summary));
  return EXIT.ok;
};
