import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeBaseError, loadKnowledgeBase } from "../../src/knowledge/loader.js";

const VALID = join(import.meta.dirname, "..", "fixtures", "kb", "valid");
const COST = "porting-faq/how-much-does-it-cost-to-port-a-number.md";
const DURATION = "porting-faq/how-long-does-the-port-process-take.md";
const temps: string[] = [];

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The valid fixture with extra frontmatter lines inserted after each named file's `id:` line. */
async function kbWithFrontmatter(lines: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kb-groups-"));
  temps.push(dir);
  await cp(VALID, dir, { recursive: true });
  for (const [file, extra] of Object.entries(lines)) {
    const path = join(dir, file);
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace(/^(id: .*)$/m, `$1\n${extra}`));
  }
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadKnowledgeBase(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).problems;
  }
  throw new Error("the load should have failed, but it returned a knowledge base");
}

describe("answer groups in the knowledge base", () => {
  it("loads a group whose main entry lists the others among its related entries", async () => {
    const dir = await kbWithFrontmatter({ [COST]: "same_question_as: [how-long-does-the-port-process-take]\nrelated: [how-long-does-the-port-process-take]" });
    const kb = await loadKnowledgeBase(dir);
    expect(kb.byId.get("how-much-does-it-cost-to-port-a-number")?.same_question_as).toEqual(["how-long-does-the-port-process-take"]);
    expect(kb.byId.get("how-long-does-the-port-process-take")?.same_question_as).toEqual([]);
  });

  it("rejects an unknown id, naming the file and the field", async () => {
    const problems = await problemsOf(await kbWithFrontmatter({ [COST]: "same_question_as: [no-such-entry]" }));
    expect(problems).toContain(`${COST}: same_question_as.0: no entry has id 'no-such-entry'`);
  });

  it("rejects an entry in two groups", async () => {
    const problems = await problemsOf(
      await kbWithFrontmatter({ [COST]: "same_question_as: [how-long-does-the-port-process-take]", [DURATION]: "same_question_as: [how-much-does-it-cost-to-port-a-number]" }),
    );
    expect(problems.some((p) => p.includes("same_question_as.0") && p.includes("is already in the answer group of"))).toBe(true);
  });

  it("rejects an entry naming itself, and a member the main entry does not show as related", async () => {
    const problems = await problemsOf(
      await kbWithFrontmatter({ [COST]: "same_question_as: [how-much-does-it-cost-to-port-a-number, how-long-does-the-port-process-take]" }),
    );
    expect(problems).toContain(`${COST}: same_question_as.0: an entry cannot be in its own group twice`);
    expect(problems).toContain(`${COST}: same_question_as.1: 'how-long-does-the-port-process-take' must also be in related, so the answer shows it`);
  });
});
