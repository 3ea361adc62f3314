import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The Direct Line channel's settings, from the environment. Every instance behind one address needs the same
 * DIRECTLINE_TOKEN_SECRET (and the same shared storage); without one, a random secret is drawn at start-up, so tokens
 * die with the process.
 */
export const DirectLineEnv = z.object({
  DIRECTLINE_TOKEN_SECRET: z.string().min(32, "at least 32 characters").optional(),
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  /** Tokens one client address may generate per minute. */
  DIRECTLINE_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  DIRECTLINE_MAX_ACTIVITY_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024).default(64 * 1024),
  DIRECTLINE_TRANSCRIPT_MAX_ACTIVITIES: z.coerce.number().int().min(10).max(100_000).default(500),
  DIRECTLINE_TRANSCRIPT_MAX_AGE_HOURS: z.coerce.number().min(0.01).max(24 * 90).default(24),
  /** How often an open stream also reads the storage, for activities another instance appended. */
  DIRECTLINE_STREAM_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
});

export interface DirectLineSettings {
  tokenSecret: string;
  /** True when the secret was drawn at start-up rather than configured. */
  ephemeralSecret: boolean;
  tokenTtlSeconds: number;
  tokensPerMinute: number;
  maxActivityBytes: number;
  transcript: { maxActivities: number; maxAgeMs: number };
  /** How often an open stream looks in storage for activities that another instance wrote. */
  storagePollMs: number;
}

export function directLineSettings(env: NodeJS.ProcessEnv): DirectLineSettings {
  const parsed = DirectLineEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`invalid Direct Line configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    tokenSecret: e.DIRECTLINE_TOKEN_SECRET ?? randomBytes(32).toString("base64url"),
    ephemeralSecret: e.DIRECTLINE_TOKEN_SECRET === undefined,
    tokenTtlSeconds: e.DIRECTLINE_TOKEN_TTL_SECONDS,
    tokensPerMinute: e.DIRECTLINE_TOKENS_PER_MINUTE,
    maxActivityBytes: e.DIRECTLINE_MAX_ACTIVITY_BYTES,
    transcript: { maxActivities: e.DIRECTLINE_TRANSCRIPT_MAX_ACTIVITIES, maxAgeMs: e.DIRECTLINE_TRANSCRIPT_MAX_AGE_HOURS * 3_600_000 },
    storagePollMs: e.DIRECTLINE_STREAM_POLL_MS,
  };
}
