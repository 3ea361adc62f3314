import { hang, inline, knowledgeTokens, tableCells, type InlineStyle, type ResolveLink, type Token, type Tokens } from "./tokens.js";

/**
 * Adaptive Card elements (schema 1.5): text as TextBlocks in the Markdown subset cards render (bold, italic, lists,
 * links), tables as Table elements, or as a FactSet where a channel's card renderer has no tables, and quotes as an
 * emphasised Container. Plain JSON: the bot layer wraps it in an attachment.
 */

export type CardElement = Record<string, unknown>;

export interface CardOptions {
  /** Whether the channel renders the Table element; a FactSet stands in otherwise. */
  tables: boolean;
  /** Extra TextBlock properties, e.g. small subtle print for notes. */
  textStyle?: CardElement;
}

export function textBlock(text: string, style: CardElement = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...style };
}

/** Literal characters that card Markdown would read as markup. */
function escapeCardText(text: string): string {
  return text.replace(/[\\`*_[\]]/g, (c) => `\\${c}`);
}

/** A URL inside `[text](url)`: the characters that would end it are percent-encoded. */
function linkUrl(href: string): string {
  return href.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * Card Markdown joins lines that are not separated by a blank line into one paragraph; the knowledge's lines are
 * meant as lines, so a line break becomes a paragraph break. Inside a list a blank line would end the list, so there
 * a line break stays one and the line continues its item.
 */
const styleWith = (br: string): InlineStyle => ({
  text: escapeCardText,
  strong: (inner) => `**${inner}**`,
  em: (inner) => `_${inner}_`,
  del: (inner) => inner,
  code: escapeCardText,
  link: (inner, href) => `[${inner}](${linkUrl(href)})`,
  br: () => br,
});
const PARAGRAPH_STYLE = styleWith("\n\n");
const LIST_STYLE = styleWith("\n");

function list(token: Tokens.List): string {
  const first = typeof token.start === "number" ? token.start : 1;
  return token.items
    .map((item, i) => {
      const marker = token.ordered ? `${first + i}. ` : "- ";
      const content = item.tokens
        .map((t) => (t.type === "list" ? list(t as Tokens.List) : markdownText(t, LIST_STYLE)))
        .filter(Boolean)
        .join("\n");
      return marker + hang(content, marker.length);
    })
    .join("\n");
}

/** Card Markdown of a text block; "" for what is not text. */
function markdownText(token: Token, style: InlineStyle): string {
  switch (token.type) {
    case "paragraph":
      return inline(token.tokens, style);
    case "heading":
      return `**${inline(token.tokens, style)}**`;
    case "text":
      return token.tokens ? inline(token.tokens, style) : style.text(token.text);
    case "list":
      return list(token as Tokens.List);
    case "code":
    case "html":
      return style.text(token.text.trim());
    default:
      return "";
  }
}

/** A table: the Table element with a header row, or one fact per row (its first cell, then the others by column). */
export function cardTable(columns: string[], rows: string[][], options: Pick<CardOptions, "tables">): CardElement {
  if (!options.tables) {
    const value = (cells: string[]) =>
      cells
        .slice(1)
        .map((cell, i) => (columns.length > 2 && columns[i + 1] ? `${columns[i + 1]}: ${cell}` : cell))
        .join(", ");
    return { type: "FactSet", facts: rows.map((cells) => ({ title: cells[0] ?? "", value: value(cells) })) };
  }
  return {
    type: "Table",
    firstRowAsHeader: true,
    gridStyle: "accent",
    columns: columns.map(() => ({ width: 1 })),
    rows: [columns, ...rows].map((cells, row) => ({
      type: "TableRow",
      cells: cells.map((cell) => ({ type: "TableCell", items: [textBlock(cell, row === 0 ? { weight: "Bolder" } : {})] })),
    })),
  };
}

/** Consecutive text blocks share one TextBlock; a table or a quote is an element of its own. */
export function cardElementsOf(tokens: Token[], options: CardOptions): CardElement[] {
  const elements: CardElement[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length) elements.push(textBlock(text.join("\n\n"), options.textStyle));
    text = [];
  };
  for (const token of tokens) {
    if (token.type === "table") {
      flush();
      const { header, rows } = tableCells(token as Tokens.Table, PARAGRAPH_STYLE);
      elements.push(cardTable(header, rows, options));
    } else if (token.type === "blockquote") {
      flush();
      elements.push({ type: "Container", style: "emphasis", items: cardElementsOf(token.tokens ?? [], options) });
    } else {
      const markdown = markdownText(token, PARAGRAPH_STYLE);
      if (markdown) text.push(markdown);
    }
  }
  flush();
  return elements;
}

export function toCardElements(markdown: string, resolve: ResolveLink, options: CardOptions): CardElement[] {
  return cardElementsOf(knowledgeTokens(markdown, resolve), options);
}
