import type { DiagnosisCase } from "./evaluate.js";

/** Where the bot takes a rejection notice or story sent as the first message, and the causes or entries it shows. */
export type FirstTurn =
  | { to: "diagnosis"; causes: string[] }
  | { to: "answer" | "choices"; entries: string[] }
  | { to: "unknown" }
  | { to: "other"; intent: string };

export interface FirstMessageReport {
  /** Lines whose text names a known cause. */
  known: number;
  /** Where they went. */
  routes: Record<FirstTurn["to"], number>;
  /** Of those, the ones whose cause the customer is shown first: the diagnosis's first cause, or the answer's entry. */
  shownFirst: number;
  /** Lines naming no known cause that the bot gave a cause or a rejection entry outright. */
  unknownGivenCause: number;
  unknown: number;
  /** The lines whose cause was not shown first, or that named none and were given one, with where they went. */
  misses: Array<{ text: string; expected: string | null; turn: FirstTurn }>;
}

/**
 * Scores the bot's first turn on each line with a cause: the reading's route (a diagnosis, or the answer engine),
 * and whether what the customer sees first is that cause. `sameAnswer` tells whether an entry answers as the cause's
 * own entry does (one answer group).
 */
export function evaluateFirstMessages(cases: DiagnosisCase[], firstTurn: (text: string) => FirstTurn, sameAnswer: (entry: string, cause: string) => boolean): FirstMessageReport {
  const report: FirstMessageReport = { known: 0, routes: { diagnosis: 0, answer: 0, choices: 0, unknown: 0, other: 0 }, shownFirst: 0, unknownGivenCause: 0, unknown: 0, misses: [] };
  for (const c of cases) {
    const turn = firstTurn(c.text);
    const first = turn.to === "diagnosis" ? turn.causes[0] : turn.to === "answer" ? turn.entries[0] : undefined;
    if (c.expected_cause === null) {
      report.unknown += 1;
      if (first !== undefined) {
        report.unknownGivenCause += 1;
        report.misses.push({ text: c.text, expected: null, turn });
      }
      continue;
    }
    report.known += 1;
    report.routes[turn.to] += 1;
    if (first !== undefined && (first === c.expected_cause || (turn.to === "answer" && sameAnswer(first, c.expected_cause)))) report.shownFirst += 1;
    else report.misses.push({ text: c.text, expected: c.expected_cause, turn });
  }
  return report;
}

/** `withMisses`: also each line whose cause was not shown first (or that was given one it does not name), and where it went. */
export function formatFirstMessages(r: FirstMessageReport, withMisses = false): string {
  const pct = r.known ? `${((100 * r.shownFirst) / r.known).toFixed(1)}%` : "-";
  const routes = Object.entries(r.routes).filter(([, n]) => n > 0).map(([to, n]) => `${to} ${n}`).join(", ");
  const lines = [`  as a first message in the bot: its cause shown first ${pct} (of ${r.known}; ${routes}); unknown given a cause ${r.unknownGivenCause}/${r.unknown}`];
  if (withMisses) {
    const shown = (t: FirstTurn) => (t.to === "diagnosis" ? `diagnosis: ${t.causes.slice(0, 3).join(", ") || "no cause"}` : t.to === "answer" || t.to === "choices" ? `${t.to}: ${t.entries.slice(0, 3).join(", ")}` : t.to === "other" ? `routed as ${t.intent}` : "no answer");
    for (const m of r.misses) lines.push(`    - "${m.text}"\n      ${shown(m.turn)}; expected ${m.expected ?? "no cause"}`);
  }
  return lines.join("\n");
}
