import { createSecretKey, randomUUID, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import { z } from "zod";

const ISSUER = "porting-bot/directline";

/** What a token is good for: one conversation, one user, and either the REST API or opening its stream. */
export interface Grant {
  conversationId: string;
  userId: string;
}

const Claims = z.object({
  conv: z.string().min(1),
  /** Read by Web Chat as the user's id (a `dl_` id cannot be forged by the page). */
  user: z.string().startsWith("dl_"),
  use: z.enum(["api", "stream"]),
});

export type TokenUse = z.infer<typeof Claims>["use"];

/** Expired is 403 (the client should get a new token), anything else that does not verify is 401. */
export class TokenError extends Error {
  override name = "TokenError";
  constructor(readonly reason: "expired" | "invalid") {
    super(reason === "expired" ? "the token has expired" : "the token is not valid");
  }
}

/** How long a stream URL stays usable: the client connects to it right after asking for it. */
const STREAM_TTL_SECONDS = 120;

/** HMAC-signed JWTs (HS256) bound to a conversation and a user. */
export class TokenIssuer {
  /** A key object, not the string: jsonwebtoken would otherwise try the string as a public key on every call. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createSecretKey(Buffer.from(secret, "utf8"));
  }

  /** A new conversation for a new user. */
  newGrant(): Grant {
    return { conversationId: randomUUID(), userId: `dl_${randomUUID()}` };
  }

  issue(grant: Grant, use: TokenUse = "api"): string {
    const claims = { conv: grant.conversationId, user: grant.userId, use, iat: Math.floor(this.now() / 1000) } satisfies z.infer<typeof Claims> & { iat: number };
    return jwt.sign(claims, this.key, {
      algorithm: "HS256",
      issuer: ISSUER,
      expiresIn: use === "stream" ? STREAM_TTL_SECONDS : this.ttlSeconds,
      jwtid: randomUUID(),
    });
  }

  verify(token: string, use: TokenUse = "api"): Grant {
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.key, { algorithms: ["HS256"], issuer: ISSUER, clockTimestamp: Math.floor(this.now() / 1000) });
    } catch (error) {
      throw new TokenError(error instanceof jwt.TokenExpiredError ? "expired" : "invalid");
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success || claims.data.use !== use) throw new TokenError("invalid");
    return { conversationId: claims.data.conv, userId: claims.data.user };
  }
}
