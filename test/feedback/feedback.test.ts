import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { feedbackRecord, type FeedbackRecord } from "../../src/feedback/record.js";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";
import { feedbackFile, readFeedback } from "../../src/feedback/store.js";
import { summarizeFeedback } from "../../src/feedback/summary.js";
import { projectRoot } from "../../src/paths.js";

const AT = new Date("2026-03-05T15:00:00Z");
const tmpFile = () => join(mkdtempSync(join(tmpdir(), "feedback-")), "nested", "feedback.jsonl");

function record(fields: Partial<FeedbackRecord>): FeedbackRecord {
  return { at: "2026-03-05T15:00:00.000Z", channel: "webchat", question: "q", entry: "an-entry", score: 0.8, status: "unhelpful", ...fields };
}

describe("feedback records", () => {
  it("mask customer identifiers in the question, whatever the caller passed", () => {
    const r = feedbackRecord({ channel: "msteams", question: "port 514-555-0199, account 99887766, PIN 4321", entry: null, score: 0.2, status: "fallback" }, AT);
    expect(r.question).not.toMatch(/555|99887766|4321/);
    expect(r).toMatchObject({ at: "2026-03-05T15:00:00.000Z", channel: "msteams", entry: null, score: 0.2, status: "fallback" });
  });

  it("refuse a record that is not one", () => {
    expect(() => feedbackRecord({ channel: "", question: "q", entry: "Not An Id", score: 2, status: "fallback" }, AT)).toThrow(/channel|entry|score/);
  });
});

describe("the feedback log", () => {
  it("is FEEDBACK_LOG when set, feedback/feedback.jsonl in the project otherwise", () => {
    expect(feedbackFile({ FEEDBACK_LOG: "/tmp/x.jsonl" })).toBe("/tmp/x.jsonl");
    expect(feedbackFile({})).toBe(join(projectRoot(), "feedback", "feedback.jsonl"));
  });

  it("appends one JSON object a line, creating the folder, and reads them back", async () => {
    const file = tmpFile();
    const log = new FeedbackLog({ file });
    log.record(record({ entry: "a" }));
    log.record(record({ entry: "b", status: "helpful" }));
    await log.close();
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
    const { records, problems } = await readFeedback(file);
    expect(records.map((r) => [r.entry, r.status])).toEqual([["a", "unhelpful"], ["b", "helpful"]]);
    expect(problems).toEqual([]);
  });

  it("reads a missing file as an empty log", async () => {
    expect(await readFeedback(tmpFile())).toEqual({ records: [], problems: [] });
  });

  it("skips bad lines and says which and why", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "feedback-")), "f.jsonl");
    writeFileSync(file, [JSON.stringify(record({})), "{not json", JSON.stringify({ ...record({}), score: "high" }), ""].join("\n"));
    const { records, problems } = await readFeedback(file);
    expect(records).toHaveLength(1);
    expect(problems).toEqual(["line 2: not JSON", expect.stringMatching(/^line 3: score: /)]);
  });
});

describe("the feedback summary", () => {
  it("ranks entries by unhelpful votes and lists unanswered questions by frequency", () => {
    const s = summarizeFeedback([
      record({ entry: "cost", status: "unhelpful", score: 0.6, at: "2026-03-02T10:00:00.000Z" }),
      record({ entry: "cost", status: "unhelpful", score: 0.8 }),
      record({ entry: "cost", status: "helpful" }),
      record({ entry: "timing", status: "unhelpful", score: null, channel: "msteams" }),
      record({ entry: "faxes", status: "helpful" }),
      record({ entry: null, status: "fallback", question: "Weather on Mars?", score: 0.1 }),
      record({ entry: null, status: "fallback", question: "weather  on mars?", score: 0.1, at: "2026-03-09T10:00:00.000Z" }),
      record({ entry: null, status: "fallback", question: "pizza", score: 0.1, channel: "slack" }),
    ]);
    expect(s).toMatchObject({ records: 8, helpful: 2, unhelpful: 3, fallback: 3, from: "2026-03-02T10:00:00.000Z", to: "2026-03-09T10:00:00.000Z" });
    expect(s.entries).toEqual([
      { entry: "cost", helpful: 1, unhelpful: 2, meanUnhelpfulScore: 0.7 },
      { entry: "timing", helpful: 0, unhelpful: 1, meanUnhelpfulScore: null },
    ]);
    expect(s.unanswered).toEqual([
      { question: "Weather on Mars?", count: 2 },
      { question: "pizza", count: 1 },
    ]);
    expect(s.channels).toEqual({ webchat: 6, msteams: 1, slack: 1 });
  });

  it("of nothing is empty", () => {
    expect(summarizeFeedback([])).toMatchObject({ records: 0, from: null, to: null, entries: [], unanswered: [] });
  });
});
