import { knowledgeTokens, textBlocks, type ResolveLink, type TextStyle, type Token } from "./tokens.js";

/** Plain text, for channels without formatting, the terminal and the search index: no markup, links spelled out. */

const same = (s: string) => s;

/** Where a link goes, as a reader would type it: the URL, or the address of a mailto: link. */
export function linkTarget(href: string): string {
  return href.startsWith("mailto:") ? href.slice("mailto:".length) : href;
}

export const PLAIN_STYLE: TextStyle = {
  text: same,
  strong: same,
  em: same,
  del: same,
  code: same,
  link: (inner, href, label) => (label === linkTarget(href) ? inner : `${inner} (${linkTarget(href)})`),
  br: () => "\n",
  heading: same,
  quote: same,
  bullet: (ordered, number) => (ordered ? `${number}. ` : "- "),
  table: (header, rows) => rows.map((cells) => `- ${cells.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join(", ")}`).join("\n"),
  codeBlock: same,
};

export function plainTextOf(tokens: Token[]): string {
  return textBlocks(tokens, PLAIN_STYLE);
}

export function toPlainText(markdown: string, resolve: ResolveLink): string {
  return plainTextOf(knowledgeTokens(markdown, resolve));
}
