import { toPlainText, toSlackMrkdwn, type ResolveLink } from "../../src/render/markdown.js";
import type { Block, Reply } from "./reply.js";

/** How one text channel writes Markdown and emphasis. */
interface TextStyle {
  markdown: (markdown: string, resolve: ResolveLink) => string;
  bold: (text: string) => string;
  link: (text: string, url: string) => string;
}

export const SLACK: TextStyle = {
  markdown: toSlackMrkdwn,
  bold: (text) => `*${text}*`,
  link: (text, url) => `<${url}|${text}>`,
};

export const PLAIN: TextStyle = {
  markdown: toPlainText,
  bold: (text) => text,
  link: (text, url) => `${text}: ${url}`,
};

function block(b: Block, style: TextStyle, resolve: ResolveLink): string {
  switch (b.kind) {
    case "markdown":
    case "note":
      return style.markdown(b.text, resolve);
    case "facts":
      return b.facts.map((f) => `${style.bold(f.label)}: ${f.value}`).join("\n");
    case "table":
      return b.rows.map((cells) => `- ${cells.map((cell, i) => (i === 0 ? cell : `${b.columns[i] ?? ""}: ${cell}`)).join(", ")}`).join("\n");
  }
}

/**
 * Text for channels without cards: choices become one numbered list across all groups, answered by typing the number
 * (bot/input.ts resolves it).
 */
export function textReply(reply: Reply, style: TextStyle, resolve: ResolveLink): string {
  const parts: string[] = [];
  if (reply.title) parts.push(style.bold(reply.title));
  parts.push(...reply.blocks.map((b) => block(b, style, resolve)));
  if (reply.links?.length) parts.push(reply.links.map((l) => style.link(l.text, l.url)).join("\n"));
  let number = 0;
  for (const group of reply.groups ?? []) {
    const lines = group.choices.map((c) => `${++number}. ${c.label}`);
    parts.push([...(group.prompt ? [group.prompt] : []), ...lines].join("\n"));
  }
  if (number > 0) parts.push("Reply with a number.");
  return parts.filter(Boolean).join("\n\n");
}
