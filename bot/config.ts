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
