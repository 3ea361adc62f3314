import { describe, expect, it } from "vitest";
import { AskJson } from "../../src/answer/result.js";
import { EXIT } from "../../src/cli/io.js";
import { runCli, type CliRun } from "./run-cli.js";

const ENV = { KNOWLEDGE_DIR: "test/answer/fixtures/kb" };

function ask(args: string[], stdin = ""): Promise<CliRun> {
  return runCli(["ask", ...args], { stdin, env: ENV });
}

describe("porting-bot ask", () => {
  it("answers with the second opinion unless --engine-only, which leaves the engine's choice", async () => {
    const question = "the name on my account is wrong on the port";
    const withOpinion = await runCli(["ask", "--json", question], { env: {} });
    expect(AskJson.parse(JSON.parse(withOpinion.out))).toMatchObject({ status: "answered", answer: { id: "rejection-for-mismatch-information" } });
    const alone = await runCli(["ask", "--json", "--engine-only", question], { env: {} });
    const choice = AskJson.parse(JSON.parse(alone.out));
    expect([choice.status, choice.alternatives[0]?.id]).toEqual(["clarify", "rejection-for-mismatch-information"]);
    const off = await runCli(["ask", "--json", question], { env: { SECOND_OPINION: "off" } });
    expect(JSON.parse(off.out)).toEqual(JSON.parse(alone.out));
  });

  it("prints the answer for a terminal: title, plain-text body, source and last update", async () => {
    const { code, out } = await ask(["wat", "is", "a", "foc"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("FOC (Firm Order Confirmation)");
    expect(out).toContain("FOC is the date the port completes. See how long a port takes (https://wiki.example.test/article/Porting_FAQ#duration).");
    expect(out).not.toContain("**");
    expect(out).toContain("Source: https://wiki.example.test/article/Porting_FAQ#foc");
    expect(out).toContain("Last updated: 2024-06-01");
  });

  it("--copy prints an answer as text to paste into a ticket: no title, no blank line, the source link last", async () => {
    const { code, out } = await ask(["--copy", "wat", "is", "a", "foc"]);
    expect(code).toBe(EXIT.ok);
    expect(out.trim()).toBe(
      "FOC is the date the port completes. See how long a port takes (https://wiki.example.test/article/Porting_FAQ#duration).\n" +
        `Source: Porting FAQ, "How long does the port process take?": https://wiki.example.test/article/Porting_FAQ#foc`,
    );
  });

  it("says so when the question is not about porting, with the topics and the porting department's address", async () => {
    const { code, out } = await ask(["what is the weather today"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("I can't answer that");
    expect(out).toContain("Porting FAQ  (https://wiki.example.test/article/Porting_FAQ)");
    expect(out).toContain("ports@example.test");
  });

  it("--json prints one object exactly per the AskJson contract, and nothing of the question's identifiers", async () => {
    const { code, out } = await ask(["--json", "how much to transfer 514-555-1234"]);
    expect(code).toBe(EXIT.ok);
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(AskJson.strict().parse(json).answer?.id).toBe("cost");
    expect(out).not.toContain("514");
  });

  it("--audience agent shows archived entries with their label; customers never get them", async () => {
    const agent = JSON.parse((await ask(["--json", "--audience", "agent", "what is a nasc procedure"])).out);
    expect(agent.answer.title).toMatch(/^\(archived/);
    const customer = JSON.parse((await ask(["--json", "what is a nasc procedure"])).out);
    expect(customer.answer?.id).not.toBe("nasc-until-2019");
  });

  it("--jsonl answers every line, the empty one and a 10 000-character one included, and prints nothing else", async () => {
    const long = "how long ".repeat(1112).slice(0, 10_000);
    const input = ["how long does a port take", "", long, "🙂", "what is a FOC"].join("\n") + "\n";
    const { code, out, err } = await ask(["--jsonl"], input);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe("");
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    const results = lines.map((l) => AskJson.strict().parse(JSON.parse(l)));
    expect(results[0]!.answer?.id).toBe("duration");
    expect(results[1]!.status).toBe("fallback");
    expect(results[3]!.status).toBe("fallback");
    expect(results[4]!.answer?.id).toBe("foc");
  });

  it("rejects bad usage with exit code 2 and says why", async () => {
    for (const args of [[], ["--json", "--jsonl"], ["--jsonl", "a question"], ["--audience", "boss", "x"], ["--verbose", "x"], ["  "]]) {
      const { code, err, out } = await ask(args);
      expect(code).toBe(EXIT.usage);
      expect(err).toMatch(/^porting-bot ask: /);
      expect(out).toBe("");
    }
  });
});
