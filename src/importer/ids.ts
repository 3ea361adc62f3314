/** Ids stay short: words are added while the id fits in this many characters. */
const MAX_ID_LENGTH = 44;
const MIN_CLAUSE_WORDS = 3;
/** Words an id never ends with ("how-much-does-it-cost-to-port", not "...-to-port-a"). */
const TRAILING_STOPWORDS = new Set(["a", "an", "the", "to", "of", "for", "in", "on", "and", "or", "my", "your", "is", "with", "from", "at", "by", "i", "it", "has", "have", "are", "be", "was", "while", "between", "than", "any", "gets"]);

function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\(s\)/g, "")
    .replace(/(\d)\.(\d)/g, "$1$2")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function fit(words: string[]): string[] {
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length > 0 && [...kept, word].join("-").length > MAX_ID_LENGTH) break;
    kept.push(word.slice(0, MAX_ID_LENGTH));
  }
  while (kept.length > 1 && TRAILING_STOPWORDS.has(kept[kept.length - 1]!)) kept.pop();
  return kept;
}

/**
 * Lower-case words joined by hyphens, from a heading or title; never empty. A long heading is
 * cut to its first clause when that clause has a few words, else after the words that fit.
 */
export function slugify(text: string): string {
  const all = words(text);
  if (all.join("-").length <= MAX_ID_LENGTH) return all.join("-") || "section";
  const clause = words(text.split(/[,:;()?!]|\.\s/)[0] ?? "");
  return fit(clause.length >= MIN_CLAUSE_WORDS ? clause : all).join("-") || "section";
}

/** The first candidate not yet taken, then the first one numbered; records the choice as taken. */
export function claimId(candidates: string[], taken: Set<string>): string {
  let id = candidates.find((c) => !taken.has(c));
  for (let n = 2; id === undefined; n++) if (!taken.has(`${candidates[0]}-${n}`)) id = `${candidates[0]}-${n}`;
  taken.add(id);
  return id;
}
