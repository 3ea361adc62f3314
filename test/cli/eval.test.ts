import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSealedSet } from "../../src/cli/eval-estimates.js";
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

  it("scores a file named estimates*.jsonl as fee and time requests, with its misses on request", async () => {
    const counts = { local: 0, toll_free: 0, fax: 0, wireless: 0 };
    const request = (text: string, fax: number, total: number) =>
      JSON.stringify({ text, today: "2027-04-27", expected: { counts: { ...counts, fax }, country: "US", submitted: null, expedite: false, rejections: 0, cancel: false, total_usd: total, completion: null }, essential: ["counts", "country", "total"] });
    const file = join(dir, "estimates-own.jsonl");
    await writeFile(file, `${request("how much to port 2 fax numbers from Ohio", 2, 30)}\n${request("price for 3 fax lines in Texas", 3, 99)}\n`);
    const { code, out } = await runCli(["eval", "--misses", file]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("2 estimate requests");
    expect(out).toContain("right total and completion date 50.0% (1/2)");
    expect(out).toContain('- "price for 3 fax lines in Texas"\n      total 45 instead of 99');
  });
});

describe("sealed sets", () => {
  it("are the sets under eval/heldout/ and eval/unseen/, whose misses are never printed", () => {
    expect(isSealedSet("/p", "/p/eval/heldout/estimates.jsonl")).toBe(true);
    expect(isSealedSet("/p", "/p/eval/unseen/x.jsonl")).toBe(true);
    expect(isSealedSet("/p", "/p/eval/unseen-2/diagnosis.jsonl")).toBe(true);
    expect(isSealedSet("/p", "/p/eval/unseenish.jsonl")).toBe(false);
    expect(isSealedSet("/p", "/p/eval/estimates-tuning-3.jsonl")).toBe(false);
    expect(isSealedSet("/p", "/shared/eval/estimates-dev.jsonl")).toBe(false);
  });
});
