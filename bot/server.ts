import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import restify, { type Request, type Response, type Server } from "restify";
import type { Activity, ActivityHandler, InvokeResponse, TurnContext } from "botbuilder";
import type { AuthenticateRequestResult } from "botframework-connector";
import type { BotFrameworkAdapter } from "./adapter.js";
import { ActivityEnvelope, UNREADABLE_REPLY, checkContent, describeProblems, tooLongReply } from "./incoming-activity.js";
import { RecentActivities, type ActivityLedger } from "./recent-activities.js";
import { TokenCheck, type TokenIssuers } from "./request-auth.js";
import { readBody } from "./request-body.js";
import { withRequestId, type Logger } from "./log.js";

export interface ServerOptions {
  adapter: BotFrameworkAdapter;
  /** Who signs the tokens accepted; unused in local mode. */
  issuers: TokenIssuers;
  bot: ActivityHandler;
  log: Logger;
  /**
   * Local mode: no app id, so no authentication; then replies only go to a serviceUrl on this machine, so the bot
   * cannot be used to post to other hosts.
   */
  localMode: boolean;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  maxBodyBytes?: number;
  /** Turns running after their request was answered (normal delivery); past this, 503. */
  maxBackgroundTurns?: number;
  /** Activity ids already received (shared by the instances with Redis); this process's memory unless given. */
  recent?: ActivityLedger;
}

const DEFAULT_MAX_BODY = 256 * 1024;

/** 127.0.0.0/8, ::1 and localhost: the only serviceUrl hosts local mode replies to. */
function isLoopback(serviceUrl: string): boolean {
  const host = new URL(serviceUrl).hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

type Logic = (context: TurnContext) => Promise<void>;

/** A reply that leaves the conversation's state alone: the bot itself does not run. */
function replyOnly(text: string): Logic {
  return async (context) => {
    if (context.activity.type === "invoke") {
      const body = { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text };
      await context.sendActivity({ type: "invokeResponse", value: { status: 200, body } });
    } else if (context.activity.type === "message") {
      await context.sendActivity(text);
    }
  };
}

/**
 * The HTTP face of the bot: POST /api/messages for the Bot Framework channels, GET /healthz for probes.
 *
 * A request is checked in order, each step before any work the next one costs: the token (401, or 503 when the
 * identity provider cannot be reached), the encoding and type (415), the size (413), the JSON and the activity's
 * envelope (400), the serviceUrl in local mode (403). Every refusal is a short JSON error and one log line.
 * A resent activity is acknowledged and not applied again. Content the bot cannot read, or a message too long for
 * it, gets a harmless reply without touching the conversation's state. Messages with normal delivery are
 * acknowledged at once and answered in the background, so a slow channel never holds the request.
 * Listening is left to the caller (tests use port 0).
 */
export function createServer(options: ServerOptions): Server {
  const { adapter, issuers, bot, log, localMode, maxBodyBytes = DEFAULT_MAX_BODY, maxBackgroundTurns = 256 } = options;
  const recent = options.recent ?? new RecentActivities();
  const server = restify.createServer({ name: "porting-bot", handleUncaughtExceptions: false });
  // A client that sends its headers or body a byte at a time is cut off instead of holding a connection.
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 15_000;
  const tokens = new TokenCheck(issuers);
  let background = 0;

  server.get("/healthz", (_req: Request, res: Response, next: restify.Next) => {
    res.send(200, { status: "ok" });
    return next();
  });

  server.post("/api/messages", async (req: Request, res: Response): Promise<void> => {
    const requestId = randomUUID();
    const refuse = (status: number, error: string, reason: string = error, headers: Record<string, string> = {}) => {
      log.info({ requestId, status }, `request refused: ${reason}`);
      for (const [name, value] of Object.entries(headers)) res.header(name, value);
      res.send(status, { error });
    };
    try {
      const authorization = req.header("authorization") || undefined;
      if (!localMode) {
        const outcome = await tokens.check(authorization);
        if (!outcome.ok) {
          const headers: Record<string, string> = outcome.status === 401 ? { "WWW-Authenticate": "Bearer" } : { "Retry-After": "30" };
          return refuse(outcome.status, outcome.error, outcome.reason, headers);
        }
      }
      if (!req.is("json")) return refuse(415, "the body must be a JSON Bot Framework activity (Content-Type: application/json)");
      const body = await readBody(req, maxBodyBytes);
      if (!body.ok) {
        if (body.status === 413) res.header("Connection", "close");
        return refuse(body.status, body.error);
      }
      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch {
        return refuse(400, "the body is not valid JSON");
      }
      const envelope = ActivityEnvelope.safeParse(json);
      if (!envelope.success) return refuse(400, `not a valid activity: ${describeProblems(envelope.error)}`);
      const activity = envelope.data;
      if (localMode && !isLoopback(activity.serviceUrl)) {
        return refuse(403, "in local mode the bot only replies to a serviceUrl on this machine", "serviceUrl not on this machine");
      }
      const inBackground = activity.type === "message" && activity.deliveryMode !== "expectReplies";
      if (inBackground && background >= maxBackgroundTurns) return refuse(503, "too many messages in progress; try again shortly", "busy", { "Retry-After": "5" });
      let authenticated: AuthenticateRequestResult;
      try {
        authenticated = await adapter.authenticate(activity as unknown as Activity, authorization ?? "");
      } catch (error) {
        const e = error as { name?: string; statusCode?: number };
        if (e.name === "FetchError" || (e.statusCode ?? 0) >= 500) {
          return refuse(503, "the identity provider cannot be reached; try again shortly", "identity provider unreachable", { "Retry-After": "30" });
        }
        return refuse(401, "the Bot Framework token is not valid", "token does not match the activity");
      }
      if (activity.id && (await recent.isDuplicate(activity.conversation.id, activity.id))) {
        log.info({ requestId }, "activity already received: not applied again");
        res.send(200, activity.deliveryMode === "expectReplies" ? { activities: [] } : undefined);
        return;
      }

      const content = checkContent(activity);
      const logic: Logic = content.ok
        ? (context) => bot.run(context)
        : content.problem === "too-long"
          ? replyOnly(tooLongReply(content.text))
          : replyOnly(UNREADABLE_REPLY);
      if (!content.ok) log.info({ requestId }, `activity content not read (${content.problem}): replied without running the bot`);
      const run = () => withRequestId(requestId, () => adapter.handle(authenticated, activity as unknown as Activity, logic));

      if (inBackground) {
        background++;
        res.send(200);
        run()
          .catch((error: unknown) => log.warn({ requestId }, `turn not run: ${(error as Error).name}`))
          .finally(() => background--);
        return;
      }
      const response: InvokeResponse | undefined = await run();
      res.send(response?.status ?? 200, response?.body);
    } catch (error) {
      log.error({ requestId }, `request failed: ${(error as Error).name}: ${(error as Error).message}`);
      if (!res.headersSent) res.send(400, { error: "the activity could not be processed" });
    }
  });

  return server;
}
