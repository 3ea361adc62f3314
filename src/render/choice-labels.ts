import type { MatchSummary } from "../answer/result.js";

/**
 * Titles to offer as choices; an entry's own choice label (`label`) when it has one. Two articles can have sections of the same name ("Port Rejection"): those titles get
 * their article's name, so the customer can tell the choices apart; the section named like its own article is the
 * article's "main section" (repeating the name, "Port Rejection (Port Rejection)", would tell nothing).
 */
export function choiceLabels(choices: Array<Pick<MatchSummary, "title" | "source"> & { label?: string }>): string[] {
  const count = new Map<string, number>();
  for (const c of choices) count.set(c.title, (count.get(c.title) ?? 0) + 1);
  return choices.map((c) => {
    if (c.label) return c.label;
    if ((count.get(c.title) ?? 0) < 2) return c.title;
    return c.source.article === c.title ? `${c.title} (main section)` : `${c.title} (${c.source.article})`;
  });
}
