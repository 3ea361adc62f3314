import type { Activity, ConfigurationBotFrameworkAuthentication } from "botbuilder";

export type AuthOutcome =
  | { ok: true }
  | { ok: false; status: 401; error: string; reason: string }
  | { ok: false; status: 503; error: string; reason: string };

/** Errors the token library raises for a token that is malformed, badly signed, expired or not yet valid. */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError", "SyntaxError", "TypeError"]);

/**
 * Why a token was refused, in one short line, or that the identity provider could not be reached (its signing keys
 * could not be fetched): the request may be fine, so the caller should retry later (503), not give up (401).
 */
export function classifyAuthError(error: unknown): Exclude<AuthOutcome, { ok: true }> {
  const e = error as { name?: string; message?: string; statusCode?: number; code?: string; type?: string };
  const name = e.name ?? "Error";
  const unreachable =
    name === "FetchError" ||
    e.type === "system" ||
    (name === "AuthenticationError" && typeof e.statusCode === "number" && e.statusCode >= 500) ||
    /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|socket hang up|Failed to load/i.test(e.message ?? "");
  if (unreachable) return { ok: false, status: 503, error: "the identity provider cannot be reached; try again shortly", reason: name };
  const reason = TOKEN_ERRORS.has(name) || name === "AuthenticationError" ? name : `unexpected ${name}`;
  return { ok: false, status: 401, error: "the Bot Framework token is not valid", reason };
}

/**
 * Checks the bearer token before the body is read: its signature against the identity provider's published keys,
 * issuer, audience (this bot's app id) and lifetime. The channel and serviceUrl claims are checked again with the
 * activity once the body has been read (the adapter does this).
 */
export async function authenticate(auth: ConfigurationBotFrameworkAuthentication, header: string | undefined): Promise<AuthOutcome> {
  if (!header || !/^Bearer \S+$/.test(header)) {
    return { ok: false, status: 401, error: "authorization required: a Bot Framework token in the Authorization header", reason: "no bearer token" };
  }
  try {
    await auth.authenticateRequest({ channelId: "", serviceUrl: "" } as Activity, header);
    return { ok: true };
  } catch (error) {
    return classifyAuthError(error);
  }
}
