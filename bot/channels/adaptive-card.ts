import { CardFactory, type Attachment } from "botbuilder";
import { cardTable, textBlock, toCardElements, type CardElement, type ResolveLink } from "../../src/render/markdown.js";
import type { Block, Choice, Reply } from "./reply.js";

/** Teams renders Adaptive Cards up to 1.5; web chat renders that too. */
export const CARD_VERSION = "1.5";

/** Channels whose card renderer is known to draw the Table element of Adaptive Cards 1.5; a FactSet shows elsewhere. */
const TABLE_CHANNELS = new Set(["msteams", "webchat", "directline"]);

const DETAILS = "details";

const NOTE_STYLE: CardElement = { isSubtle: true, size: "Small", spacing: "Medium" };

function block(b: Block, resolve: ResolveLink, tables: boolean): CardElement[] {
  switch (b.kind) {
    case "markdown":
      return toCardElements(b.text, resolve, { tables });
    case "note":
      return toCardElements(b.text, resolve, { tables, textStyle: NOTE_STYLE });
    case "facts":
      // Label and value side by side; the label's column fits the label, so it never breaks mid-word
      // (a FactSet's title column is narrow in web chat: "Deadli/ne").
      return [
        {
          type: "Container",
          items: b.facts.map((f) => ({
            type: "ColumnSet",
            spacing: "Small",
            columns: [
              { type: "Column", width: "auto", items: [textBlock(f.label, { weight: "Bolder", wrap: false })] },
              { type: "Column", width: "stretch", items: [textBlock(f.value)] },
            ],
          })),
        },
      ];
    case "table":
      return [cardTable(b.columns, b.rows, { tables })];
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
function submit(choice: Choice, teams: boolean): CardElement {
  const text = clickText(choice);
  const data = teams ? { ...choice.action, msteams: { type: "messageBack", text, displayText: choice.label } } : text;
  return { type: "Action.Submit", title: choice.label, data };
}

export function adaptiveCard(reply: Reply, resolve: ResolveLink, channelId: string): Attachment {
  const teams = channelId === "msteams";
  const tables = TABLE_CHANNELS.has(channelId);
  const body: CardElement[] = [];
  if (reply.title) body.push(textBlock(reply.title, { weight: "Bolder", size: "Medium", style: "heading" }));
  body.push(...reply.blocks.flatMap((b) => block(b, resolve, tables)));
  if (reply.details?.length) {
    body.push({ type: "ActionSet", actions: [{ type: "Action.ToggleVisibility", title: "Details", targetElements: [DETAILS] }] });
    body.push({ type: "Container", id: DETAILS, isVisible: false, items: reply.details.flatMap((b) => block(b, resolve, tables)) });
  }
  for (const group of reply.groups ?? []) {
    if (group.prompt) body.push(textBlock(group.prompt, { weight: "Bolder", spacing: "Medium" }));
    body.push({ type: "ActionSet", actions: group.choices.map((c) => submit(c, teams)) });
  }
  const card: CardElement = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body,
  };
  if (reply.links?.length) card.actions = reply.links.map((l) => ({ type: "Action.OpenUrl", title: l.text, url: l.url }));
  return CardFactory.adaptiveCard(card);
}
