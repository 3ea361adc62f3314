import type { Entry } from "../knowledge/schema.js";
import { describeDuration, feeAmount } from "./wording.js";
import { plainTextOf } from "./plain.js";
import { knowledgeTokens, type ResolveLink } from "./tokens.js";

/**
 * What a support agent pastes into a ticket: no greeting and no title, the answer as plain text with no blank lines,
 * the facts the entry states (fees and durations in force), and the wiki section it comes from.
 */

const UNIT_WORDS = { "per-number": "per number", "per-order": "per order", "per-resubmission": "per resubmission" } as const;

function facts(entry: Entry): string[] {
  const fees = entry.fees
    .filter((fee) => !fee.until)
    .map((fee) => `${fee.label}: ${feeAmount(fee)}${fee.quote || fee.amount === undefined ? "" : ` ${UNIT_WORDS[fee.unit]}`}`);
  const durations = entry.durations.map((duration) => `${duration.label}: ${describeDuration(duration)}`);
  const lines = [...fees, ...durations].map((line) => `- ${line}`);
  return lines.length ? ["Facts:", ...lines] : [];
}

function sourceLine(entry: Entry): string {
  const where = entry.source.section ? `${entry.source.article}, "${entry.source.section}"` : entry.source.article;
  const archived = entry.source.removed ? ` (removed from the wiki on ${entry.source.removed.slice(0, 10)})` : "";
  return `Source: ${where}${archived}: ${entry.source.url}`;
}

export function agentText(entry: Entry, resolve: ResolveLink): string {
  const body = plainTextOf(knowledgeTokens(entry.body, resolve))
    .split("\n")
    .filter((line) => line.trim())
    .join("\n");
  return [body, ...facts(entry), sourceLine(entry)].join("\n");
}
