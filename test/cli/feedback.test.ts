import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, type CliRun } from "./run-cli.js";

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(["feedback", ...args], { env, now: new Date("2026-03-05T15:00:00Z") });
}

function logFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "feedback-cli-")), "feedback.jsonl");
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ at: "2026-03-05T15:00:00.000Z", channel: "webchat", question: "q", entry: "cost", score: 0.6, status: "unhelpful", ...fields });

describe("porting-bot feedback report", () => {
  const file = logFile([
    line({}),
    line({ status: "helpful" }),
    line({ entry: null, status: "fallback", question: "weather on mars", score: 0.1, channel: "msteams" }),
  ]);

  it("summarises the log for curators", async () => {
    const { code, out } = await run(["report", "--file", file]);
    expect(code).toBe(0);
    expect(out).toContain("3 records (1 helpful, 1 unhelpful, 1 without an answer)");
    expect(out).toMatch(/1\s+1\s+0\.60\s+cost/);
    expect(out).toMatch(/1\s+weather on mars/);
    expect(out).toContain("Channels: webchat 2, msteams 1");
  });

  it("prints the summary as JSON with --json", async () => {
    const { code, out } = await run(["report", "--file", file, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ records: 3, entries: [{ entry: "cost", unhelpful: 1 }], unanswered: [{ question: "weather on mars", count: 1 }] });
  });

  it("reads FEEDBACK_LOG when no --file is given", async () => {
    const { out } = await run(["report", "--json"], { FEEDBACK_LOG: file });
    expect(JSON.parse(out).records).toBe(3);
  });

  it("says so when nothing was recorded yet", async () => {
    const { code, out } = await run(["report", "--file", join(tmpdir(), "no-such-feedback.jsonl")]);
    expect(code).toBe(0);
    expect(out).toContain("No feedback recorded yet");
  });

  it("reports bad lines on stderr and summarises the rest", async () => {
    const { code, out, err } = await run(["report", "--file", logFile([line({}), "garbage"])]);
    expect(code).toBe(0);
    expect(err).toContain("line 2: not JSON (skipped)");
    expect(out).toContain("1 record (0 helpful, 1 unhelpful");
  });

  it("exits 2 on bad usage", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["summary"])).code).toBe(2);
    expect((await run(["report", "--bogus"])).code).toBe(2);
    const { code, err } = await run(["report", "--file", ""]);
    expect(code).toBe(2);
    expect(err).toContain("--file needs a path");
  });

  it("exits 2 when the file cannot be read", async () => {
    const { code, err } = await run(["report", "--file", tmpdir()]);
    expect(code).toBe(2);
    expect(err).toContain("cannot read");
  });
});
