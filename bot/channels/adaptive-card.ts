import { CardFactory, type Attachment } from "botbuilder";
import { linkKbReferences, type ResolveLink } from "../../src/render/markdown.js";
import type { Block, Choice, Reply } from "./reply.js";

/** Teams renders Adaptive Cards up to 1.5; web chat and the emulator render that too. */
export const CARD_VERSION = "1.5";

type Element = Record<string, unknown>;

const DETAILS = "details";

function textBlock(text: string, style: Element = {}): Element {
  return { type: "TextBlock", text, wrap: true, ...style };
}

const LIST_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])\s|^\s+\S/;

/**
 * Card Markdown joins lines that are not separated by a blank line into one paragraph, but the knowledge's source
 * lines are meant as lines (the wiki broke them with <br>). Each line becomes its own paragraph, except within a
 * list (items and their indented continuations), which stays one list.
 */
export function cardParagraphs(markdown: string): string {
  const lines = markdown.split("\n");
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const wouldJoin = previous.trim() !== "" && line.trim() !== "" && !(LIST_LINE.test(previous) && LIST_LINE.test(line));
    out += (wouldJoin ? "\n\n" : "\n") + line;
  }
  return out;
}

function markdownText(text: string, resolve: ResolveLink): string {
  return cardParagraphs(linkKbReferences(text, resolve));
}

function block(b: Block, resolve: ResolveLink): Element {
  switch (b.kind) {
    case "markdown":
      return textBlock(markdownText(b.text, resolve));
    case "note":
      return textBlock(markdownText(b.text, resolve), { isSubtle: true, size: "Small", spacing: "Medium" });
    case "facts":
      // Label and value side by side; the label's column fits the label, so it never breaks mid-word
      // (a FactSet's title column is narrow in web chat: "Deadli/ne").
      return {
        type: "Container",
        items: b.facts.map((f) => ({
          type: "ColumnSet",
          spacing: "Small",
          columns: [
            { type: "Column", width: "auto", items: [textBlock(f.label, { weight: "Bolder", wrap: false })] },
            { type: "Column", width: "stretch", items: [textBlock(f.value)] },
          ],
        })),
      };
    case "table":
      return {
        type: "Table",
        firstRowAsHeader: true,
        gridStyle: "accent",
        columns: b.columns.map(() => ({ width: 1 })),
        rows: [b.columns, ...b.rows].map((cells, row) => ({
          type: "TableRow",
          cells: cells.map((cell) => ({ type: "TableCell", items: [textBlock(cell, row === 0 ? { weight: "Bolder" } : {})] })),
        })),
      };
  }
}

/** What a click sends as the message text: a `say` choice's text, otherwise the label (resolved by bot/input.ts). */
function clickText(choice: Choice): string {
  return choice.action.action === "say" ? choice.action.text : choice.label;
}

/**
 * Teams: messageBack data, so Teams shows the label in the conversation as the user's message and sends the payload
 * as the activity's value. Other channels: the data is the text itself, which web chat posts as the user's message
 * (the main dialog maps it back to the payload through the last reply's choices, as for a typed answer). Object data
 * would carry the payload, but the Agents Playground posts it to another conversation, so web chat gets the text;
 * the cost is that a click on an older card is read as typed text (how main-dialog.ts treats it is described there).
 */
function submit(choice: Choice, teams: boolean): Element {
  const text = clickText(choice);
  const data = teams ? { ...choice.action, msteams: { type: "messageBack", text, displayText: choice.label } } : text;
  return { type: "Action.Submit", title: choice.label, data };
}

export function adaptiveCard(reply: Reply, resolve: ResolveLink, channelId: string): Attachment {
  const teams = channelId === "msteams";
  const body: Element[] = [];
  if (reply.title) body.push(textBlock(reply.title, { weight: "Bolder", size: "Medium", style: "heading" }));
  body.push(...reply.blocks.map((b) => block(b, resolve)));
  if (reply.details?.length) {
    body.push({ type: "ActionSet", actions: [{ type: "Action.ToggleVisibility", title: "Details", targetElements: [DETAILS] }] });
    body.push({ type: "Container", id: DETAILS, isVisible: false, items: reply.details.map((b) => block(b, resolve)) });
  }
  for (const group of reply.groups ?? []) {
    if (group.prompt) body.push(textBlock(group.prompt, { weight: "Bolder", spacing: "Medium" }));
    body.push({ type: "ActionSet", actions: group.choices.map((c) => submit(c, teams)) });
  }
  const card: Element = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body,
  };
  if (reply.links?.length) card.actions = reply.links.map((l) => ({ type: "Action.OpenUrl", title: l.text, url: l.url }));
  return CardFactory.adaptiveCard(card);
}
