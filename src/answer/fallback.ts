import type { Article, KnowledgeBase } from "../knowledge/schema.js";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** What a refusal offers instead: the articles the bot answers from, and the porting department's address. */
export interface FallbackHelp {
  topics: Article[];
  /** The e-mail address current customer entries name most often (the LNP department), if any. */
  email?: string;
}

export function fallbackHelp(kb: KnowledgeBase): FallbackHelp {
  const mentions = new Map<string, number>();
  for (const entry of kb.entries) {
    if (entry.status !== "current" || !entry.audience.includes("customer")) continue;
    for (const email of new Set((entry.body.match(EMAIL) ?? []).map((e) => e.toLowerCase()))) {
      mentions.set(email, (mentions.get(email) ?? 0) + 1);
    }
  }
  const [top] = [...mentions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { topics: kb.articles, ...(top ? { email: top[0] } : {}) };
}
