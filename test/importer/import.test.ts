import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { FeedError, importFeed, planImport, type ExistingFile } from "../../src/importer/import.js";
import { splitArticle } from "../../src/importer/sections.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { readEntryFile } from "../../src/knowledge/entry-file.js";
import { knowledgeDir } from "../../src/paths.js";
import type { Revision } from "../../src/importer/feed.js";
import { SEED_FEED, newest, seedRevisions } from "./seed.js";

const ARTICLES = ["Porting FAQ", "Port Rejection", "Porting a Number"];
const temps: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kb-import-"));
  temps.push(dir);
  return dir;
}

async function filesIn(root: string, dir = root): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) for (const [k, v] of await filesIn(root, path)) found.set(k, v);
    else found.set(relative(root, path), await readFile(path, "utf8"));
  }
  return found;
}

const asExisting = (files: Map<string, string>): ExistingFile[] =>
  [...files].filter(([path]) => path.endsWith(".md") && !path.endsWith("README.md")).map(([path, text]) => ({ path, text }));

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("importing the seed into an empty folder", () => {
  it("produces a valid knowledge base with every newest heading as exactly one current entry", async () => {
    const dir = await tempDir();
    const report = await importFeed(SEED_FEED, dir);
    const kb = await loadKnowledgeBase(dir);
    expect(report.added).toHaveLength(kb.entries.length);
    expect(kb.entries.filter((e) => e.status === "current")).toHaveLength(43 + 15 + 9);
    for (const article of ARTICLES) {
      const current = kb.entries.filter((e) => e.status === "current" && e.source.article === article);
      const headings = splitArticle(newest(article).wikitext).sections.map((s) => s.heading);
      expect(current.map((e) => e.source.section).sort()).toEqual([...headings].sort());
      for (const e of current) {
        expect(e.source.revision).toBe(newest(article).timestamp);
        expect(e.source.removed).toBeUndefined();
        expect(e.audience).toEqual(["customer", "agent"]);
        expect(e.file.startsWith(`${article.toLowerCase().replace(/ /g, "-")}/`)).toBe(true);
      }
    }
    expect(kb.articles.map((a) => a.title)).toEqual(["Port Rejection", "Porting FAQ", "Porting a Number"]);
    expect(await readFile(join(dir, "vocabulary.yaml"), "utf8")).toBe("synonyms: []\n");
  });

  it("leaves no wiki markup in any body", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const kb = await loadKnowledgeBase(dir);
    for (const entry of kb.entries) {
      for (const markup of ["[[", "]]", "'''", "''", "{|", "|}", "__TOC__", "<br", "&quot;", "&amp;", "==", "File:"]) {
        expect(entry.body, `${entry.file} still holds ${markup}`).not.toContain(markup);
      }
      expect(entry.body.trim().length).toBeGreaterThan(0);
    }
  });

  it("guesses each entry's type and uses short, readable, unique ids", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const kb = await loadKnowledgeBase(dir);
    const byId = (id: string) => kb.byId.get(id)!;
    expect(byId("port-rejection-overview")).toMatchObject({ type: "overview", source: { section: null, url: "https://wiki.voip.ms/article/Port_Rejection" } });
    expect(byId("incorrect-billing-telephone-number-btn")).toMatchObject({ type: "rejection", source: { section: "Incorrect Billing Telephone Number (BTN)" } });
    expect(byId("how-much-does-it-cost-to-port-a-number")).toMatchObject({
      type: "faq",
      source: { url: "https://wiki.voip.ms/article/Porting_FAQ#How_much_does_it_cost_to_Port_a_Number_to_VoIP.ms.3F" },
    });
    expect(byId("port-rejection")).toMatchObject({ type: "guide", source: { article: "Port Rejection", section: "Port Rejection" } });
    expect(byId("porting-a-number-port-rejection")).toMatchObject({ type: "guide", source: { article: "Porting a Number", section: "Port Rejection" } });
    for (const e of kb.entries) expect(e.id.length, e.id).toBeLessThanOrEqual(58);
  });

  it("links internal wiki links to the entry they name and lists external links", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const kb = await loadKnowledgeBase(dir);
    expect(kb.byId.get("porting-a-number-port-rejection")!.body).toContain("[Port Rejection](kb:port-rejection-overview)");
    expect(kb.byId.get("how-to-port-my-google-voice-number-to-voip")!.links).toEqual([
      { text: "Number Portability", url: "https://www.voip.ms/portability.php" },
      { text: "Unlock your Google Voice Number", url: "https://support.google.com/voice/answer/1316844?hl=en" },
    ]);
  });

  it("keeps archived entries for agents only, clearly labelled, with the date they were removed", async () => {
    const dir = await tempDir();
    const report = await importFeed(SEED_FEED, dir);
    const kb = await loadKnowledgeBase(dir);
    const archived = kb.entries.filter((e) => e.status === "archived");
    expect(archived.map((e) => e.id).sort()).toEqual(report.archived.sort());
    expect(archived.map((e) => [e.id, e.source.removed]).sort()).toEqual([
      ["check-availability-until-2020-04-13", "2020-04-13T13:49:22Z"],
      ["how-can-i-expedite-my-port-request-until-2019-08-27", "2019-08-27T14:08:32Z"],
      ["how-much-does-it-cost-to-port-a-number-until-2020-01-17", "2020-01-17T15:49:24Z"],
      ["i-am-porting-many-numbers-until-2020-05-28", "2020-05-28T15:36:47Z"],
      ["international-port-in-fees-until-2019-01-02", "2019-01-02T19:01:06Z"],
      ["numbers-portable-until-2020-04-13", "2020-04-13T13:49:22Z"],
      ["numbers-portable-until-2020-04-13-1829", "2020-04-13T18:29:31Z"],
      ["what-is-a-nasc-procedure-until-2019-08-27", "2019-08-27T14:02:45Z"],
    ]);
    for (const e of archived) {
      expect(e.audience).toEqual(["agent"]);
      expect(e.title).toMatch(/^\(archived until \d{4}-\d{2}-\d{2}\) /);
      expect(e.body).toMatch(/^> Archived: this text was on the wiki until/);
    }
    expect(kb.byId.get("how-much-does-it-cost-to-port-a-number-until-2020-01-17")!.body).toContain("There is a $8.75 USD one-time fee for porting a number into VoIP.ms service.");
    expect(kb.byId.get("international-port-in-fees-until-2019-01-02")!.body).toContain("- UK Toll Free Numbers $84");
  });

  it("gives renamed sections their history from before the rename", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const hunt = (await loadKnowledgeBase(dir)).byId.get("hunt-members-stranded-services")!;
    expect(hunt.source.first_seen).toBe("2018-07-26T15:33:13Z");
    expect(hunt.source.history.map((h) => [h.event, h.heading])).toEqual([
      ["added", "Hunt Members Stranded"],
      ["renamed", "Hunt Members / Stranded Services"],
    ]);
  });
});

describe("determinism", () => {
  it("gives byte-identical files when importing twice, and a re-import changes nothing", async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await importFeed(SEED_FEED, a);
    await importFeed(SEED_FEED, b);
    const first = await filesIn(a);
    expect(await filesIn(b)).toEqual(first);
    const again = await importFeed(SEED_FEED, a);
    expect(again).toMatchObject({ added: [], changed: [], archived: [], stale: [] });
    expect(again.unchanged).toBe(first.size - 2);
    expect(await filesIn(a)).toEqual(first);
  });

  it("finds the committed knowledge/ up to date with the seed", async () => {
    const existing = asExisting(await filesIn(knowledgeDir({})));
    const plan = planImport(seedRevisions(), existing);
    expect(plan.report.added).toEqual([]);
    expect(plan.report.changed).toEqual([]);
  });
});

describe("re-importing over curated files", () => {
  it("keeps curated frontmatter and comments, refreshes title, source, links and body, and reports the change", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const path = join(dir, "porting-faq", "how-long-does-the-port-process-take.md");
    const original = await readFile(path, "utf8");
    const curated = original
      .replace("questions: []", "questions:\n  - How many days does a transfer take?\n  - When will my number be moved?")
      .replace("tags: []", "tags: [timeline] # set by hand")
      .replace("durations: []", "durations:\n  - id: port-us-ca\n    label: US and Canadian ports\n    event: port\n    typical: 5\n    unit: business-days")
      .replace("type: faq", "type: policy")
      .replace("title: How long does the port process take?", "title: Edited title")
      .replace(/---\n\n[\s\S]*$/, "---\n\nA body edited by hand.\n");
    await writeFile(path, curated);
    const report = await importFeed(SEED_FEED, dir);
    expect(report.changed).toEqual(["how-long-does-the-port-process-take"]);
    expect(report.added).toEqual([]);
    const text = await readFile(path, "utf8");
    expect(text).toContain("tags: [timeline] # set by hand");
    const { data, body } = readEntryFile(text) as { data: Record<string, unknown>; body: string };
    expect(data).toMatchObject({
      id: "how-long-does-the-port-process-take",
      type: "policy",
      title: "How long does the port process take?",
      questions: ["How many days does a transfer take?", "When will my number be moved?"],
      durations: [{ id: "port-us-ca", typical: 5, unit: "business-days" }],
    });
    expect(body).toMatch(/^On average porting requests take from 5 business days/);
    await loadKnowledgeBase(dir);
  });

  it("never touches a curated entry and never takes its id", async () => {
    const dir = await tempDir();
    const glossary = [
      "---",
      "id: what-is-a-resporg",
      "type: glossary",
      "title: RespOrg",
      "origin: curated",
      "glossary: { term: RespOrg, expansion: Responsible Organization }",
      "source:",
      "  article: Porting FAQ",
      "  section: What is a RespOrg?",
      "  url: https://wiki.voip.ms/article/Porting_FAQ#What_is_a_RespOrg.3F",
      "  revision: 2025-08-18T21:46:12Z",
      "  first_seen: 2018-07-26T20:50:02Z",
      "  last_changed: 2022-07-18T16:00:54Z",
      "---",
      "",
      "Hand-written.",
      "",
    ].join("\n");
    await mkdir(join(dir, "glossary"));
    await writeFile(join(dir, "glossary", "what-is-a-resporg.md"), glossary);
    await importFeed(SEED_FEED, dir);
    await importFeed(SEED_FEED, dir);
    expect(await readFile(join(dir, "glossary", "what-is-a-resporg.md"), "utf8")).toBe(glossary);
    const kb = await loadKnowledgeBase(dir);
    expect(kb.entries.find((e) => e.source.section === "What is a RespOrg?" && e.origin === "import")!.id).toBe("porting-faq-what-is-a-resporg");
  });

  it("never takes over a file outside the article folders, even without origin: curated", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const imei = await readFile(join(dir, "porting-faq", "what-is-the-imei.md"), "utf8");
    const glossary = imei.replace("id: what-is-the-imei", "id: imei").replace("type: faq", "type: glossary\nglossary: { term: IMEI, expansion: International Mobile Equipment Identity }").replace(/---\n\n[\s\S]*$/, "---\n\nHand-written.\n");
    await mkdir(join(dir, "glossary"));
    await writeFile(join(dir, "glossary", "imei.md"), glossary);
    const report = await importFeed(SEED_FEED, dir);
    expect(report).toMatchObject({ added: [], changed: [], stale: [] });
    expect(await readFile(join(dir, "glossary", "imei.md"), "utf8")).toBe(glossary);
    expect(await readFile(join(dir, "porting-faq", "what-is-the-imei.md"), "utf8")).toBe(imei);
  });

  it("creates the knowledge folder when it does not exist yet", async () => {
    const dir = join(await tempDir(), "new", "knowledge");
    const report = await importFeed(SEED_FEED, dir);
    expect(report.added.length).toBeGreaterThan(0);
    expect((await loadKnowledgeBase(dir)).entries).toHaveLength(report.added.length);
  });

  it("reports a feed it cannot read or parse as a FeedError naming the problem", async () => {
    const dir = await tempDir();
    await expect(importFeed(join(dir, "missing.xml"), dir)).rejects.toThrow(FeedError);
    await expect(importFeed(join(dir, "missing.xml"), dir)).rejects.toThrow(/cannot read the feed/);
    await writeFile(join(dir, "page.html"), "<html><body>not a feed</body></html>");
    await expect(importFeed(join(dir, "page.html"), dir)).rejects.toThrow(/page\.html: not a wiki revision feed/);
  });

  it("keeps an existing vocabulary.yaml", async () => {
    const dir = await tempDir();
    const vocabulary = "synonyms:\n  - canonical: port\n    variants: [transfer]\n";
    await writeFile(join(dir, "vocabulary.yaml"), vocabulary);
    await importFeed(SEED_FEED, dir);
    expect(await readFile(join(dir, "vocabulary.yaml"), "utf8")).toBe(vocabulary);
  });

  it("refuses to import over a file it cannot read, so no curation is lost", async () => {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    const path = join(dir, "porting-faq", "what-is-the-imei.md");
    await writeFile(path, "---\nid: what-is-the-imei\nquestions: [unclosed\n---\n\nbody\n");
    await expect(importFeed(SEED_FEED, dir)).rejects.toThrow(/porting-faq\/what-is-the-imei\.md: bad YAML/);
  });
});

describe("a newer feed", () => {
  /** The seed plus one newer FAQ revision made by editing the newest one. */
  function withNewerFaq(edit: (wikitext: string) => string): Revision[] {
    const faq = newest("Porting FAQ");
    return [...seedRevisions(), { article: faq.article, timestamp: "2026-01-05T10:00:00Z", wikitext: edit(faq.wikitext) }];
  }

  async function importedSeed(): Promise<ExistingFile[]> {
    const dir = await tempDir();
    await importFeed(SEED_FEED, dir);
    return asExisting(await filesIn(dir));
  }

  it("keeps the id and curation of a renamed section", async () => {
    const existing = (await importedSeed()).map((f) =>
      f.path === "porting-faq/what-is-the-imei.md" ? { ...f, text: f.text.replace("tags: []", "tags:\n  - imei") } : f,
    );
    const plan = planImport(withNewerFaq((w) => w.replace("== What is the IMEI? ==", "== What is an IMEI number? ==")), existing);
    expect(plan.report.added).toEqual([]);
    expect(plan.report.changed.sort()).toEqual(expect.arrayContaining(["what-is-the-imei"]));
    const file = plan.files.find((f) => f.path === "porting-faq/what-is-the-imei.md")!;
    const { data } = readEntryFile(file.text) as { data: { tags: string[]; title: string; source: { section: string; first_seen: string } } };
    expect(data.tags).toEqual(["imei"]);
    expect(data.title).toBe("What is an IMEI number?");
    expect(data.source).toMatchObject({ section: "What is an IMEI number?", first_seen: "2018-07-26T20:50:02Z" });
  });

  it("archives a removed section in its existing file, for agents only, and reports it", async () => {
    const existing = await importedSeed();
    const plan = planImport(
      withNewerFaq((w) => w.replace(/== Pro Bonus Tip ==[\s\S]*?(?=\[\[Category)/, "")),
      existing,
    );
    expect(plan.report.archived).toEqual(["pro-bonus-tip"]);
    const data = parse(plan.files.find((f) => f.path === "porting-faq/pro-bonus-tip.md")!.text.split("---\n")[1]!);
    expect(data).toMatchObject({ status: "archived", audience: ["agent"], source: { removed: "2026-01-05T10:00:00Z" } });
  });
});
