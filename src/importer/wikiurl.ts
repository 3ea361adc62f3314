/** URLs of the wiki the feed comes from (MediaWiki 1.16). */
export const WIKI_BASE = "https://wiki.voip.ms/article/";

/** MediaWiki page title as written in a link target: underscores are spaces, first letter upper-case. */
export function normalizeTitle(target: string): string {
  const title = target.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function articleUrl(title: string): string {
  const path = encodeURIComponent(normalizeTitle(title).replace(/ /g, "_")).replace(/%3A/g, ":").replace(/%2F/g, "/");
  return `${WIKI_BASE}${path}`;
}

/**
 * The id MediaWiki 1.16 gives a heading (Sanitizer::escapeId): spaces become underscores, then
 * every byte outside [A-Za-z0-9_.-] is percent-encoded with '.' in place of '%', except ':'.
 */
export function headingAnchor(heading: string): string {
  const bytes = new TextEncoder().encode(heading.trim().replace(/\s+/g, "_"));
  let anchor = "";
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-:]/.test(char)) anchor += char;
    else anchor += `.${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return anchor;
}

export function sectionUrl(article: string, heading: string | null): string {
  return heading === null ? articleUrl(article) : `${articleUrl(article)}#${headingAnchor(heading)}`;
}
