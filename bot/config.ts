import { z } from "zod";

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The bot's settings, from the environment (and `.env`); names as in the Bot Framework samples. */
export const BotConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    MicrosoftAppId: optional,
    MicrosoftAppPassword: optional,
    MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
    MicrosoftAppTenantId: optional,
    KNOWLEDGE_DIR: optional,
    FEEDBACK_LOG: optional,
    /** redis:// or rediss:// (TLS); without it, state stays in this process's memory. */
    REDIS_URL: optional.pipe(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional()),
    /** How long a conversation's state is kept after its last change. */
    STATE_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
    /** Without Redis: the most conversations kept in memory; the least recently used go first. */
    MEMORY_STATE_MAX: z.coerce.number().int().min(1).default(10_000),
    /** "off" answers without the sentence encoder's second opinion (saves about 150 MB and a second at start). */
    SECOND_OPINION: z.enum(["on", "off"]).default("on"),
    /**
     * How long a review waits for a new question's sentence vector, in ms; past it the engine's "which of these?"
     * stands. Unset: it waits as long as the encoder takes (slow on a busy machine).
     */
    SECOND_OPINION_BUDGET_MS: z.coerce.number().int().min(1).max(10_000).optional(),
    /** Turns on POST /admin/reload for callers sending it as a Bearer token. */
    ADMIN_API_KEY: optional.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    /** The interface to listen on: 127.0.0.1 in local mode, every interface otherwise, unless set. */
    HOST: optional,
    /** Where the Bot Framework's signing keys are published (sovereign clouds set these; tests use a local one). */
    ToBotFromChannelOpenIdMetadataUrl: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
    ToBotFromEmulatorOpenIdMetadataUrl: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  })
  .superRefine((c, ctx) => {
    if (c.MicrosoftAppType === "SingleTenant" && c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: "a SingleTenant bot needs its tenant id" });
    }
  });
export type BotConfig = z.infer<typeof BotConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv): BotConfig {
  const parsed = BotConfig.safeParse({ ...env, MicrosoftAppType: env.MicrosoftAppType || undefined });
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    `invalid configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
  );
}

/** Local mode: no app id, so no authentication; for the Playground and the emulator only. */
export function isLocalMode(config: BotConfig): boolean {
  return config.MicrosoftAppId === undefined;
}

/** Local mode is for this machine only, so it listens on the loopback interface unless HOST says otherwise. */
export function listenHost(config: BotConfig): string {
  return config.HOST ?? (isLocalMode(config) ? "127.0.0.1" : "0.0.0.0");
}
