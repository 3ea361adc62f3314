import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, Response, Server } from "restify";
import type { ReloadResult } from "./live-knowledge.js";
import type { Logger } from "./log.js";
import type { BotMetrics } from "./metrics.js";
import type { KnowledgeSource } from "./services.js";
import type { StateStore } from "./storage.js";

export interface OperationsOptions {
  knowledge: KnowledgeSource;
  /** Absent when the bot serves a fixed knowledge base: nothing to reload. */
  reload?: () => Promise<ReloadResult>;
  /** Tells the other instances to reload their own folders; resolves to how many heard it. */
  announceReload?: () => Promise<number>;
  state: StateStore;
  metrics: BotMetrics;
  log: Logger;
  /** POST /admin/reload exists only with a key. */
  adminKey?: string;
  /** True once the bot is shutting down: it finishes its turns but should get no new ones. */
  stopping: () => boolean;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares the Bearer token with the key in constant time (both are hashed first, so lengths do not leak). */
export function hasBearer(authorization: string | undefined, key: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(key));
}

/**
 * Routes for whoever runs the bot: GET /readyz (send traffic here?), GET /metrics (Prometheus), and
 * POST /admin/reload (load the knowledge folder again now). GET /healthz (alive) is the server's own.
 */
export function registerOperations(server: Server, { knowledge, reload, announceReload, state, metrics, log, adminKey, stopping }: OperationsOptions): void {
  server.get("/readyz", async (_req: Request, res: Response) => {
    const problems: string[] = [];
    if (stopping()) problems.push("shutting down");
    const storeProblem = await state.problem();
    if (storeProblem) problems.push(storeProblem);
    const entries = knowledge.latest().kb.entries.length;
    if (entries === 0) problems.push("no knowledge loaded");
    // The engine serves alone while the second opinion is prepared: that is ready, and said so.
    const opinion = knowledge.opinionStatus();
    const body = { status: problems.length ? "unavailable" : "ready", ...(problems.length ? { problems } : {}), state: state.kind, entries, opinion };
    res.send(problems.length ? 503 : 200, body);
  });

  server.get("/metrics", async (_req: Request, res: Response) => {
    const text = await metrics.registry.metrics();
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.sendRaw(200, text);
  });

  if (!adminKey) return;
  server.post("/admin/reload", async (req: Request, res: Response) => {
    if (!hasBearer(req.header("authorization"), adminKey)) {
      res.header("WWW-Authenticate", "Bearer");
      res.send(401, { error: "authorization required: Bearer <ADMIN_API_KEY>" });
      return;
    }
    if (!reload) {
      res.send(409, { error: "this bot serves a fixed knowledge base" });
      return;
    }
    log.info("knowledge reload requested");
    const result = await reload();
    // Each instance reads its own folder: the others reload whether or not this one's files were valid.
    let otherInstances = 0;
    try {
      otherInstances = (await announceReload?.()) ?? 0;
    } catch (error) {
      log.warn(`the other instances were not told to reload: ${(error as Error).message}`);
    }
    res.send(result.status === "reloaded" ? 200 : 422, { ...result, otherInstances });
  });
}
