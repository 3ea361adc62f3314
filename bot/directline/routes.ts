import type { ActivityHandler, CloudAdapter, Storage } from "botbuilder";
import restify, { type Request, type Response, type Server } from "restify";
import type { Logger } from "../log.js";
import { PostedActivity } from "./activity.js";
import { DirectLineChannel, type BotAccount } from "./channel.js";
import { authorize, parseWatermark, sendError } from "./http.js";
import type { DirectLineSettings } from "./settings.js";
import { attachStreams } from "./stream.js";
import { TokenIssuer, type Grant } from "./tokens.js";
import { TranscriptStore, UnknownConversationError } from "./transcript.js";

export const DIRECTLINE_PATH = "/v3/directline";

export interface DirectLineOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** The bot's state storage: transcripts are kept beside the conversation state. */
  storage: Storage;
  settings: DirectLineSettings;
  account: BotAccount;
  log: Logger;
}

/** The Direct Line 3.0 API clients need: enough for Web Chat's `createDirectLine({ domain, token })`. */
export function registerDirectLine(server: Server, { adapter, bot, storage, settings, account, log }: DirectLineOptions): void {
  const tokens = new TokenIssuer(settings.tokenSecret, settings.tokenTtlSeconds);
  const transcripts = new TranscriptStore(storage, settings.transcript);
  const channel = new DirectLineChannel(adapter, bot, transcripts, account);
  const closeStreams = attachStreams(server.server, { tokens, transcripts, storagePollMs: settings.storagePollMs });
  server.on("close", closeStreams);
  if (settings.ephemeralSecret) log.warn("Direct Line: DIRECTLINE_TOKEN_SECRET is not set; tokens are signed with a key drawn at start-up and die with this process");

  const credentials = (grant: Grant) => ({ conversationId: grant.conversationId, token: tokens.issue(grant), expires_in: tokens.ttlSeconds });
  const streamUrl = (req: Request, grant: Grant, watermark: number | undefined) => {
    const secure = req.isSecure() || req.header("x-forwarded-proto") === "https";
    const query = new URLSearchParams({ t: tokens.issue(grant, "stream"), ...(watermark === undefined ? {} : { watermark: String(watermark) }) });
    return `${secure ? "wss" : "ws"}://${req.header("host")}${DIRECTLINE_PATH}/conversations/${encodeURIComponent(grant.conversationId)}/stream?${query}`;
  };
  const failed = (res: Response, what: string) => (error: unknown) => {
    log.error(`Direct Line: ${what} failed: ${(error as Error).message}`);
    if (!res.headersSent) sendError(res, 500, "ServiceError", `${what} failed`);
  };

  server.post(
    `${DIRECTLINE_PATH}/tokens/generate`,
    restify.plugins.throttle({ burst: settings.tokensPerMinute, rate: settings.tokensPerMinute / 60, ip: true }),
    (_req: Request, res: Response, next: restify.Next) => {
      res.send(200, credentials(tokens.newGrant()));
      return next();
    },
  );

  server.post(`${DIRECTLINE_PATH}/tokens/refresh`, (req: Request, res: Response, next: restify.Next) => {
    const grant = authorize(req, res, tokens);
    if (grant) res.send(200, credentials(grant));
    return next();
  });

  server.post(`${DIRECTLINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const grant = authorize(req, res, tokens);
    if (!grant) return;
    try {
      const started = await channel.start(grant);
      res.send(started ? 201 : 200, { ...credentials(grant), streamUrl: streamUrl(req, grant, undefined) });
    } catch (error) {
      failed(res, "starting the conversation")(error);
    }
  });

  server.get(`${DIRECTLINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const grant = authorize(req, res, tokens, req.params.conversationId);
    if (!grant) return;
    const watermark = parseWatermark(new URLSearchParams(req.getQuery()).get("watermark") ?? undefined);
    if (watermark === "invalid") return sendError(res, 400, "BadArgument", "watermark: a whole number");
    try {
      if (!(await transcripts.exists(grant.conversationId))) return sendError(res, 404, "NotFound", "no such conversation (it may have expired)");
      res.send(200, { ...credentials(grant), streamUrl: streamUrl(req, grant, watermark) });
    } catch (error) {
      failed(res, "reconnecting")(error);
    }
  });

  server.get(`${DIRECTLINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const grant = authorize(req, res, tokens, req.params.conversationId);
    if (!grant) return;
    const watermark = parseWatermark(new URLSearchParams(req.getQuery()).get("watermark") ?? undefined);
    if (watermark === "invalid") return sendError(res, 400, "BadArgument", "watermark: a whole number");
    try {
      const set = await transcripts.since(grant.conversationId, watermark);
      if (!set) return sendError(res, 404, "NotFound", "no such conversation (it may have expired)");
      res.send(200, set);
    } catch (error) {
      failed(res, "reading the activities")(error);
    }
  });

  server.post(
    `${DIRECTLINE_PATH}/conversations/:conversationId/activities`,
    (req: Request, res: Response, next: restify.Next) => {
      const grant = authorize(req, res, tokens, req.params.conversationId);
      if (!grant) return next(false);
      if (!req.is("json")) {
        sendError(res, 415, "BadArgument", "the body must be a JSON activity (Content-Type: application/json)");
        return next(false);
      }
      (req as Request & { grant: Grant }).grant = grant;
      return next();
    },
    restify.plugins.bodyReader({ maxBodySize: settings.maxActivityBytes }),
    async (req: Request, res: Response) => {
      const { grant } = req as Request & { grant: Grant };
      let body: unknown;
      try {
        body = JSON.parse(String(req.body ?? ""));
      } catch {
        return sendError(res, 400, "BadArgument", "the body is not valid JSON");
      }
      const posted = PostedActivity.safeParse(body);
      if (!posted.success) {
        return sendError(res, 400, "BadArgument", `not a valid activity: ${posted.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ")}`);
      }
      try {
        res.send(200, { id: await channel.post(grant, posted.data) });
      } catch (error) {
        if (error instanceof UnknownConversationError) return sendError(res, 404, "NotFound", "no such conversation (it may have expired)");
        failed(res, "posting the activity")(error);
      }
    },
  );
}
