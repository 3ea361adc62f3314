import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;
type ActionsBlock = types.ActionsBlock;
type Button = types.Button;
import type { AgentAnswer } from "../../src/render/agent-answer.js";
import { toSlackMrkdwn, type ResolveLink } from "../../src/render/markdown.js";
import type { Block, Reply } from "../channels/reply.js";
import { SLACK, textReply } from "../channels/text.js";

/** Block Kit's limits: a section's text, a button's label and value, a header, the blocks of a message. */
const SECTION_MAX = 3000;
const BUTTON_TEXT_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const HEADER_MAX = 150;
const ACTIONS_MAX = 25;
const FIELDS_MAX = 10;

/** Every button of a reply has an action id starting with this; its value is the choice's action, as JSON. */
export const CHOICE_ACTION = "choice";

export interface SlackMessage {
  /** The notification and screen-reader text. */
  text: string;
  blocks: KnownBlock[];
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Long Markdown split at paragraphs (then lines) into section-sized pieces. */
function chunks(text: string, max = SECTION_MAX): string[] {
  const out: string[] = [];
  let current = "";
  for (const piece of text.split(/(?<=\n)/)) {
    if ((current + piece).length > max && current) {
      out.push(current.trimEnd());
      current = "";
    }
    current += piece.length > max ? clip(piece, max) : piece;
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}

function sections(mrkdwn: string): KnownBlock[] {
  return chunks(mrkdwn).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

function block(b: Block, resolve: ResolveLink): KnownBlock[] {
  switch (b.kind) {
    case "markdown":
      return sections(toSlackMrkdwn(b.text, resolve));
    case "note":
      return chunks(toSlackMrkdwn(b.text, resolve)).map((text) => ({ type: "context", elements: [{ type: "mrkdwn", text }] }));
    case "facts":
      return [{ type: "section", fields: b.facts.slice(0, FIELDS_MAX).map((f) => ({ type: "mrkdwn", text: `*${f.label}*\n${f.value}` })) }];
    case "table":
      return sections(b.rows.map((cells) => `• ${cells.map((cell, i) => (i === 0 ? `*${cell}*` : `${b.columns[i] ?? ""}: ${cell}`)).join(", ")}`).join("\n"));
  }
}

function button(text: string, actionId: string, value: string, style?: "primary"): Button {
  return { type: "button", text: { type: "plain_text", text: clip(text, BUTTON_TEXT_MAX), emoji: false }, action_id: actionId, value: value.slice(0, BUTTON_VALUE_MAX), ...(style ? { style } : {}) };
}

/**
 * A reply as Block Kit: the title as a header, Markdown as sections, small print as context, facts as fields, links
 * as URL buttons, and each choice as a button whose value is its action (bot/actions.ts), clicked back through
 * interactivity.
 */
export function replyBlocks(reply: Reply, resolve: ResolveLink): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (reply.title) blocks.push({ type: "header", text: { type: "plain_text", text: clip(reply.title, HEADER_MAX), emoji: false } });
  blocks.push(...reply.blocks.flatMap((b) => block(b, resolve)));
  // Details as small print: Block Kit has no toggle.
  blocks.push(...(reply.details ?? []).flatMap((b) => block(b.kind === "markdown" ? { kind: "note", text: b.text } : b, resolve)));
  if (reply.links?.length) {
    blocks.push({ type: "actions", elements: reply.links.slice(0, ACTIONS_MAX).map((l, i) => ({ type: "button", text: { type: "plain_text", text: clip(l.text, BUTTON_TEXT_MAX) }, url: l.url, action_id: `link-${i}` })) });
  }
  let n = 0;
  for (const group of reply.groups ?? []) {
    if (group.prompt) blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${escape(group.prompt)}*` } });
    const actions: ActionsBlock = { type: "actions", elements: group.choices.slice(0, ACTIONS_MAX).map((c) => button(c.label, `${CHOICE_ACTION}-${n++}`, JSON.stringify({ label: c.label, action: c.action }))) };
    blocks.push(actions);
  }
  return { text: clip(textReply(reply, SLACK, resolve), 4000), blocks };
}

/** What the canned answer's buttons carry. */
export const POST_ANSWER = "post-answer";
export const SHOW_ANOTHER = "show-another";

export interface AnswerButtons {
  /** The (masked) question and the rank of the answer shown, for "Show another". */
  question: string;
  rank: number;
}

/** A canned answer: the archived label, the heading, the answer, the source; buttons only while it is ephemeral. */
export function agentAnswerBlocks(answer: AgentAnswer, resolve: ResolveLink, buttons?: AnswerButtons): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (answer.label) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `:warning: *${answer.label}*` }] });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${escape(clip(answer.title, HEADER_MAX))}*` } });
  blocks.push(...sections(toSlackMrkdwn(answer.body, resolve)));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Source: <${answer.url}|${escape(answer.title)}>` }] });
  if (buttons) {
    blocks.push({
      type: "actions",
      elements: [
        button("Post to channel", POST_ANSWER, JSON.stringify({ id: answer.id }), "primary"),
        button("Show another", SHOW_ANOTHER, JSON.stringify({ q: buttons.question, rank: buttons.rank })),
      ],
    });
  }
  return { text: clip(answer.text, 4000), blocks };
}
