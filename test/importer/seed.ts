import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed, type Revision } from "../../src/importer/feed.js";
import { splitArticle } from "../../src/importer/sections.js";
import { projectRoot } from "../../src/paths.js";

/** The source feed every developer has at ../shared (see the shared README). */
export const SEED_FEED = join(projectRoot(), "..", "shared", "seed", "000_601e8a33321c1127.txt");

let cached: Revision[] | undefined;
export function seedRevisions(): Revision[] {
  return (cached ??= parseFeed(readFileSync(SEED_FEED, "utf8")));
}

export function newest(article: string): Revision {
  return seedRevisions().filter((r) => r.article === article).at(-1)!;
}

/** The wikitext of one section of an article's newest revision. */
export function sectionText(article: string, heading: string | null): string {
  const found = splitArticle(newest(article).wikitext).sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section '${heading}' in the newest '${article}'`);
  return found.wikitext;
}
