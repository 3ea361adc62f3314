import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SEED_FEED } from "../importer/seed.js";
import { runCli, type CliRun } from "./run-cli.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "kb");
const temps: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kb-cli-"));
  temps.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function kb(args: string[], knowledge: string): Promise<CliRun> {
  return runCli(["kb", ...args], { env: { KNOWLEDGE_DIR: knowledge }, now: new Date("2026-01-05T12:00:00Z") });
}

const valid = join(FIXTURES, "valid");

describe("porting-bot kb", () => {
  it("validate exits 0 on a valid knowledge base", async () => {
    const result = await kb(["validate"], valid);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("knowledge base valid: 2 entries, 1 articles");
  });

  it("validate exits 1 and names file, field and problem on invalid knowledge", async () => {
    const dir = await tempDir();
    await cp(valid, dir, { recursive: true });
    await cp(join(FIXTURES, "bad", "fee-no-amount"), join(dir, "bad"), { recursive: true });
    const result = await kb(["validate"], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain("bad/how-can-i-expedite-my-port-request.md: fees.0.amount: a fee needs an amount");
  });

  it("list prints one line per entry with id, type, status and title", async () => {
    const result = await kb(["list"], valid);
    expect(result.code).toBe(0);
    expect(result.out.trim().split("\n")).toEqual([
      "how-long-does-the-port-process-take\tfaq\tcurrent\tHow long does the port process take?",
      "how-much-does-it-cost-to-port-a-number\tfaq\tcurrent\tHow much does it cost to Port a Number to VoIP.ms?",
    ]);
  });

  it("show prints an entry's source, questions, facts and body", async () => {
    const result = await kb(["show", "how-much-does-it-cost-to-port-a-number"], valid);
    expect(result.code).toBe(0);
    expect(result.out).toContain("source: Porting FAQ › How much does it cost to Port a Number to VoIP.ms?");
    expect(result.out).toContain("  - Is porting free?");
    expect(result.out).toContain("fees:\n  - id: fax-port\n    label: Fax number port\n    event: port\n    amount: 15\n");
    expect(result.out).toContain("    applies_to:\n      kinds:\n        - fax\n");
    expect(result.out.trim().endsWith("Fax numbers have a $15 USD one-time fee per number.")).toBe(true);
  });

  it("show prints an entry's durations, rules, diagnosis and checks, and leaves out what it has none of", async () => {
    const dir = await tempDir();
    await cp(valid, dir, { recursive: true });
    const path = join(dir, "porting-faq", "how-long-does-the-port-process-take.md");
    const curated = [
      "rules:",
      "  - id: no-weekend-ports",
      "    label: No ports on weekends or holidays",
      "    rule: no-weekend-or-holiday-ports",
      "diagnosis:",
      "  cause: The widget code on the request is wrong.",
      "  prior: 0.2",
      "  questions:",
      "    - id: widget-code-checked",
      "      text: Did you check the widget code?",
      "      why: A wrong code is a common cause.",
      "      points_to: no",
      "  fix: Ask for the right widget code.",
      "  send:",
      "    - The right widget code",
      "  avoid: Check the code before submitting.",
      "checks:",
      "  - id: widget-code-known",
      "    text: Do you know the widget code?",
      "    why: Without it the port is rejected.",
      "    ok: yes",
      "    risk: Ask your provider for it.",
      "---",
    ].join("\n");
    await writeFile(path, (await readFile(path, "utf8")).replace(/\n---\n/, `\n${curated}\n`));
    const result = await kb(["show", "how-long-does-the-port-process-take"], dir);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("durations:\n  - id: ");
    expect(result.out).toContain("rules:\n  - id: no-weekend-ports\n    label: No ports on weekends or holidays\n    rule: no-weekend-or-holiday-ports\n");
    expect(result.out).toContain("diagnosis:\n  cause: The widget code on the request is wrong.\n  prior: 0.2\n");
    expect(result.out).toContain("    - id: widget-code-checked\n      text: Did you check the widget code?\n      why: A wrong code is a common cause.\n      points_to: no\n      weight: 0.8\n");
    expect(result.out).toContain("  fix: Ask for the right widget code.\n  send:\n    - The right widget code\n  avoid: Check the code before submitting.\n");
    expect(result.out).toContain("checks:\n  - id: widget-code-known\n    text: Do you know the widget code?\n    why: Without it the port is rejected.\n    ok: yes\n    risk: Ask your provider for it.\n");
    expect(result.out).not.toContain("fees:");
    expect(result.out).not.toContain("glossary:");
  });

  it("show exits 2 for an unknown id", async () => {
    const result = await kb(["show", "no-such-entry"], valid);
    expect(result.code).toBe(2);
    expect(result.err).toContain("no entry has id 'no-such-entry'");
  });

  it("stats counts entries by type and status, entries short of questions, and facts by kind", async () => {
    const dir = await tempDir();
    await cp(valid, dir, { recursive: true });
    const path = join(dir, "porting-faq", "how-long-does-the-port-process-take.md");
    await writeFile(path, (await readFile(path, "utf8")).replace("  - How fast is a number transfer?\n", ""));
    const result = await kb(["stats"], dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain("by type and status:\n  faq current: 2\n");
    expect(result.out).toContain("current entries with fewer than 4 questions: 1\n  how-long-does-the-port-process-take\n");
    expect(result.out).toContain("current entries below the house target of 6 questions: 2\n");
    expect(result.out).toContain("facts by kind:\n  fees: 1\n  durations: 1\n  rules: 0\n  diagnosis: 0\n  checks: 0");
  });

  it.each([[[]], [["frobnicate"]], [["show"]], [["list", "extra"]], [["import"]], [["validate", "--verbose"]]])(
    "exits 2 on bad usage: kb %j",
    async (args) => {
      const result = await kb(args, valid);
      expect(result.code).toBe(2);
      expect(result.err).toContain("usage: porting-bot kb validate | list | show <id> | stats | import <feed>");
    },
  );

  it("import writes the knowledge base from the feed and prints what changed", async () => {
    const dir = await tempDir();
    const first = await kb(["import", SEED_FEED], dir);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^added 75, changed 0, archived 8, unchanged 0\n/);
    expect(first.out).toContain("  archived  what-is-a-nasc-procedure-until-2019-08-27\n");
    expect(first.out).toContain("knowledge base valid: 75 entries");
    const second = await kb(["import", SEED_FEED], dir);
    expect(second.out).toMatch(/^added 0, changed 0, archived 0, unchanged 75\n/);
  });

  it("import exits 2 for a feed it cannot read or parse", async () => {
    const dir = await tempDir();
    const missing = await kb(["import", join(dir, "missing.xml")], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read the feed");
    await writeFile(join(dir, "page.html"), "<html><body>not a feed</body></html>");
    const notFeed = await kb(["import", join(dir, "page.html")], dir);
    expect(notFeed.code).toBe(2);
    expect(notFeed.err).toContain("not a wiki revision feed");
  });

  it("import exits 1 without writing when an existing entry file is broken", async () => {
    const dir = await tempDir();
    await cp(valid, dir, { recursive: true });
    await writeFile(join(dir, "porting-faq", "how-long-does-the-port-process-take.md"), "---\nid: x\nquestions: [unclosed\n---\n\nbody\n");
    const result = await kb(["import", SEED_FEED], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain("porting-faq/how-long-does-the-port-process-take.md: bad YAML");
    expect(await readdir(join(dir, "porting-faq"))).toHaveLength(2);
  });
});
