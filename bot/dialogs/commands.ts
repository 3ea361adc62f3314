import type { Command } from "../actions.js";

/** Whole messages that are commands, whatever else is going on; anything longer is a question. */
const PHRASES: Record<Command, string[]> = {
  help: ["help", "?", "what can you do"],
  // A bare greeting opens the conversation again: it gets the menu, and is no question to answer or log.
  menu: [
    "menu", "main menu", "options",
    "hi", "hello", "hey", "hiya", "howdy", "hi there", "hello there", "hey there", "good morning", "good afternoon", "good evening",
    "bonjour", "bonsoir", "salut", "allo", "allô",
    "hola", "buenos días", "buenos dias", "buenas tardes", "buenas noches", "buenas",
  ],
  "start-over": ["start over", "restart", "reset", "start again"],
  cancel: ["cancel", "stop", "quit", "exit", "never mind", "nevermind"],
  handoff: ["agent", "human", "person", "representative", "operator", "live agent", "real person", "talk to a human", "talk to a person", "talk to an agent", "speak to a human", "speak to an agent", "speak to a person"],
  ask: ["ask a question"],
};

const LOOKUP = new Map(Object.entries(PHRASES).flatMap(([command, phrases]) => phrases.map((p) => [p, command as Command])));

export function commandIn(text: string): Command | undefined {
  const said = text.toLowerCase().replace(/[^\p{L}\p{N}?]+/gu, " ").trim().replace(/^(?:please|pls) /, "").replace(/ please$/, "");
  return LOOKUP.get(said) ?? LOOKUP.get(said.replace(/[?]/g, "").trim());
}
