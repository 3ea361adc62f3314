import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { runCli, type CliRun } from "./run-cli.js";

const ENV = { KNOWLEDGE_DIR: "test/answer/fixtures/kb" };
const FAQ = "Porting FAQ";
let dir: string;

function runEval(args: string[]): Promise<CliRun> {
  return runCli(["eval", ...args], { env: ENV });
}

const line = (question: string, sections: string[]) =>
  JSON.stringify({ question, expected: sections.map((section) => ({ article: FAQ, section })) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "eval-"));
  await writeFile(
    join(dir, "set.jsonl"),
    [
      line("how much to transfer my number", ["How much does it cost to port a number?"]),
      line("how long does a port take", ["How long does the port process take?"]),
      line("rejected wrong btn", ["How much does it cost to port a number?"]),
      line("what is the weather today", []),
      "",
    ].join("\n"),
  );
  await writeFile(join(dir, "bad.jsonl"), `${line("ok", [])}\n{"question": 3, "expected": []}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("porting-bot eval", () => {
  it("prints top-1, top-3, MRR, answered right, wrong, asked back with the right entry first and out-of-scope refused for each set", async () => {
    const { code, out } = await runEval([join(dir, "set.jsonl")]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("4 questions (3 in scope, 1 out of scope)");
    expect(out).toContain("top-1 0.667   top-3 0.667   MRR 0.667");
    expect(out).toMatch(/answered right 66\.7% {3}wrong 33\.3% {3}asked back, right first 0\.0% {3}out-of-scope refused 100\.0%/);
    expect(out).not.toContain("misses");
  });

  it("--misses lists every miss with what came back and what was expected", async () => {
    const { out } = await runEval(["--misses", join(dir, "set.jsonl")]);
    expect(out).toContain('misses (1):\n    - "rejected wrong btn"\n      answered: incorrect-btn');
    expect(out).toContain("expected: cost");
  });

  it("rejects a bad line, a missing file and an unknown flag with exit code 2", async () => {
    const bad = await runEval([join(dir, "bad.jsonl")]);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain("bad.jsonl:2: question:");
    expect((await runEval([join(dir, "missing.jsonl")])).code).toBe(EXIT.usage);
    expect((await runEval(["--wrong"])).code).toBe(EXIT.usage);
  });
});
