import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { runCli, type CliRun } from "./run-cli.js";

// Wednesday 2026-05-13 in Toronto
const NOW = new Date("2026-05-13T15:00:00Z");

function estimate(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(["estimate", ...args], { env, now: NOW });
}

describe("porting-bot estimate", () => {
  it("prints an itemised estimate with dates, assumptions and sources", async () => {
    const { code, out } = await estimate(["--fax", "3", "--toll-free", "2", "--country", "US", "--submitted", "2026-12-22"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("Estimate: 2 toll-free numbers and 3 fax numbers in the US, submitted Tuesday 2026-12-22");
    expect(out).toContain("Qty: 3, Each: $15 USD per number, Amount: $45 USD");
    expect(out).toContain("Total: $45 USD");
    expect(out).toContain("done Wednesday 2026-12-30; skips Christmas Day 2026-12-25");
    expect(out).toContain("Expected completion: ");
    expect(out).toContain("Assumptions");
    expect(out).toContain("https://wiki.voip.ms/article/Porting_FAQ#How_much_does_it_cost_to_Port_a_Number_to_VoIP.ms.3F");
  });

  it("says whether the expected completion meets --deadline, and refuses a deadline that is not a date", async () => {
    const late = await estimate(["--local", "1", "--country", "US", "--submitted", "2026-12-22", "--deadline", "2026-12-23"]);
    expect(late.code).toBe(EXIT.ok);
    expect(late.out).toContain("Needed by Wednesday 2026-12-23, but the expected completion is later");
    const inTime = await estimate(["--local", "1", "--country", "US", "--submitted", "2026-12-22", "--deadline", "2027-02-01", "--json"]);
    expect(JSON.parse(inTime.out).deadline).toEqual({ date: "2027-02-01", inTime: true });
    const bad = await estimate(["--local", "1", "--country", "US", "--deadline", "soon"]);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain("--deadline");
  });

  it("prints the estimate as JSON with --json, with options and the entry of every fee line", async () => {
    const { code, out } = await estimate(["--local", "2", "--country", "canada", "--submitted", "2026-05-15", "--expedite", "--rejections", "1", "--json"]);
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(out);
    expect(json.input).toMatchObject({ numbers: { local: 2 }, country: "CA", expedite: true, rejections: 1 });
    expect(json.fees.lines.map((l: { event: string; source: { entryId: string } }) => [l.event, l.source.entryId])).toEqual([
      ["port", "how-much-does-it-cost-to-port-a-number"],
      ["resubmission", "how-much-does-it-cost-to-port-a-number"],
      ["expedite", "how-much-does-it-cost-to-port-a-number"],
    ]);
    expect(json.fees.total.amount).toBe(258.75);
    expect(json.timeline.steps[0]).toMatchObject({ kind: "port", end: "2026-05-25" });
  });

  it("takes today in the given time zone when no submission date is given", async () => {
    const { out } = await estimate(["--wireless", "1", "--country", "US", "--tz", "Pacific/Kiritimati", "--json"]);
    const json = JSON.parse(out);
    expect(json.input).toMatchObject({ submitted: "2026-05-14", timeZone: "Pacific/Kiritimati" });
    expect(json.assumptions).toContain("Dates are calendar days in the Pacific/Kiritimati time zone.");
    expect(json.assumptions).toContain("No submission date was given: today in Pacific/Kiritimati is used.");
  });

  it("gives international numbers a quote and no date", async () => {
    const { code, out } = await estimate(["--local", "1", "--country", "France", "--submitted", "2026-05-15"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("Each: quote, Amount: quote");
    expect(out).toContain("ports@voip.ms");
    expect(out).toContain("last published price, archived");
    expect(out).toContain("No date");
  });

  it.each([
    [["--fax", "-1", "--country", "US"], "--fax: cannot be negative (got -1)"],
    [["--fax=-2", "--country", "US"], "--fax: cannot be negative (got -2)"],
    [["--toll-free", "two", "--country", "US"], "--toll-free: must be a number, e.g. 3 (got 'two')"],
    [["--local", "1", "--country", "Narnia"], "--country: 'Narnia' is not a country I know"],
    [["--local", "1", "--country", "US", "--submitted", "2026-02-30"], "--submitted: 2026-02-30 is not a date that exists"],
    [["--local", "1"], "--country: is required"],
    [["--country", "US"], "--local/--wireless/--toll-free/--fax: give at least one number to port"],
    [["--local", "1", "--country", "US", "--rejections", "1.5"], "--rejections: must be a whole number (got 1.5)"],
    [["--local", "1", "--country", "US", "--tz", "Mars/Olympus"], "--tz: 'Mars/Olympus' is not a time zone"],
    [["--local", "1", "--country", "US", "--pager", "2"], "Unknown option '--pager'"],
  ])("refuses %j with exit 2 and a message naming the field", async (args, message) => {
    const { code, out, err } = await estimate(args);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain(message);
    expect(out).toBe("");
  });

  it("exits 1 with the loader's messages when the knowledge base is invalid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "estimate-bad-kb-"));
    try {
      await writeFile(join(dir, "broken.md"), "no frontmatter here\n");
      const { code, err } = await estimate(["--local", "1", "--country", "US", "--submitted", "2026-05-15"], { KNOWLEDGE_DIR: dir });
      expect(code).toBe(EXIT.invalidKnowledge);
      expect(err).toContain("broken.md");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
