import { decodeEntities } from "./feed.js";

/** Where an internal link `[[Page#anchor|text]]` points: a `kb:<id>` link or a wiki URL. */
export type WikiLinkResolver = (page: string, anchor: string | undefined) => string;

const URL_SCHEMES = "(?:https?|ftp|mailto):";
const IMAGE_OPTION = /^(?:thumb|thumbnail|frame|frameless|border|none|left|right|center|upright(?:=.*)?|\d*x?\d+px|(?:alt|link|page|class|lang)=.*)$/i;

/** The caption of `[[File:x.png|thumb|none|600px|Caption]]`, or "" when it has none. */
function imageCaption(params: string[]): string {
  const caption = params.slice(1).filter((p) => !IMAGE_OPTION.test(p.trim()));
  return caption.length ? caption[caption.length - 1]!.trim() : "";
}

function quotesToMarkdown(text: string): string {
  return text
    .replace(/'''''(.+?)'''''/g, (_, inner: string) => wrap("***", inner))
    .replace(/'''(.+?)'''/g, (_, inner: string) => wrap("**", inner))
    .replace(/''(.+?)''/g, (_, inner: string) => wrap("*", inner))
    .replace(/'{2,}/g, "");
}

function wrap(marker: string, inner: string): string {
  const trimmed = inner.trim();
  if (!trimmed) return inner;
  const lead = inner.startsWith(" ") ? " " : "";
  const tail = inner.endsWith(" ") ? " " : "";
  return `${lead}${marker}${trimmed}${marker}${tail}`;
}

/** Converts one line of wikitext (no block markup) to Markdown. */
export function inlineToMarkdown(line: string, resolve: WikiLinkResolver): string {
  const kept: string[] = [];
  const keep = (markdown: string) => `\u0000${kept.push(markdown) - 1}\u0000`;
  let text = line
    .replace(/<br\s*\/?>\s*$/i, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\[\[([^\]]*)\]\]/g, (_, inner: string) => {
      const params = inner.split("|");
      const target = params[0]!.trim();
      const namespace = /^:?([a-z]+)\s*:/i.exec(target)?.[1]?.toLowerCase();
      if (namespace === "category") return "";
      if (namespace === "file" || namespace === "image") {
        const caption = imageCaption(params);
        return caption ? keep(plainInline(caption)) : "";
      }
      const [page, anchor] = target.split("#", 2) as [string, string | undefined];
      const label = plainInline(params.length > 1 ? params.slice(1).join("|") : target.replace(/_/g, " "));
      return keep(`[${label}](${resolve(page, anchor?.trim() || undefined)})`);
    })
    .replace(new RegExp(`\\[(${URL_SCHEMES}[^\\s\\]]+)(?:\\s+([^\\]]*))?\\]`, "gi"), (_, url: string, label?: string) =>
      label?.trim() ? keep(`[${plainInline(label)}](${url})`) : keep(`<${url}>`),
    )
    .replace(new RegExp(`${URL_SCHEMES}//[^\\s<>\\]]*[^\\s<>\\].,;:!?)]`, "gi"), (url) => keep(`<${url}>`))
    .replace(/<\/?[a-z][^>]*>/gi, "");
  text = decodeEntities(text).replace(/[\u00a0 \t]+/g, " ");
  text = text.replace(/([*`])/g, "\\$1");
  text = quotesToMarkdown(text);
  return text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
}

/** Plain text of inline wikitext: heading text, link labels. */
export function plainInline(text: string): string {
  return decodeEntities(
    text
      .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, "$1")
      .replace(new RegExp(`\\[${URL_SCHEMES}[^\\s\\]]+\\s+([^\\]]*)\\]`, "gi"), "$1")
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/<\/?[a-z][^>]*>/gi, "")
      .replace(/'{2,}/g, ""),
  )
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Each table, heading, rule and definition is a block of its own; consecutive text or list lines share one. */
type Block = { kind: "text" | "list" | "table" | "rule" | "heading" | "definition"; lines: string[] };

function splitCells(line: string, separators: RegExp): string[] {
  return line.split(separators).map((cell) => {
    const attr = /^\s*[a-z-]+\s*=\s*("[^"]*"|\S+)(?:\s+[a-z-]+\s*=\s*("[^"]*"|\S+))*\s*\|(?!\|)/i.exec(cell);
    return (attr ? cell.slice(attr[0].length) : cell).trim();
  });
}

function tableToMarkdown(lines: string[], resolve: WikiLinkResolver): string[] {
  const rows: string[][] = [];
  const caption: string[] = [];
  let row: string[] | null = null;
  for (const raw of lines.slice(1, -1)) {
    const line = raw.trim();
    if (line.startsWith("|+")) {
      if (line.slice(2).trim()) caption.push(inlineToMarkdown(line.slice(2).trim(), resolve));
    } else if (line.startsWith("|-")) {
      row = null;
    } else if (line.startsWith("!") || line.startsWith("|")) {
      if (!row) rows.push((row = []));
      const cells = line.startsWith("!") ? splitCells(line.slice(1), /!!|\|\|/) : splitCells(line.slice(1), /\|\|/);
      row.push(...cells.map((cell) => inlineToMarkdown(cell, resolve).replace(/\|/g, "\\|").replace(/\n/g, " ")));
    } else if (row && line) {
      row[row.length - 1] += ` ${inlineToMarkdown(line, resolve)}`;
    }
  }
  if (rows.length === 0) return caption;
  const width = Math.max(...rows.map((r) => r.length));
  const format = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  return [...caption, ...(caption.length ? [""] : []), format(rows[0]!), format(Array(width).fill("---")), ...rows.slice(1).map(format)];
}

function listItem(prefix: string, content: string, resolve: WikiLinkResolver): string {
  const markers = prefix.replace(/[:;]/g, "");
  const depth = Math.max(markers.length, 1);
  const bullet = markers.endsWith("#") ? "1." : "-";
  return `${"  ".repeat(depth - 1)}${bullet} ${inlineToMarkdown(content.trim(), resolve)}`;
}

/**
 * Where the term of a definition line `;term : definition` ends: the first colon outside
 * links, tags and URLs ("http://"), with or without spaces around it; -1 when there is none.
 */
function definitionColon(content: string): number {
  let depth = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (c === "[" || c === "<") depth++;
    else if ((c === "]" || c === ">") && depth > 0) depth--;
    else if (c === ":" && depth === 0 && !content.startsWith("//", i + 1)) return i;
  }
  return -1;
}

/** Converts a section's wikitext to Markdown; no wiki markup survives. */
export function wikitextToMarkdown(wikitext: string, resolve: WikiLinkResolver): string {
  const blocks: Block[] = [];
  const push = (kind: Block["kind"], line: string) => {
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind && (kind === "text" || kind === "list")) last.lines.push(line);
    else blocks.push({ kind, lines: [line] });
  };
  const lines = wikitext.replace(/\[\[\s*category\s*:[^\]]*\]\]/gi, "").replace(/__[A-Z]+__/g, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*\{\|/.test(line)) {
      const table = [line];
      while (i + 1 < lines.length && !/^\s*\|\}/.test(lines[i]!)) table.push(lines[++i]!);
      blocks.push({ kind: "table", lines: tableToMarkdown(table, resolve) });
      continue;
    }
    if (!line.trim()) {
      blocks.push({ kind: "text", lines: [] });
      continue;
    }
    const heading = /^(={2,6})\s*(.+?)\s*\1\s*$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", lines: [`${"#".repeat(heading[1]!.length)} ${plainInline(heading[2]!)}`] });
      continue;
    }
    if (/^-{4,}\s*$/.test(line)) {
      blocks.push({ kind: "rule", lines: ["---"] });
      continue;
    }
    const list = /^([*#:;](?:\s*[*#:;])*)\s*(.*)$/.exec(line);
    if (list) {
      const prefix = list[1]!.replace(/\s/g, "");
      const content = list[2]!;
      if (/[*#]/.test(prefix)) push("list", listItem(prefix, content, resolve));
      else if (prefix.startsWith(";")) {
        const colon = definitionColon(content);
        const term = colon < 0 ? content : content.slice(0, colon);
        let definition = colon < 0 ? "" : content.slice(colon + 1).trim();
        const next = /^:+\s*(.*)$/.exec(lines[i + 1] ?? "");
        if (!definition && next) {
          definition = next[1]!.trim();
          i++;
        }
        blocks.push({ kind: "definition", lines: [`**${plainInline(term)}**${definition ? `: ${inlineToMarkdown(definition, resolve)}` : ""}`] });
      } else push("text", inlineToMarkdown(content, resolve));
      continue;
    }
    // A line starting with a space is preformatted in wikitext; the articles use it for emphasis only.
    const text = /^\s/.test(line) ? line.trim().replace(/^\*(.*)\*$/, "$1") : line;
    push("text", inlineToMarkdown(text, resolve));
  }
  return blocks
    .map((block) => block.lines.join("\n").replace(/[ \t]+$/gm, "").trim())
    .filter((text) => text.length > 0)
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** External links of a Markdown body, in order of first appearance. */
export function externalLinks(markdown: string): { text: string; url: string }[] {
  const links = new Map<string, string>();
  for (const match of markdown.matchAll(/\[([^\]]+)\]\(((?:https?|mailto):[^)\s]+)\)|<((?:https?|mailto):[^>\s]+)>/g)) {
    const url = match[2] ?? match[3]!;
    if (!links.has(url)) links.set(url, (match[1] ?? url).replace(/\\([*`])/g, "$1").replace(/\*+/g, ""));
  }
  return [...links].map(([url, text]) => ({ text, url }));
}
