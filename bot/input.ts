import { TurnContext } from "botbuilder";
import { editDistance } from "../src/reading/text.js";
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
  return choices.find((c) => namesOf(c).includes(said));
}

/**
 * The one choice a typed reply misspells ("nto sure", "locl", "Canda", "yse"): a label, the label without its
 * bracketed part, or the text it would send, within one typo from 4 letters (two
 * swapped in 3) and two from 8, swapped neighbours counting as one. Undefined when the reply names a choice exactly, is a typo of none, or is as close to two.
 */
export function misspeltChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const said = normalize(text);
  if (said.length < 3 || /\d/.test(said) || resolveChoice(text, choices)) return undefined;
  let best: { choice: Choice; distance: number } | undefined;
  let tied = false;
  for (const choice of choices) {
    const distance = Math.min(...namesOf(choice).map((name) => typos(said, name)));
    if (distance === Infinity) continue;
    if (best && distance === best.distance) tied ||= best.choice.label !== choice.label;
    else if (!best || distance < best.distance) [best, tied] = [{ choice, distance }, false];
  }
  return best && !tied ? best.choice : undefined;
}

/** What typing a choice's name amounts to: the text it would send, or its label. */
export function choiceText(choice: Choice): string {
  return choice.action.action === "say" ? choice.action.text : choice.label;
}

/** What a typed reply may say to name a choice, normalised. */
function namesOf(choice: Choice): string[] {
  const names = [normalize(choice.label), normalize(choice.label.replace(/\([^)]*\)/g, " "))];
  if (choice.action.action === "say") names.push(normalize(choice.action.text));
  return names.filter((name) => name !== "");
}

/** Typos between two normalised phrases, Infinity beyond what a phrase of that length allows. */
function typos(said: string, name: string): number {
  const shorter = Math.min(said.length, name.length);
  const allowed = shorter < 3 ? 0 : shorter < 8 ? 1 : 2;
  // Three letters allow only two swapped ("yse"): one changed letter makes another word ("tax" is no "fax").
  if (shorter === 3 && [...said].sort().join("") !== [...name].sort().join("")) return Infinity;
  const distance = editDistance(said, name, allowed);
  return distance <= allowed ? distance : Infinity;
}
