import { inline, knowledgeTokens, tableCells, type InlineStyle, type ResolveLink, type Token, type Tokens } from "./tokens.js";

/**
 * HTML for the web chat page. It is sanitised by construction: every piece of text is escaped, the only elements are
 * the ones written here, a link's only attributes are its href (http, https or mailto; any other link is its text)
 * and rel/target, and raw HTML in the knowledge shows as the characters it is written with.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

const HTML_STYLE: InlineStyle = {
  text: escapeHtml,
  strong: (inner) => `<strong>${inner}</strong>`,
  em: (inner) => `<em>${inner}</em>`,
  del: (inner) => `<del>${inner}</del>`,
  code: (text) => `<code>${escapeHtml(text)}</code>`,
  link: (inner, href) => (SAFE_LINK.test(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${inner}</a>` : inner),
  br: () => "<br>",
};

/** The answer's title is the page's heading for it, so the body's headings sit below it. */
const headingLevel = (depth: number) => Math.min(depth + 2, 6);

function table(token: Tokens.Table): string {
  const { header, rows } = tableCells(token, HTML_STYLE);
  const row = (cells: string[], tag: "th" | "td") => `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${row(header, "th")}</thead><tbody>${rows.map((cells) => row(cells, "td")).join("")}</tbody></table>`;
}

function list(token: Tokens.List): string {
  const tag = token.ordered ? "ol" : "ul";
  const start = token.ordered && typeof token.start === "number" && token.start !== 1 ? ` start="${token.start}"` : "";
  const items = token.items.map((item) => `<li>${blocks(item.tokens, !item.loose)}</li>`).join("");
  return `<${tag}${start}>${items}</${tag}>`;
}

/** `tight`: the blocks of a tight list item, whose text is not wrapped in paragraphs. */
function block(token: Token, tight: boolean): string {
  switch (token.type) {
    case "paragraph":
      return tight ? inline(token.tokens, HTML_STYLE) : `<p>${inline(token.tokens, HTML_STYLE)}</p>`;
    case "text": {
      const text = token.tokens ? inline(token.tokens, HTML_STYLE) : escapeHtml(token.text);
      return tight ? text : `<p>${text}</p>`;
    }
    case "heading": {
      const level = headingLevel(token.depth);
      return `<h${level}>${inline(token.tokens, HTML_STYLE)}</h${level}>`;
    }
    case "list":
      return list(token as Tokens.List);
    case "blockquote":
      return `<blockquote>${blocks(token.tokens ?? [], false)}</blockquote>`;
    case "table":
      return table(token as Tokens.Table);
    case "code":
      return `<pre><code>${escapeHtml(token.text)}</code></pre>`;
    case "hr":
      return "<hr>";
    case "html":
      return `<p>${escapeHtml(token.text.trim())}</p>`;
    case "space":
    case "def":
      return "";
    default:
      return `<p>${escapeHtml(token.raw.trim())}</p>`;
  }
}

function blocks(tokens: Token[], tight: boolean): string {
  return tokens
    .map((token) => block(token, tight))
    .filter(Boolean)
    .join("\n");
}

export function htmlOf(tokens: Token[]): string {
  return blocks(tokens, false);
}

export function toHtml(markdown: string, resolve: ResolveLink): string {
  return htmlOf(knowledgeTokens(markdown, resolve));
}
