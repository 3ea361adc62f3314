import { normalizeReply } from "./choices.js";
import type { Cause } from "./knowledge.js";

export interface NoticeMatch {
  cause: Cause;
  /** The pattern that matched, as written in the knowledge base. */
  pattern: string;
}

const words = (text: string) => normalizeReply(text).split(" ").filter(Boolean);

/** Every word of the pattern appears in the text, in the pattern's order (other words may sit between them). */
function containsInOrder(text: string[], pattern: string[]): boolean {
  let i = 0;
  for (const word of text) if (word === pattern[i]) i += 1;
  return pattern.length > 0 && i === pattern.length;
}

/**
 * The causes a pasted rejection notice names, through the entries' `notice_patterns`;
 * the longest matching pattern first, one match per cause.
 */
export function recognizeNotice(causes: Cause[], text: string): NoticeMatch[] {
  const said = words(text);
  const matches: Array<NoticeMatch & { length: number }> = [];
  for (const cause of causes) {
    const hits = cause.diagnosis.notice_patterns
      .map((pattern) => ({ pattern, length: words(pattern).length }))
      .filter((p) => containsInOrder(said, words(p.pattern)))
      .sort((a, b) => b.length - a.length);
    if (hits[0]) matches.push({ cause, pattern: hits[0].pattern, length: hits[0].length });
  }
  return matches.sort((a, b) => b.length - a.length).map(({ cause, pattern }) => ({ cause, pattern }));
}
