import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";
import { isCustomerEntry } from "../../src/knowledge/audience.js";
import type { Language } from "../../src/answer/result.js";
import type { Choice, ChoiceGroup, Reply } from "../channels/reply.js";
import { startFlow, type Flows } from "./menu.js";

/** What the card needs to know about how the entry was reached, for its "Did this help?" buttons. */
export interface AnswerContext {
  /** The masked question, when the entry answers one. */
  question?: string;
  /** The engine's confidence; absent when the entry was opened from a related-entry button. */
  score?: number;
  language?: Language;
  translation?: string;
}

const MAX_RELATED = 3;
/** The link text to an article in the reader's language. */
export const READ_IN: Record<Exclude<Language, "en">, string> = { fr: "Lire en français", es: "Leer en español" };

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

function sourceLabel(entry: Entry): string {
  return entry.source.section ? `${entry.source.article}: ${entry.source.section}` : entry.source.article;
}

function relatedChoices(entry: Entry, kb: KnowledgeBase): Choice[] {
  return entry.related
    .map((id) => kb.byId.get(id))
    .filter(isCustomerEntry)
    .slice(0, MAX_RELATED)
    .map((e) => ({ label: e.title, action: { action: "open", id: e.id } }));
}

/** Rejection entries lead to the diagnosis; entries with fees or durations to an estimate. */
function flowChoices(entry: Entry, flows: Flows): Choice[] {
  const choices: Choice[] = [];
  if ((entry.type === "rejection" || entry.diagnosis) && flows.has("diagnose")) choices.push({ ...startFlow("diagnose"), label: "Diagnose my rejection" });
  if ((entry.fees.length || entry.durations.length) && flows.has("estimate")) choices.push({ ...startFlow("estimate"), label: "Estimate my fees and dates" });
  return choices;
}

export function answerCard(entry: Entry, kb: KnowledgeBase, flows: Flows, asked: AnswerContext = {}): Reply {
  const feedback = (helpful: boolean): Choice => ({
    label: helpful ? "Yes" : "No",
    action: { action: "feedback", helpful, entry: entry.id, question: asked.question ?? entry.title, ...(asked.score === undefined ? {} : { score: asked.score }) },
  });
  const groups: ChoiceGroup[] = [];
  const related = relatedChoices(entry, kb);
  if (related.length) groups.push({ prompt: "Related", choices: related });
  const next = flowChoices(entry, flows);
  if (next.length) groups.push({ choices: next });
  groups.push({ prompt: "Did this help?", choices: [feedback(true), feedback(false)] });
  const links = [{ text: `Source: ${sourceLabel(entry)}`, url: entry.source.url }];
  if (asked.translation && asked.language && asked.language !== "en") links.push({ text: READ_IN[asked.language], url: asked.translation });
  return {
    title: entry.title,
    blocks: [
      { kind: "markdown", text: entry.body.trim() },
      { kind: "note", text: `Last updated ${formatDate(entry.source.last_changed)}` },
    ],
    links,
    groups,
  };
}
