import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimate } from "../../src/estimate/estimate.js";
import { parseEstimateInput } from "../../src/estimate/input.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

const COST_ENTRY = join("porting-faq", "how-much-does-it-cost-to-port-a-number.md");
const ORDER = parseEstimateInput({ numbers: { fax: 3, "toll-free": 2 }, country: "US", submitted: "2026-12-22" });

let copy: string;
beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "estimate-kb-"));
  await cp(knowledgeDir({}), copy, { recursive: true });
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe("editing the knowledge base changes the estimate, with no code change", () => {
  it("a new fax fee in the Markdown is the fee the estimate charges", async () => {
    const before = estimate(await loadKnowledgeBase(copy), ORDER);
    const faxBefore = before.fees.lines.find((l) => l.kind === "fax")!;

    const file = join(copy, COST_ENTRY);
    const text = await readFile(file, "utf8");
    const edited = text.replace(/(- id: port-fax\n(?: {4}.*\n)*? {4}amount: )\d+(?:\.\d+)?/, "$119.5");
    expect(edited).not.toBe(text);
    await writeFile(file, edited);

    const after = estimate(await loadKnowledgeBase(copy), ORDER);
    const faxAfter = after.fees.lines.find((l) => l.kind === "fax")!;
    expect(faxBefore.unitAmount).not.toBe(19.5);
    expect(faxAfter).toMatchObject({ unitAmount: 19.5, quantity: 3, amount: 58.5 });
    expect(after.fees.total.amount - before.fees.total.amount).toBeCloseTo(58.5 - faxBefore.amount!);
  });
});
