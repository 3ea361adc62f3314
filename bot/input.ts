import { TurnContext } from "botbuilder";
import { parseAction, type Action } from "./actions.js";
import type { Choice } from "./channels/reply.js";

/** One user turn, whatever the channel: the text as typed (bot @mention removed) and a button's payload if clicked. */
export interface TurnInput {
  text: string;
  action?: Action;
}

function clean(text: string): string {
  return text.replace(/&nbsp;|\u00a0/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * In Teams group chats and channels the message starts with `<at>Bot</at>`; it is removed before matching.
 * A `say` button counts as typed text.
 */
export function readInput(context: TurnContext): TurnInput {
  const activity = context.activity;
  let text = typeof activity.text === "string" ? activity.text : "";
  if (text && activity.entities?.length) text = TurnContext.removeRecipientMention({ ...activity, text }) ?? text;
  const action = parseAction(activity.value);
  if (action?.action === "say") return { text: clean(action.text) };
  return action ? { text: clean(text), action } : { text: clean(text) };
}

/** Lower case, punctuation as spaces: how typed answers are compared with labels. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * The choice a typed reply names: its number ("2", "#2", "2."), its label typed back, or the text it would send.
 * Undefined when the reply is none of them.
 */
export function resolveChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const number = /^#?\s*(\d{1,2})\s*[.)]?$/.exec(text.trim());
  if (number) return choices[Number(number[1]) - 1];
  const said = normalize(text);
  if (!said) return undefined;
  return choices.find((c) => normalize(c.label) === said || (c.action.action === "say" && normalize(c.action.text) === said));
}
