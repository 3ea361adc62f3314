import { describe, expect, it } from "vitest";
import { parseFeed, summaryWikitext } from "../../src/importer/feed.js";
import { newest, seedRevisions } from "./seed.js";

describe("parseFeed on the seed", () => {
  it("reads all 51 revisions of the three articles, oldest first", () => {
    const revisions = seedRevisions();
    expect(revisions).toHaveLength(51);
    const count = (article: string) => revisions.filter((r) => r.article === article).length;
    expect([count("Porting FAQ"), count("Port Rejection"), count("Porting a Number")]).toEqual([34, 12, 5]);
    const times = revisions.map((r) => r.timestamp);
    expect(times).toEqual([...times].sort());
  });

  it("takes the newest revision of each article as current", () => {
    expect(newest("Porting FAQ").timestamp).toBe("2025-08-18T21:46:12Z");
    expect(newest("Port Rejection").timestamp).toBe("2022-07-19T16:00:39Z");
    expect(newest("Porting a Number").timestamp).toBe("2020-04-13T18:29:31Z");
  });

  it("decodes the HTML-escaped summary into wikitext with plain line ends", () => {
    const faq = newest("Porting FAQ").wikitext;
    expect(faq.startsWith('{| class="wikitable"\n|+\n')).toBe(true);
    expect(faq).not.toMatch(/<br \/>|&quot;|&lt;|&amp;|<div>|<\/div>|Brian: \/\*/);
    expect(faq).toContain("US48 for local and toll-free numbers. <br/>\nFax numbers");
  });

  it("keeps a first heading that is glued to the <div>", () => {
    expect(newest("Porting a Number").wikitext.startsWith("== Tutorial Video ==\n")).toBe(true);
  });

  it("decodes character references of the wikitext itself", () => {
    const old = seedRevisions().find((r) => r.article === "Porting a Number")!.wikitext;
    expect(old).toContain("Canada & United States");
  });
});

describe("parseFeed on bad input", () => {
  it("rejects a document that is not a revision feed, saying what is missing", () => {
    expect(() => parseFeed("<html><body>hello</body></html>")).toThrow(/not a wiki revision feed: feed/);
  });

  it("rejects an entry without a timestamp", () => {
    const xml = `<feed><entry><title>Porting FAQ</title><summary>&lt;div&gt;text&lt;/div&gt;</summary></entry></feed>`;
    expect(() => parseFeed(xml)).toThrow(/feed\.entry\.0\.updated/);
  });

  it("rejects a summary without the wikitext block", () => {
    expect(() => summaryWikitext("<p>comment only</p>")).toThrow(/no <div>/);
  });
});
