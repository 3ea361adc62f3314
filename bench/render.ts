/**
 * Render time per answer for each target: every current entry's body lexed, its `kb:` links resolved and walked
 * for the target, as the bot does for each answer it sends.
 */
import type { Entry, KnowledgeBase } from "../src/knowledge/schema.js";
import { agentText, cardElementsOf, htmlOf, knowledgeTokens, plainTextOf, resolveKbLink, slackBlocksOf, slackMrkdwnOf, type ResolveLink } from "../src/render/markdown.js";

const ROUNDS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

type Render = (entry: Entry, resolve: ResolveLink) => unknown;

const TARGETS: Array<[string, Render]> = [
  ["lex + resolve kb: links only", (e, r) => knowledgeTokens(e.body, r)],
  ["plain text", (e, r) => plainTextOf(knowledgeTokens(e.body, r))],
  ["Slack mrkdwn", (e, r) => slackMrkdwnOf(knowledgeTokens(e.body, r))],
  ["Slack Block Kit", (e, r) => slackBlocksOf(knowledgeTokens(e.body, r))],
  ["HTML (sanitised)", (e, r) => htmlOf(knowledgeTokens(e.body, r))],
  ["Adaptive Card elements", (e, r) => cardElementsOf(knowledgeTokens(e.body, r), { tables: true })],
  ["agents' copy-ready text", (e, r) => agentText(e, r)],
];

export function benchRender(kb: KnowledgeBase): void {
  const entries = kb.entries.filter((e) => e.status === "current");
  const resolve = resolveKbLink(kb);
  console.log(`Render time per answer (${entries.length} current entries x ${ROUNDS} rounds, after one warm-up round):`);
  const row = (cells: string[]) => console.log(`  ${cells[0]!.padEnd(30)} ${cells.slice(1).map((c) => c.padStart(9)).join(" ")}`);
  row(["target", "mean ms", "p50 ms", "p99 ms", "max ms"]);
  for (const [name, render] of TARGETS) {
    for (const entry of entries) render(entry, resolve);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const entry of entries) {
        const start = performance.now();
        render(entry, resolve);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
    row([name, mean.toFixed(3), percentile(times, 0.5).toFixed(3), percentile(times, 0.99).toFixed(3), times.at(-1)!.toFixed(3)]);
  }
}
