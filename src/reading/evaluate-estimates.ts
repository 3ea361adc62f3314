import { z } from "zod";
import { estimate } from "../estimate/estimate.js";
import { answerQuestion, nextQuestion, startRequest, type Question, type RequestState } from "../estimate/request-flow.js";
import type { KnowledgeBase, NumberKind } from "../knowledge/schema.js";
import type { Intent, Reader } from "./read.js";

const Counts = z.object({ local: z.number().int(), toll_free: z.number().int(), fax: z.number().int(), wireless: z.number().int() }).strict();

/** One line of an estimates evaluation set (`../shared/eval/estimates-dev.jsonl`; format in ../shared/README.md). */
export const EstimateCase = z
  .object({
    text: z.string().min(1),
    today: z.iso.date(),
    expected: z
      .object({
        counts: Counts,
        country: z.enum(["US", "CA", "other"]).nullable(),
        submitted: z.iso.date().nullable(),
        expedite: z.boolean(),
        rejections: z.number().int(),
        cancel: z.boolean(),
        total_usd: z.number().nullable(),
        completion: z.iso.date().nullable(),
      })
      .strict(),
    essential: z.array(z.enum(["counts", "country", "submitted", "expedite", "rejections", "cancel", "total", "completion"])),
    note: z.string().optional(),
  })
  .strict();
export type EstimateCase = z.infer<typeof EstimateCase>;

export function parseEstimateSet(text: string, name: string): EstimateCase[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim())
    .map(({ line, i }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${name}:${i + 1}: not JSON`);
      }
      const parsed = EstimateCase.safeParse(json);
      if (!parsed.success) throw new Error(`${name}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      return parsed.data;
    });
}

export interface EstimateOutcome {
  text: string;
  intent: Intent;
  followUps: number;
  /** What went wrong, empty when the total and the completion date are right. */
  problems: string[];
}

export interface EstimateReport {
  cases: number;
  /** Requests whose total and completion date (where scored) are right after at most one follow-up. */
  right: number;
  share: number;
  /** Where the first message was routed. */
  routes: Partial<Record<Intent, number>>;
  /** Requests that needed their one follow-up. */
  followedUp: number;
  outcomes: EstimateOutcome[];
}

const KIND_WORDS: Record<NumberKind, string> = { local: "local", wireless: "cell", "toll-free": "toll free", fax: "fax" };
const KEYS: Record<NumberKind, keyof z.infer<typeof Counts>> = { local: "local", wireless: "wireless", "toll-free": "toll_free", fax: "fax" };

/** What a customer would answer to the question, from the case's expected values, in plain words. */
function replyTo(question: Exclude<Question, { field: "done" }>, expected: EstimateCase["expected"]): string {
  switch (question.field) {
    case "kind":
      return (Object.keys(KEYS) as NumberKind[])
        .filter((k) => expected.counts[KEYS[k]] > 0)
        .map((k) => `${expected.counts[KEYS[k]]} ${KIND_WORDS[k]}`)
        .join(" and ");
    case "count":
      return String(expected.counts[KEYS[question.kind]]);
    case "place":
      return expected.country === "other" ? `${question.country} the country` : `${question.name}, ${question.regionCountry}`;
    case "country":
    case "country-name":
      return expected.country === "US" ? "US" : expected.country === "CA" ? "Canada" : "international";
    case "submitted":
      return expected.submitted ?? "today";
  }
}

/**
 * Runs each request through the reader and the estimate request flow as the bot does, answering at most one
 * follow-up question with the case's own expected value, and scores the total and the completion date.
 */
export function evaluateEstimates(kb: KnowledgeBase, reader: Reader, cases: EstimateCase[]): EstimateReport {
  const routes: Partial<Record<Intent, number>> = {};
  const outcomes: EstimateOutcome[] = cases.map((c) => {
    const reading = reader.read(c.text, { today: c.today });
    routes[reading.intent] = (routes[reading.intent] ?? 0) + 1;
    const problems: string[] = [];
    if (reading.intent !== "estimate") problems.push(`routed to ${reading.intent}`);
    let state: RequestState = startRequest(reading.facts).state;
    let followUps = 0;
    let question = nextQuestion(state, c.today);
    while (question.field !== "done" && followUps < 2) {
      followUps += 1;
      const reply = replyTo(question, c.expected);
      const answered = answerQuestion(state, reply, reader.read(reply, { today: c.today }).facts, c.today);
      if (!answered.understood) break;
      state = answered.state;
      question = nextQuestion(state, c.today);
    }
    if (followUps > 1) problems.push(`needed more than one follow-up (${question.field === "done" ? "then done" : `still asking ${question.field}`})`);
    if (question.field !== "done") return { text: c.text, intent: reading.intent, followUps, problems: [...problems, `no estimate: asks ${question.field}`] };
    const result = estimate(kb, question.input, question.context);
    const total = result.fees.total.excludesQuotes ? null : result.fees.total.amount;
    if (c.essential.includes("total") && !(total === c.expected.total_usd || (total !== null && c.expected.total_usd !== null && Math.abs(total - c.expected.total_usd) < 0.005))) {
      problems.push(`total ${total} instead of ${c.expected.total_usd} (${JSON.stringify(question.input)})`);
    }
    const completion = result.timeline?.completion ?? null;
    if (c.essential.includes("completion") && completion !== c.expected.completion) problems.push(`completion ${completion} instead of ${c.expected.completion} (submitted ${question.input.submitted})`);
    return { text: c.text, intent: reading.intent, followUps, problems };
  });
  const right = outcomes.filter((o) => o.problems.length === 0).length;
  return { cases: cases.length, right, share: cases.length ? right / cases.length : 0, routes, followedUp: outcomes.filter((o) => o.followUps > 0).length, outcomes };
}

export function formatEstimateReport(name: string, report: EstimateReport, withMisses: boolean): string {
  const routes = Object.entries(report.routes).map(([intent, n]) => `${intent} ${n}`).join(", ");
  const lines = [
    `${name}: ${report.cases} estimate requests`,
    `  right total and completion date ${(report.share * 100).toFixed(1)}% (${report.right}/${report.cases}), ${report.followedUp} after one follow-up`,
    `  routed: ${routes}`,
  ];
  if (withMisses) for (const o of report.outcomes.filter((x) => x.problems.length)) lines.push(`    - "${o.text}"\n      ${o.problems.join("; ")}`);
  return lines.join("\n");
}
