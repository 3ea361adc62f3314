import { createHash, timingSafeEqual } from "node:crypto";
import restify, { type Request, type Response, type Server } from "restify";
import { z } from "zod";
import type { SearchEngine } from "../src/answer/engine.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { agentAnswer } from "../src/render/agent-answer.js";
import { resolveKbLink } from "../src/render/markdown.js";
import type { Logger } from "./log.js";

export const SEARCH_PATH = "/api/search";

export const SearchQuery = z.object({
  q: z.string("a question is required").trim().min(1, "a question is required").max(500, "at most 500 characters"),
  limit: z.coerce.number("a number from 1 to 20").int("a whole number").min(1, "at least 1").max(20, "at most 20").default(5),
});

export interface SearchApiOptions {
  kb: KnowledgeBase;
  search: SearchEngine;
  /** Bearer keys; empty turns the route off. */
  keys: readonly string[];
  log: Logger;
  /** Requests a key may make per second, and in a burst. */
  rate?: { perSecond: number; burst: number };
}

const digest = (key: string) => createHash("sha256").update(key).digest();

/** The name a key is known by in logs and the rate limiter: never the key itself. */
function keyName(index: number): string {
  return `search-key-${index + 1}`;
}

/**
 * GET /api/search?q=…&limit=5 for help-desk tools (Zendesk or Freshdesk macros): the entries an agent would see,
 * best first, each with its canned answer as text and Markdown. A key from SEARCH_API_KEYS is required as
 * `Authorization: Bearer <key>`; each key is rate-limited on its own.
 */
export function registerSearchApi(server: Server, { kb, search, keys, log, rate = { perSecond: 5, burst: 20 } }: SearchApiOptions): boolean {
  if (keys.length === 0) {
    log.info(`search API off: set SEARCH_API_KEYS to serve ${SEARCH_PATH}`);
    return false;
  }
  const known = keys.map(digest);
  const resolve = resolveKbLink(kb);

  const authorize = (req: Request, res: Response, next: restify.Next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header("authorization") ?? "")?.[1];
    const presented = bearer ? digest(bearer) : undefined;
    const index = presented ? known.findIndex((k) => timingSafeEqual(k, presented)) : -1;
    if (index < 0) {
      res.header("WWW-Authenticate", 'Bearer realm="search"');
      res.send(401, { error: "an API key is required: Authorization: Bearer <key>" });
      return next(false);
    }
    req.username = keyName(index);
    return next();
  };

  server.get(
    SEARCH_PATH,
    authorize,
    restify.plugins.throttle({ username: true, rate: rate.perSecond, burst: rate.burst }),
    restify.plugins.queryParser({ mapParams: false }),
    (req: Request, res: Response, next: restify.Next) => {
      const query = SearchQuery.safeParse(req.query ?? {});
      if (!query.success) {
        res.send(400, { error: query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        return next(false);
      }
      const results = search.search(query.data.q, { audience: "agent", limit: query.data.limit }).map((hit) => {
        const answer = agentAnswer(kb.byId.get(hit.id)!, resolve);
        return {
          id: hit.id,
          title: answer.title,
          status: answer.status,
          ...(answer.label ? { label: answer.label } : {}),
          score: hit.score,
          answer: { text: answer.text, markdown: answer.markdown },
          url: answer.url,
        };
      });
      res.send(200, { results });
      return next();
    },
  );
  log.info(`search API on at ${SEARCH_PATH} (${keys.length} key${keys.length === 1 ? "" : "s"})`);
  return true;
}
