import type { Request, Response } from "restify";
import { TokenError, type Grant, type TokenIssuer, type TokenUse } from "./tokens.js";

/** Errors in Direct Line's shape: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

/**
 * The grant of a request's Bearer token, or undefined once a 401 (missing, forged) or 403 (expired, or another
 * conversation than `conversationId`) has been sent.
 */
export function authorize(req: Request, res: Response, tokens: TokenIssuer, conversationId?: string, use: TokenUse = "api"): Grant | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(req.header("authorization") ?? "")?.[1];
  if (!token) {
    res.header("WWW-Authenticate", "Bearer");
    sendError(res, 401, "TokenMissing", "a Direct Line token is required (Authorization: Bearer <token>)");
    return undefined;
  }
  let grant: Grant;
  try {
    grant = tokens.verify(token, use);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    if (error.reason === "expired") sendError(res, 403, "TokenExpired", error.message);
    else sendError(res, 401, "BadToken", error.message);
    return undefined;
  }
  if (conversationId !== undefined && conversationId !== grant.conversationId) {
    sendError(res, 403, "Forbidden", "the token is not valid for this conversation");
    return undefined;
  }
  return grant;
}

/** A watermark from the query: absent or empty means "from the start of what is kept". */
export function parseWatermark(value: unknown): number | undefined | "invalid" {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value)) return "invalid";
  return Number(value);
}
