import { createPublicKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import { z } from "zod";

export type AuthOutcome = { ok: true } | { ok: false; status: 401 | 503; error: string; reason: string };

const refused = (reason: string): AuthOutcome => ({ ok: false, status: 401, error: "the Bot Framework token is not valid", reason });
const UNREACHABLE: AuthOutcome = { ok: false, status: 503, error: "the identity provider cannot be reached; try again shortly", reason: "identity provider unreachable" };

/** The algorithms the Bot Framework signs with. */
const ALGORITHMS: jwt.Algorithm[] = ["RS256", "RS384", "RS512"];
/** As the Bot Framework SDK allows. */
const CLOCK_TOLERANCE_S = 5 * 60;

export interface TokenIssuers {
  appId: string;
  /** Issuer and OpenID metadata of tokens sent by the Bot Connector service (the channels). */
  channel: { issuer: string; metadataUrl: string };
  /** Issuers and OpenID metadata of tokens sent by the Emulator and other bots. */
  emulator: { issuers: readonly string[]; metadataUrl: string };
}

const OpenIdConfiguration = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });
const KeySet = z.object({ keys: z.array(z.looseObject({ kid: z.string(), kty: z.string() })) });

class UnreachableError extends Error {}

/** The identity provider's signing keys, by key id: fetched once a day, or again (at most every 5 minutes) for an unknown kid. */
class SigningKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly metadataUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async get(kid: string): Promise<KeyObject | undefined> {
    const age = Date.now() - this.fetchedAt;
    if (age > 24 * 3600_000 || (!this.keys.has(kid) && age > 5 * 60_000)) await (this.pending ??= this.refresh().finally(() => (this.pending = undefined)));
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    const getJson = async (url: string): Promise<unknown> => {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return await res.json();
      } catch {
        throw new UnreachableError();
      }
    };
    const config = OpenIdConfiguration.safeParse(await getJson(this.metadataUrl));
    if (!config.success) throw new UnreachableError();
    const set = KeySet.safeParse(await getJson(config.data.jwks_uri));
    if (!set.success) throw new UnreachableError();
    const keys = new Map<string, KeyObject>();
    for (const jwk of set.data.keys) {
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk as unknown as import("node:crypto").JsonWebKey, format: "jwk" }));
      } catch {
        // A key this runtime cannot read cannot have signed a token we accept.
      }
    }
    this.keys = keys;
    this.fetchedAt = Date.now();
  }
}

/**
 * Checks a request's bearer token before its body is read: well formed, an RSA algorithm, an allowed issuer, signed
 * by one of that issuer's published keys, for this bot, and within its lifetime. Whatever is wrong, the answer is a
 * 401 with one short reason, never the token library's error or the keys. When the keys cannot be fetched the token
 * may be fine: 503, to be retried. The adapter checks the token again with the activity (serviceUrl, endorsements).
 */
export class TokenCheck {
  private readonly channelKeys: SigningKeys;
  private readonly emulatorKeys: SigningKeys;

  constructor(
    private readonly issuers: TokenIssuers,
    timeoutMs = 5000,
  ) {
    this.channelKeys = new SigningKeys(issuers.channel.metadataUrl, timeoutMs);
    this.emulatorKeys = new SigningKeys(issuers.emulator.metadataUrl, timeoutMs);
  }

  async check(header: string | undefined): Promise<AuthOutcome> {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header ?? "")?.[1];
    if (!header) return { ok: false, status: 401, error: "authorization required: a Bot Framework token in the Authorization header", reason: "no token" };
    if (!token) return refused("not a bearer JWT");
    let decoded: jwt.Jwt | null;
    try {
      decoded = jwt.decode(token, { complete: true });
    } catch {
      decoded = null;
    }
    if (!decoded || typeof decoded.payload !== "object") return refused("malformed token");
    const { alg, kid } = decoded.header;
    if (!ALGORITHMS.includes(alg as jwt.Algorithm)) return refused(`algorithm ${String(alg).slice(0, 16)} not allowed`);
    if (typeof kid !== "string") return refused("no key id");
    const claims = decoded.payload;
    const fromChannel = claims.iss === this.issuers.channel.issuer;
    if (!fromChannel && !this.issuers.emulator.issuers.includes(String(claims.iss))) return refused("issuer not allowed");
    let key: KeyObject | undefined;
    try {
      key = await (fromChannel ? this.channelKeys : this.emulatorKeys).get(kid);
    } catch {
      return UNREACHABLE;
    }
    if (!key) return refused("unknown signing key");
    try {
      jwt.verify(token, key, { algorithms: ALGORITHMS, issuer: String(claims.iss), clockTolerance: CLOCK_TOLERANCE_S });
    } catch (error) {
      return refused((error as Error).message.slice(0, 60));
    }
    const forApp = fromChannel ? claims.aud : ((claims as Record<string, unknown>).appid ?? (claims as Record<string, unknown>).azp);
    if (forApp !== this.issuers.appId) return refused("token for another bot");
    return { ok: true };
  }
}
