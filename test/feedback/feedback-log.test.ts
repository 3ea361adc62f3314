import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FeedbackLog, MAX_QUESTION_CHARS } from "../../src/feedback/feedback-log.js";
import type { FeedbackRecord } from "../../src/feedback/record.js";
import { readFeedback } from "../../src/feedback/store.js";

const folder = () => mkdtempSync(join(tmpdir(), "feedback-log-"));

function record(question = "how long does a port take"): FeedbackRecord {
  return { at: "2026-03-05T15:00:00.000Z", channel: "webchat", question, entry: null, score: 0.1, status: "fallback" };
}

describe("the feedback log writer", () => {
  it("queues without waiting and writes every record to one file", async () => {
    const file = join(folder(), "a", "b", "feedback.jsonl");
    const log = new FeedbackLog({ file });
    for (let i = 0; i < 50; i++) log.record(record(`question ${i}`));
    await log.close();
    const { records } = await readFeedback(file);
    expect(records.map((r) => r.question)).toEqual(Array.from({ length: 50 }, (_, i) => `question ${i}`));
    expect(log.stats()).toEqual({ written: 50, dropped: 0, failures: 0, queued: 0 });
  });

  it("caps each record's question", async () => {
    const file = join(folder(), "feedback.jsonl");
    const log = new FeedbackLog({ file });
    log.record(record("x".repeat(10_000)));
    await log.close();
    const line = readFileSync(file, "utf8");
    expect(JSON.parse(line).question).toHaveLength(MAX_QUESTION_CHARS);
    expect(Buffer.byteLength(line)).toBeLessThan(2048);
  });

  it("rotates the file when it would pass its size limit, keeping a few old ones", async () => {
    const file = join(folder(), "feedback.jsonl");
    const log = new FeedbackLog({ file, maxFileBytes: 1000, keepFiles: 2 });
    for (let i = 0; i < 40; i++) {
      log.record(record(`question number ${i} about porting`));
      await log.flush();
    }
    await log.close();
    const names = readdirSync(join(file, "..")).sort();
    expect(names).toEqual(["feedback.jsonl", "feedback.jsonl.1", "feedback.jsonl.2"]);
    for (const name of names) expect(readFileSync(join(file, "..", name)).length).toBeLessThanOrEqual(1000);
    expect((await readFeedback(file)).records.at(-1)!.question).toBe("question number 39 about porting");
    expect(log.stats().written).toBe(40);
  });

  it("drops and counts records when the queue is full", async () => {
    const file = join(folder(), "feedback.jsonl");
    const log = new FeedbackLog({ file, maxQueued: 5 });
    for (let i = 0; i < 20; i++) log.record(record());
    await log.close();
    expect(log.stats().dropped).toBeGreaterThan(0);
    expect(log.stats().written + log.stats().dropped).toBe(20);
  });

  it("reports an unwritable file once, counts what it loses, and tries again later", async () => {
    const dir = folder();
    const blocker = join(dir, "logs");
    writeFileSync(blocker, "a file where the folder should be");
    const file = join(blocker, "feedback.jsonl");
    const problems: string[] = [];
    let now = 0;
    const log = new FeedbackLog({ file, onProblem: (m) => problems.push(m), now: () => now, retryAfterMs: 1000 });
    for (let i = 0; i < 10; i++) {
      log.record(record());
      await log.flush();
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/cannot be written/);
    expect(log.stats()).toMatchObject({ written: 0, dropped: 10, failures: 1 });
    rmSync(blocker);
    now = 2000;
    log.record(record());
    await log.close();
    expect(log.stats()).toMatchObject({ written: 1, failures: 1 });
    expect(problems[1]).toMatch(/writable again/);
  });

  it("fails fast, without hanging, on a path whose folder cannot exist", async () => {
    for (const file of ["/proc/x/y/feedback.jsonl", "/proc/self/status/feedback.jsonl", "/dev/null/feedback.jsonl"]) {
      const problems: string[] = [];
      const log = new FeedbackLog({ file, onProblem: (m) => problems.push(m) });
      log.record(record());
      await log.close();
      expect(problems).toHaveLength(1);
      expect(log.stats()).toMatchObject({ written: 0, dropped: 1, failures: 1 });
    }
  });

  it("fails when the path is a folder", async () => {
    const dir = folder();
    const problems: string[] = [];
    const log = new FeedbackLog({ file: dir, onProblem: (m) => problems.push(m) });
    log.record(record());
    await log.close();
    expect(problems).toHaveLength(1);
    expect(log.stats().dropped).toBe(1);
  });
});
