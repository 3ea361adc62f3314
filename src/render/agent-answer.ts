import type { Entry } from "../knowledge/schema.js";
import { toPlainText, type ResolveLink } from "./markdown.js";

/**
 * A canned answer for support agents to paste into a ticket or a chat: the entry's own text, no greeting, and the
 * source link. Archived entries carry a label with the day the wiki dropped them.
 */
export interface AgentAnswer {
  id: string;
  /** The section heading, without the "(archived until …)" prefix the title of an archived entry carries. */
  title: string;
  status: Entry["status"];
  /** "Archived: removed from the wiki on 2019-08-27", for archived entries only. */
  label?: string;
  /** The entry's answer alone, as Markdown with links to entries resolved: no label, no source line. */
  body: string;
  /** The answer with links written out, for ticket fields that take plain text. */
  text: string;
  /** The same answer as Markdown (links to entries resolved to their wiki sections). */
  markdown: string;
  url: string;
}

const ARCHIVED_TITLE = /^\(archived until [^)]*\)\s*/;

/** The notice the importer puts at the top of an archived body: the agent answer has its own label instead. */
const NOTICE = /^(?:>.*\n)+\s*/;

const KB_LINK = /\[([^\]]+)\]\(kb:([^)\s]+)\)/g;

/** `[text](kb:<id>)` -> `[text](wiki section)`, for Markdown pasted outside the bot; a link to no entry keeps its text. */
function withWikiLinks(markdown: string, resolve: ResolveLink): string {
  return markdown.replace(KB_LINK, (_whole, text: string, id: string) => {
    const found = resolve(id);
    return found ? `[${text}](${found.url})` : text;
  });
}

function bodyOf(entry: Entry): string {
  const body = entry.body.trim();
  return entry.status === "archived" ? body.replace(NOTICE, "").trim() : body;
}

export function archivedLabel(entry: Entry): string | undefined {
  if (entry.status !== "archived") return undefined;
  const removed = entry.source.removed?.slice(0, 10);
  return removed ? `Archived: removed from the wiki on ${removed}` : "Archived: no longer on the wiki";
}

export function agentAnswer(entry: Entry, resolve: ResolveLink): AgentAnswer {
  const label = archivedLabel(entry);
  const body = withWikiLinks(bodyOf(entry), resolve);
  const markdown = [...(label ? [`**${label}**`, ""] : []), body, "", `Source: ${entry.source.url}`].join("\n");
  return {
    id: entry.id,
    title: entry.title.replace(ARCHIVED_TITLE, ""),
    status: entry.status,
    ...(label ? { label } : {}),
    body,
    text: toPlainText(markdown, resolve),
    markdown,
    url: entry.source.url,
  };
}

/** The first line of an answer's text, for result lists ("title, first line"). */
export function firstLine(answer: AgentAnswer, max = 140): string {
  const body = answer.label ? answer.text.split("\n").slice(1).join("\n") : answer.text;
  const line = body.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  return line.length <= max ? line : `${line.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
