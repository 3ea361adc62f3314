import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { projectRoot } from "../paths.js";
import { FeedbackRecord } from "./record.js";

/** `FEEDBACK_LOG` names the JSON-lines file; by default feedback/feedback.jsonl in the project. */
export function feedbackFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.FEEDBACK_LOG ? resolve(env.FEEDBACK_LOG) : join(projectRoot(), "feedback", "feedback.jsonl");
}

export interface FeedbackRead {
  records: FeedbackRecord[];
  /** Lines that are not valid records, as "line N: why"; they are skipped, not fatal. */
  problems: string[];
}

/** A missing file is an empty log. */
export async function readFeedback(file: string): Promise<FeedbackRead> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], problems: [] };
    throw error;
  }
  const records: FeedbackRecord[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const parsed = FeedbackRecord.safeParse(json);
    if (parsed.success) records.push(parsed.data);
    else problems.push(`line ${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(record)"}: ${issue.message}`).join("; ")}`);
  });
  return { records, problems };
}
