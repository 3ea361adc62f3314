import { Lexer, walkTokens, type Token, type Tokens } from "marked";
import type { KnowledgeBase } from "../knowledge/schema.js";

/**
 * The shared half of rendering: knowledge Markdown is lexed once into marked's tokens, links between entries
 * (`[text](kb:<id>)`) are resolved on the tokens, and each target (plain.ts, slack.ts, html.ts, adaptive-card.ts,
 * agent.ts) walks them with the helpers below. No target reads Markdown syntax itself.
 */

export type { Token, Tokens };

export type ResolveLink = (id: string) => { title: string; url: string } | undefined;

/** `kb:<id>` resolves to that entry's title and wiki section. */
export function resolveKbLink(kb: Pick<KnowledgeBase, "byId">): ResolveLink {
  return (id) => {
    const entry = kb.byId.get(id);
    return entry ? { title: entry.title, url: entry.source.url } : undefined;
  };
}

const KB = "kb:";

/**
 * GitHub-flavoured Markdown with every line break kept: the wiki broke its lines with <br>, and the knowledge's source
 * lines are meant as lines.
 */
export function lexMarkdown(markdown: string): Token[] {
  return new Lexer({ gfm: true, breaks: true }).lex(markdown);
}

/** The entry ids that a body's `kb:` links name, in order. */
export function kbLinkIds(markdown: string): string[] {
  const ids: string[] = [];
  walkTokens(lexMarkdown(markdown), (token) => {
    if (token.type === "link" && token.href.startsWith(KB)) ids.push(token.href.slice(KB.length));
  });
  return ids;
}

/** A body's tokens with each `kb:` link pointing to its entry's wiki section; a link to no entry keeps only its text. */
export function knowledgeTokens(markdown: string, resolve: ResolveLink): Token[] {
  const tokens = lexMarkdown(markdown);
  walkTokens(tokens, (token) => {
    if (token.type !== "link" || !token.href.startsWith(KB)) return;
    const found = resolve(token.href.slice(KB.length));
    if (found) {
      token.href = found.url;
      return;
    }
    // A text token with children is how marked itself nests inline tokens: the walks below render the children.
    const unlinked: Omit<Partial<Tokens.Link>, "type"> & { type: string } = token as Tokens.Link;
    unlinked.type = "text";
    delete unlinked.href;
    delete unlinked.title;
  });
  return tokens;
}

/** How a target writes inline Markdown. Every piece of text from the knowledge goes through `text`, to be escaped. */
export interface InlineStyle {
  text(text: string): string;
  strong(inner: string): string;
  em(inner: string): string;
  del(inner: string): string;
  code(text: string): string;
  /** `inner` is the rendered label; `label` is its bare text, to tell a bare URL from a named link. */
  link(inner: string, href: string, label: string): string;
  br(): string;
}

/** The bare text of inline tokens: what a reader sees, with no markup. */
export function bareText(tokens: Token[] | undefined): string {
  return inline(tokens, BARE);
}

const same = (s: string) => s;
const BARE: InlineStyle = { text: same, strong: same, em: same, del: same, code: same, link: same, br: () => "\n" };

export function inline(tokens: Token[] | undefined, style: InlineStyle): string {
  return (tokens ?? []).map((token) => inlineToken(token, style)).join("");
}

function inlineToken(token: Token, style: InlineStyle): string {
  switch (token.type) {
    case "strong":
      return style.strong(inline(token.tokens, style));
    case "em":
      return style.em(inline(token.tokens, style));
    case "del":
      return style.del(inline(token.tokens, style));
    case "codespan":
      return style.code(token.text);
    case "br":
      return style.br();
    case "link":
      return style.link(inline(token.tokens, style), token.href, bareText(token.tokens));
    case "text":
      return token.tokens ? inline(token.tokens, style) : style.text(token.text);
    // Raw HTML is shown as the characters it is written with, never as markup; an image by its description.
    case "image":
    case "escape":
    case "html":
      return style.text(token.text);
    default:
      return style.text(token.raw);
  }
}

/** A table's header and rows as inline tokens' output. */
export function tableCells(table: Tokens.Table, style: InlineStyle): { header: string[]; rows: string[][] } {
  return {
    header: table.header.map((cell) => inline(cell.tokens, style)),
    rows: table.rows.map((row) => row.map((cell) => inline(cell.tokens, style))),
  };
}

/** How a text target (plain text, Slack mrkdwn, agents' text) writes blocks. */
export interface TextStyle extends InlineStyle {
  heading(inner: string): string;
  quote(text: string): string;
  bullet(ordered: boolean, number: number): string;
  table(header: string[], rows: string[][]): string;
  codeBlock(text: string): string;
}

/** Blocks as text, separated by a blank line. */
export function textBlocks(tokens: Token[], style: TextStyle): string {
  return tokens
    .map((token) => textBlock(token, style))
    .filter(Boolean)
    .join("\n\n");
}

function textBlock(token: Token, style: TextStyle): string {
  switch (token.type) {
    case "paragraph":
      return inline(token.tokens, style);
    case "text":
      return token.tokens ? inline(token.tokens, style) : style.text(token.text);
    case "heading":
      return style.heading(inline(token.tokens, style));
    case "list":
      return textList(token as Tokens.List, style);
    case "blockquote":
      return style.quote(textBlocks(token.tokens ?? [], style));
    case "table": {
      const { header, rows } = tableCells(token as Tokens.Table, style);
      return style.table(header, rows);
    }
    case "code":
      return style.codeBlock(token.text);
    case "html":
      return style.text(token.text.trim());
    case "space":
    case "hr":
    case "def":
      return "";
    default:
      return style.text(token.raw.trim());
  }
}

/** Every line after the first indented by `width` spaces: an item's continuation lines sit under its text. */
export function hang(text: string, width: number): string {
  const pad = " ".repeat(width);
  return text
    .split("\n")
    .map((line, i) => (i === 0 || !line ? line : pad + line))
    .join("\n");
}

function textList(list: Tokens.List, style: TextStyle): string {
  const first = typeof list.start === "number" ? list.start : 1;
  return list.items
    .map((item, i) => {
      const marker = style.bullet(list.ordered, first + i);
      const content = item.tokens
        .map((token) => textBlock(token, style))
        .filter(Boolean)
        .join(item.loose ? "\n\n" : "\n");
      return marker + hang(content, marker.length);
    })
    .join(list.loose ? "\n\n" : "\n");
}
