import type { KnowledgeBase } from "../knowledge/schema.js";

/**
 * Knowledge bodies are Markdown with links between entries written `[text](kb:<id>)`.
 * These functions turn a body into what a channel shows: Markdown with real URLs, plain text, or Slack mrkdwn.
 */
export type ResolveLink = (id: string) => { title: string; url: string } | undefined;

/** `kb:<id>` resolves to that entry's title and wiki section. */
export function resolveKbLink(kb: Pick<KnowledgeBase, "byId">): ResolveLink {
  return (id) => {
    const entry = kb.byId.get(id);
    return entry ? { title: entry.title, url: entry.source.url } : undefined;
  };
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const KB_PREFIX = "kb:";

/** `[text](kb:id)` -> `[text](wiki url of that entry)`; unknown ids keep their text only. */
export function linkKbReferences(markdown: string, resolve: ResolveLink): string {
  return markdown.replace(LINK, (whole, text: string, target: string) => {
    if (!target.startsWith(KB_PREFIX)) return whole;
    const found = resolve(target.slice(KB_PREFIX.length));
    return found ? `[${text}](${found.url})` : text;
  });
}

function isTableSeparator(line: string): boolean {
  return /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line.trim());
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** Rewrites Markdown tables as one line per row ("a: b, c"), which every channel can show. */
function flattenTables(markdown: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.trim().startsWith("|") && next !== undefined && isTableSeparator(next)) {
      const header = tableCells(line);
      i += 1;
      while (i + 1 < lines.length && lines[i + 1]!.trim().startsWith("|")) {
        i += 1;
        const cells = tableCells(lines[i]!);
        out.push(`- ${cells.map((cell, c) => (header[c] ? `${header[c]}: ${cell}` : cell)).join(", ")}`);
      }
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

function transformInline(markdown: string, format: { bold: (s: string) => string; italic: (s: string) => string; link: (text: string, url: string) => string }): string {
  return markdown
    .replace(LINK, (_whole, text: string, url: string) => format.link(text, url))
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?![\w*])/g, (_w, before: string, s: string) => `${before}${format.italic(s)}`)
    .replace(/(^|[^\w])_([^_\n]+)_(?!\w)/g, (_w, before: string, s: string) => `${before}${format.italic(s)}`)
    // Bold last: Slack's bold is a single asterisk, which the italic rule would otherwise take.
    .replace(/\*\*([^*\n]+)\*\*/g, (_w, s: string) => format.bold(s));
}

function blockLines(markdown: string, bullet: string): string {
  return flattenTables(markdown)
    .split("\n")
    .map((line) => line.replace(/^#{1,6}\s+/, "").replace(/^(\s*)[-*+]\s+/, `$1${bullet} `).replace(/^>\s?/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|])/g;

/** Backslash-escaped characters ("enter \\*#06#") are text, not markup: hidden from the inline rules, then shown bare. */
function withEscapesAsText(markdown: string, render: (text: string) => string): string {
  const escaped: string[] = [];
  const hidden = markdown.replace(ESCAPED, (_w, char: string) => `\u0001${escaped.push(char) - 1}\u0001`);
  return render(hidden).replace(/\u0001(\d+)\u0001/g, (_w, i: string) => escaped[Number(i)]!);
}

export function toPlainText(markdown: string, resolve: ResolveLink): string {
  const linked = linkKbReferences(markdown, resolve);
  return withEscapesAsText(linked, (text) =>
    transformInline(blockLines(text, "-"), {
      bold: (s) => s,
      italic: (s) => s,
      link: (label, url) => (label === url || url.startsWith("mailto:") ? label : `${label} (${url})`),
    }),
  );
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function toSlackMrkdwn(markdown: string, resolve: ResolveLink): string {
  const linked = linkKbReferences(markdown, resolve);
  return withEscapesAsText(linked, (text) => {
    const links: string[] = [];
    const withTokens = text.replace(LINK, (_w, label: string, url: string) => {
      links.push(`<${url}|${escapeSlack(label)}>`);
      return `\u0000${links.length - 1}\u0000`;
    });
    const formatted = transformInline(blockLines(escapeSlack(withTokens), "•"), {
      bold: (s) => `*${s}*`,
      italic: (s) => `_${s}_`,
      link: (label) => label,
    });
    return formatted.replace(/\u0000(\d+)\u0000/g, (_w, i: string) => links[Number(i)]!);
  });
}
