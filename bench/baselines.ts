import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { AnswerEngine } from "../src/answer/engine.js";
import type { AskResult, MatchSummary } from "../src/answer/result.js";
import type { Entry, KnowledgeBase } from "../src/knowledge/schema.js";
import { toPlainText } from "../src/render/markdown.js";

/** What both baselines index: the customer entries' title and plain-text body. */
interface Doc {
  id: string;
  title: string;
  body: string;
}

function docsOf(kb: KnowledgeBase): { docs: Doc[]; byId: Map<string, Entry> } {
  const entries = kb.entries.filter((e) => e.status === "current" && e.audience.includes("customer"));
  const docs = entries.map((e) => ({ id: e.id, title: e.title, body: toPlainText(e.body, () => undefined) }));
  return { docs, byId: new Map(entries.map((e) => [e.id, e])) };
}

function summary(e: Entry): MatchSummary {
  return { id: e.id, title: e.title, type: e.type, source: { article: e.source.article, section: e.source.section, url: e.source.url } };
}

/** A search library as an engine: it answers with its first hit whenever it has one; it never asks back. */
function asEngine(byId: Map<string, Entry>, search: (q: string) => Array<{ id: string; score: number }>): AnswerEngine {
  return {
    ask(question): AskResult {
      const hits = search(question).slice(0, 4);
      const [first, ...rest] = hits.map((h) => ({ ...summary(byId.get(h.id)!), score: Math.min(1, Math.max(0, h.score)) }));
      return {
        status: first ? "answered" : "fallback",
        confidence: first?.score ?? 0,
        answer: first ? summary(byId.get(first.id)!) : null,
        alternatives: rest,
        masked: question,
        language: "en",
      };
    },
  };
}

/** fuse.js with its default options over title and body. */
export function fuseDefaultEngine(kb: KnowledgeBase): AnswerEngine {
  const { docs, byId } = docsOf(kb);
  const fuse = new Fuse(docs, { keys: ["title", "body"], includeScore: true });
  return asEngine(byId, (q) => (q.trim() ? fuse.search(q).map((r) => ({ id: r.item.id, score: 1 - (r.score ?? 1) })) : []));
}

/** MiniSearch's BM25 with its default options over title and body. */
export function miniSearchEngine(kb: KnowledgeBase): AnswerEngine {
  const { docs, byId } = docsOf(kb);
  const mini = new MiniSearch<Doc>({ fields: ["title", "body"] });
  mini.addAll(docs);
  return asEngine(byId, (q) => {
    const hits = mini.search(q);
    const top = hits[0]?.score ?? 1;
    return hits.map((h) => ({ id: String(h.id), score: h.score / top }));
  });
}
