import restify, { type Request, type Response, type Server } from "restify";
import type { ActivityHandler, CloudAdapter } from "botbuilder";
import { IncomingActivity, describeProblems } from "./incoming-activity.js";
import type { Logger } from "./log.js";

export interface ServerOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** With an app id set: a request without an Authorization header gets 401 before its body is read. */
  requireAuthorization: boolean;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY = 256 * 1024;

/**
 * The HTTP face of the bot: POST /api/messages for the Bot Framework channels, GET /healthz for probes.
 * Bodies are checked before the adapter sees them: not JSON, too large, or not an activity gets a 4xx, never a 500.
 * When authentication is on, a request without credentials is refused (401) before anything else, so a stranger
 * learns nothing about the body the bot expects; the adapter still validates the tokens of the others.
 * Listening is left to the caller (tests use port 0).
 */
export function createServer({ adapter, bot, log, requireAuthorization, maxBodyBytes = DEFAULT_MAX_BODY }: ServerOptions): Server {
  const server = restify.createServer({ name: "porting-bot", handleUncaughtExceptions: false });

  server.get("/healthz", (_req: Request, res: Response, next: restify.Next) => {
    res.send(200, { status: "ok" });
    return next();
  });

  server.post(
    "/api/messages",
    (req: Request, res: Response, next: restify.Next) => {
      if (requireAuthorization && !req.header("authorization")) {
        res.header("WWW-Authenticate", "Bearer");
        res.send(401, { error: "authorization required: a Bot Framework token in the Authorization header" });
        return next(false);
      }
      if (!req.is("json")) {
        res.send(415, { error: "the body must be a JSON Bot Framework activity (Content-Type: application/json)" });
        return next(false);
      }
      return next();
    },
    restify.plugins.bodyReader({ maxBodySize: maxBodyBytes }),
    restify.plugins.jsonBodyParser({ bodyReader: true }),
    async (req: Request, res: Response) => {
      const activity = IncomingActivity.safeParse(req.body);
      if (!activity.success) {
        res.send(400, { error: `not a valid activity: ${describeProblems(activity.error)}` });
        return;
      }
      try {
        await adapter.process(req, res, (context) => bot.run(context));
      } catch (error) {
        log.error(`request failed: ${(error as Error).message}`);
        if (!res.headersSent) res.send(400, { error: "the activity could not be processed" });
      }
    },
  );

  return server;
}
