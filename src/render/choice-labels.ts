import type { MatchSummary } from "../answer/result.js";

/**
 * Titles to offer as choices. Two articles can have sections of the same name ("Port Rejection"): those titles get
 * their article's name, so the customer can tell the choices apart.
 */
export function choiceLabels(choices: Array<Pick<MatchSummary, "title" | "source">>): string[] {
  const count = new Map<string, number>();
  for (const c of choices) count.set(c.title, (count.get(c.title) ?? 0) + 1);
  return choices.map((c) => ((count.get(c.title) ?? 0) > 1 ? `${c.title} (${c.source.article})` : c.title));
}
