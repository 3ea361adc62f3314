import type { Direction, Entry } from "../knowledge/schema.js";

/** The tags that say which way of a port an entry is about; an entry with both, or neither, answers either way. */
export const DIRECTION_TAGS: Record<Direction, string> = { in: "port-in", out: "port-out" };

/** The one direction of a port an entry is about, from its tags; undefined when it answers either way. */
export function entryDirection(entry: Entry): Direction | undefined {
  const into = entry.tags.includes(DIRECTION_TAGS.in);
  const out = entry.tags.includes(DIRECTION_TAGS.out);
  return into === out ? undefined : into ? "in" : "out";
}
