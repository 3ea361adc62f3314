import { z } from "zod";
import { Action } from "../actions.js";

/**
 * What the bot says, independent of the channel. Cards (bot/cards/) build a Reply; bot/channels/render.ts turns it
 * into an Adaptive Card, Slack mrkdwn or plain text for the conversation's channel.
 */
export type Block =
  /** Knowledge Markdown; `[text](kb:<id>)` links are resolved when rendered. */
  | { kind: "markdown"; text: string }
  | { kind: "facts"; facts: Array<{ label: string; value: string }> }
  | { kind: "table"; columns: string[]; rows: string[][] }
  /** Small print: source, dates, assumptions. Markdown. */
  | { kind: "note"; text: string };

/** A button, or a numbered option in text channels. */
export const Choice = z.object({ label: z.string().min(1), action: Action });
export type Choice = z.infer<typeof Choice>;

/** Buttons under an optional question; in text channels every choice is numbered, counting across groups. */
export interface ChoiceGroup {
  prompt?: string;
  choices: Choice[];
}

export interface Reply {
  title?: string;
  blocks: Block[];
  /** Links shown as "open URL" buttons in cards and as "text: url" lines elsewhere. */
  links?: Array<{ text: string; url: string }>;
  groups?: ChoiceGroup[];
  /**
   * What only some readers want (assumptions, sources): behind a "Details" toggle in cards, small print in Slack's
   * Block Kit, left out of plain text so that the reply stays short.
   */
  details?: Block[];
  /** The result as data, sent in the activity's channelData: an answer's id, an estimate's figures, ranked causes. */
  data?: Record<string, unknown>;
}

/** A button that sends `text` as if the user had typed it. */
export function say(label: string, text: string = label): Choice {
  return { label, action: { action: "say", text } };
}

/** Every choice of a reply, in the order text channels number them. */
export function choicesOf(reply: Reply): Choice[] {
  return (reply.groups ?? []).flatMap((group) => group.choices);
}
