import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { runCli, type CliRun } from "./run-cli.js";

const NOW = new Date("2026-03-05T15:00:00Z");

function runDiagnose(args: string[], lines: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(["diagnose", ...args], { stdin: lines, env, now: NOW });
}

describe("porting-bot diagnose", () => {
  it("runs a whole diagnosis from answers piped in, one a line, to the outcome", async () => {
    const { code, out } = await runDiagnose([], ["port in", "not sure", "no", "no", "landline", "yes", "2026-03-02", "that's it"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("Most likely: Incorrect Billing Telephone Number (BTN)");
    expect(out).toContain("by Monday 2026-03-09 (4 days left)");
    expect(out).toContain("$8.75 USD");
    expect(out).toContain("Where to send it (Where to send my Documentation?)");
    expect(out).toContain("Summary for the ticket:");
    expect(out.trim().endsWith("Good luck with the resubmission.")).toBe(true);
  });

  it("picks the reason from a list and goes to its fix", async () => {
    const { out } = await runDiagnose([], ["port in", "Partial Port", "US", "skip", "ok"]);
    expect(out).toContain("Which of these reasons does the rejection give?");
    expect(out).toContain("Most likely: Partial Port");
    expect(out).not.toContain("Is the address on the port request a PO box?");
  });

  it("a port-out result carries no port-in advice", async () => {
    const { out } = await runDiagnose(["--notice", "Transfer to Cricket rejected: PIN required"], ["yes", "ok"]);
    expect(out).toContain("Most likely: Port Out Rejection for PIN");
    expect(out).not.toMatch(/Reply within|Resubmitting|Where to send it|On what date/);
  });

  it("goes straight to the cause of a pasted notice", async () => {
    const { out } = await runDiagnose(["--notice", "Rejected - BTN mismatch"], ["yes", "US", "skip", "ok"]);
    expect(out).toContain('points to "Incorrect Billing Telephone Number (BTN)"');
    expect(out).not.toContain("Is the address on the port request a PO box?");
    expect(out).toContain("Most likely: Incorrect Billing Telephone Number (BTN)");
    expect(out).toContain("Reply within 7 days of the rejection.");
  });

  it("asks again after an answer that is not a choice, then hands off with a summary without identifiers", async () => {
    const { code, out } = await runDiagnose(["--notice", "Rejected - BTN mismatch on 514-555-0199"], ["no", "port in", "maybe later", "what?", "hmm"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("Please answer with one of: 1. Rejection for Mismatch Information");
    expect(out).toContain("Write to the LNP department at ports@voip.ms");
    expect(out).toContain("Direction: port in");
    expect(out).toContain('Rejection notice: "Rejected - BTN mismatch on [phone]"');
    expect(out).not.toContain("514");
  });

  it("hands off with a summary when none of the causes fits", async () => {
    const { out } = await runDiagnose([], ["1", "not sure", "no", "no", "1", "yes", "skip", "none of these"]);
    expect(out).toContain("Handed off because: the customer says none of these causes fits");
    expect(out).toMatch(/The answers point to: .+%\)/);
    expect(out).toContain("- Is the address on the port request a PO box? No");
  });

  it("'cancel' leaves", async () => {
    const { code, out } = await runDiagnose([], ["port in", "cancel", "US"]);
    expect(code).toBe(EXIT.ok);
    expect(out.trim().endsWith("Diagnosis cancelled.")).toBe(true);
    expect(out).not.toContain("What kind of number");
  });

  it("stops cleanly when the input ends early", async () => {
    const { code, out } = await runDiagnose([], ["port in"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("stopped before the end");
  });

  it("--checklist walks through the pre-port checks and ends with the list", async () => {
    const answers = ["US", "landline", "yes", "no", "yes", "yes", "no", "no", "no", "yes", "no", "no"];
    const { code, out } = await runDiagnose(["--checklist"], answers);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("Check 1 of");
    expect(out).toContain("Pre-port checklist");
    expect(out).toContain("[ok] Is the address you will give the service address");
    expect(out).toMatch(/\[AT RISK\] Do you know the Billing Telephone Number \(BTN\)[^\n]*\n\s+Ask your current provider for the BTN/);
    expect(out).not.toContain("Will you be able to receive the losing carrier's approval SMS");
  });

  it.each([
    [["--verbose"], /Unknown option '--verbose'/],
    [["--checklist", "--notice", "x"], /--notice belongs to the diagnosis/],
    [["--notice", "  "], /--notice needs the text/],
    [["extra"], /Unexpected argument 'extra'/],
  ])("bad usage %j exits 2 with the reason", async (args, message) => {
    const { code, err } = await runDiagnose(args, []);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(message);
  });

  it("exits 1 with the loader's messages when the knowledge base is invalid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bad-kb-"));
    try {
      await writeFile(join(dir, "broken.md"), "no frontmatter here\n");
      const { code, err } = await runDiagnose([], [], { KNOWLEDGE_DIR: dir });
      expect(code).toBe(EXIT.invalidKnowledge);
      expect(err).toContain("broken.md");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads a real pipe on stdin", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "diagnose", "--notice", "Rejected - BTN mismatch"], {
      cwd: root,
      input: "yes\nUS\nskip\nthat's it\n",
      encoding: "utf8",
      env: { ...process.env, KNOWLEDGE_DIR: "" },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Most likely: Incorrect Billing Telephone Number (BTN)");
  });
});
