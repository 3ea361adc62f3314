import { XMLParser } from "fast-xml-parser";
import { z } from "zod";

/** One wiki revision of one article, decoded from the feed. */
export interface Revision {
  article: string;
  timestamp: string;
  wikitext: string;
}

const FeedEntry = z.object({
  title: z.string().min(1),
  updated: z.iso.datetime(),
  summary: z.union([z.string(), z.object({ "#text": z.string() }).loose()]),
});

const FeedDocument = z.object({
  feed: z.object({ entry: z.preprocess((v) => (Array.isArray(v) || v === undefined ? v : [v]), z.array(FeedEntry).min(1)) }).loose(),
});

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes HTML character references (named ones in ENTITIES, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * A summary (already XML-unescaped) is `<p>edit comment</p><hr /><div>WIKITEXT</div>`,
 * where WIKITEXT is HTML-escaped and its lines end with `<br />`.
 */
export function summaryWikitext(summary: string): string {
  const start = summary.indexOf("<div>");
  const end = summary.lastIndexOf("</div>");
  if (start < 0 || end < start) throw new Error("feed summary has no <div> holding the wikitext");
  const html = summary.slice(start + "<div>".length, end).replace(/\r?\n/g, "").replace(/<br \/>/g, "\n");
  return decodeEntities(html).replace(/\u00a0/g, " ").replace(/[ \t]+$/gm, "");
}

/** Parses the Atom feed into revisions, oldest first (ties keep feed order reversed). */
export function parseFeed(xml: string): Revision[] {
  const parser = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: false });
  const parsed = FeedDocument.safeParse(parser.parse(xml));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`not a wiki revision feed: ${issue.path.join(".") || "(document)"}: ${issue.message}`);
  }
  const revisions = parsed.data.feed.entry.map((entry) => ({
    article: entry.title.trim(),
    timestamp: entry.updated,
    wikitext: summaryWikitext(typeof entry.summary === "string" ? entry.summary : entry.summary["#text"]),
  }));
  return revisions.reverse().sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
