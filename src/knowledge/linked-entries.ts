import type { Article, Entry, KnowledgeBase } from "./schema.js";

/** What a message's links to the wiki point at, and the message without them. */
export interface LinkedPages {
  /** The entries whose source section a link names, without the members of another entry's answer group. */
  entries: Entry[];
  /** The articles a link names, with or without a section. */
  articles: Article[];
  /** The message with its links taken out. */
  rest: string;
}

const LINK = /\bhttps?:\/\/[^\s<>"]+/giu;

/**
 * A wiki address as comparable text: scheme and trailing punctuation dropped, path lowercased, and the section
 * anchor decoded whichever way it was copied (MediaWiki's ".3F" escapes, percent escapes, or the characters as typed).
 */
function pageKey(url: string): { page: string; section: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/[).,;:!'"\]]+$/u, ""));
  } catch {
    return undefined;
  }
  const decode = (text: string) => {
    const dotted = text.replace(/\.([0-9A-F]{2})/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    try {
      return decodeURIComponent(dotted);
    } catch {
      return dotted;
    }
  };
  const title = parsed.searchParams.get("title");
  const path = title ? `/article/${title}` : parsed.pathname.replace(/\/+$/u, "");
  return {
    page: `${parsed.hostname.replace(/^www\./u, "")}${decode(path)}`.replace(/ /gu, "_").toLowerCase(),
    section: decode(parsed.hash.replace(/^#/u, "")).replace(/ /gu, "_").toLowerCase(),
  };
}

/**
 * The wiki pages a message links to ("https://wiki.voip.ms/article/Port_Rejection#Where_to_send_my_Documentation.3F"),
 * as the knowledge's entries and articles; undefined when it links to none of them.
 */
export function linkedPages(kb: KnowledgeBase, text: string): LinkedPages | undefined {
  const links = [...text.matchAll(LINK)].map((m) => pageKey(m[0])).filter((key) => key !== undefined);
  if (links.length === 0) return undefined;
  const members = new Set(kb.entries.flatMap((e) => e.same_question_as));
  const same = (a: { page: string; section: string }, b: { page: string; section: string } | undefined) => b !== undefined && a.page === b.page && a.section === b.section;
  const linked = kb.entries.filter((e) => !members.has(e.id) && links.some((link) => link.section !== "" && same(link, pageKey(e.source.url))));
  // A section several entries come from (the acronyms, each term an entry) is first the section's own entry.
  const own = linked.filter((e) => e.title === e.source.section);
  const entries = own.length > 0 ? own : linked;
  const articles = kb.articles.filter((a) => links.some((link) => link.page === pageKey(a.url)?.page));
  if (entries.length === 0 && articles.length === 0) return undefined;
  return { entries, articles, rest: text.replace(LINK, " ").replace(/\s+/gu, " ").trim() };
}
