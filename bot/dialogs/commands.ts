import type { Command } from "../actions.js";

/** Whole messages that are commands, whatever else is going on; anything longer is a question. */
const PHRASES: Record<Command, string[]> = {
  help: ["help", "?", "what can you do"],
  menu: ["menu", "main menu", "options"],
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
