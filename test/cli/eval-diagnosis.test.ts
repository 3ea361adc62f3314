import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { runCli } from "./run-cli.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "eval-diagnosis-"));
  const line = (text: string, cause: string | null, kind: string) => JSON.stringify({ text, expected_cause: cause, kind });
  await writeFile(join(dir, "my-diagnosis.jsonl"), [line("Rejected - BTN mismatch", "incorrect-btn", "notice"), line("Reject 7: weekend due date", null, "notice")].join("\n"));
  await writeFile(join(dir, "bad-diagnosis.jsonl"), '{"text": "x"}\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("porting-bot eval on a diagnosis set", () => {
  it("scores a file named for the diagnosis as rejection notices and stories", async () => {
    const { code, out } = await runCli(["eval", join(dir, "my-diagnosis.jsonl")], { env: { KNOWLEDGE_DIR: "test/fixtures/diagnosis-kb" } });
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("2 rejection notices and stories");
    expect(out).toContain("all: cause first 100.0%   in top 3 100.0% (of 1)   unknown given no cause 1/1");
  });

  it("exits 2 naming the line of a bad set", async () => {
    const { code, err } = await runCli(["eval", join(dir, "bad-diagnosis.jsonl")], { env: { KNOWLEDGE_DIR: "test/fixtures/diagnosis-kb" } });
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/bad-diagnosis\.jsonl:1: /);
  });
});
