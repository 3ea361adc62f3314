import { bareText, knowledgeTokens, tableCells, textBlocks, type ResolveLink, type TextStyle, type Token, type Tokens } from "./tokens.js";

/**
 * Slack: mrkdwn text (`*bold*`, `_italic_`, `<url|text>`, `&`, `<` and `>` escaped), and Block Kit blocks for an app
 * that posts them.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A URL inside `<url|text>`: the characters that would end it are percent-encoded. */
function linkUrl(href: string): string {
  return href.replace(/[<>|]/g, (c) => encodeURIComponent(c));
}

export const SLACK_STYLE: TextStyle = {
  text: escapeMrkdwn,
  strong: (inner) => `*${inner}*`,
  em: (inner) => `_${inner}_`,
  del: (inner) => `~${inner}~`,
  code: (text) => `\`${escapeMrkdwn(text)}\``,
  link: (inner, href) => `<${linkUrl(href)}|${inner}>`,
  br: () => "\n",
  heading: (inner) => `*${inner}*`,
  quote: (text) =>
    text
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n"),
  bullet: (ordered, number) => (ordered ? `${number}. ` : "• "),
  table: (header, rows) => rows.map((cells) => `• ${cells.map((cell, i) => (header[i] ? `*${header[i]}*: ${cell}` : cell)).join(", ")}`).join("\n"),
  codeBlock: (text) => `\`\`\`${escapeMrkdwn(text)}\`\`\``,
};

export function slackMrkdwnOf(tokens: Token[]): string {
  return textBlocks(tokens, SLACK_STYLE);
}

export function toSlackMrkdwn(markdown: string, resolve: ResolveLink): string {
  return slackMrkdwnOf(knowledgeTokens(markdown, resolve));
}

export type SlackText = { type: "mrkdwn"; text: string } | { type: "plain_text"; text: string };
export type SlackBlock =
  | { type: "section"; text: SlackText }
  | { type: "section"; fields: SlackText[] }
  | { type: "header"; text: SlackText }
  | { type: "divider" };

/** Block Kit's limits: a section's text, a header's text, and a section's fields. */
const SECTION_TEXT_MAX = 3000;
const HEADER_TEXT_MAX = 150;
const FIELDS_MAX = 10;

const mrkdwn = (text: string): SlackText => ({ type: "mrkdwn", text });

/** Text past Block Kit's limit for one section continues in the next, split at a line break where there is one. */
function sections(text: string): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let rest = text;
  while (rest.length > SECTION_TEXT_MAX) {
    const cut = rest.lastIndexOf("\n", SECTION_TEXT_MAX);
    const at = cut > 0 ? cut : SECTION_TEXT_MAX;
    blocks.push({ type: "section", text: mrkdwn(rest.slice(0, at)) });
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest) blocks.push({ type: "section", text: mrkdwn(rest) });
  return blocks;
}

/** One section per row, each cell a field under its column's name (Block Kit shows fields side by side). */
function tableBlocks(table: Tokens.Table): SlackBlock[] {
  const { header, rows } = tableCells(table, SLACK_STYLE);
  return rows.flatMap((cells): SlackBlock[] =>
    cells.length <= FIELDS_MAX
      ? [{ type: "section", fields: cells.map((cell, i) => mrkdwn(header[i] ? `*${header[i]}*\n${cell || " "}` : cell || " ")) }]
      : sections(SLACK_STYLE.table(header, [cells])),
  );
}

/**
 * Block Kit: headings become header blocks, tables sections of fields, a rule a divider, and the text between them
 * mrkdwn sections.
 */
export function slackBlocksOf(tokens: Token[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let text: Token[] = [];
  const flush = () => {
    blocks.push(...sections(slackMrkdwnOf(text)));
    text = [];
  };
  for (const token of tokens) {
    if (token.type === "heading") {
      flush();
      blocks.push({ type: "header", text: { type: "plain_text", text: bareText(token.tokens).slice(0, HEADER_TEXT_MAX) } });
    } else if (token.type === "table") {
      flush();
      blocks.push(...tableBlocks(token as Tokens.Table));
    } else if (token.type === "hr") {
      flush();
      blocks.push({ type: "divider" });
    } else {
      text.push(token);
    }
  }
  flush();
  return blocks;
}

export function toSlackBlocks(markdown: string, resolve: ResolveLink): SlackBlock[] {
  return slackBlocksOf(knowledgeTokens(markdown, resolve));
}
