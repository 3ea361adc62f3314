import { z } from "zod";
import { ConfigError } from "./config.js";

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Settings of the agents' tools: who counts as an agent, the search API's keys, the Slack app (Bolt's names). */
export const AgentConfig = z
  .object({
    /** Teams team or channel ids and Slack channel ids whose members are support agents. */
    AGENT_CHANNELS: list,
    /** Bearer keys for GET /api/search; none: the search API is off. */
    SEARCH_API_KEYS: list.pipe(z.array(z.string().min(16, "each key needs at least 16 characters"))),
    SLACK_SIGNING_SECRET: optional,
    SLACK_BOT_TOKEN: optional,
    /** The Slack Web API's base URL, ending in a slash (tests point it at a fake on loopback). */
    SLACK_API_URL: z.url().optional().or(z.literal("").transform(() => undefined)),
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.SLACK_SIGNING_SECRET) !== Boolean(c.SLACK_BOT_TOKEN)) {
      ctx.addIssue({ code: "custom", path: [c.SLACK_SIGNING_SECRET ? "SLACK_BOT_TOKEN" : "SLACK_SIGNING_SECRET"], message: "the Slack app needs both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN" });
    }
  });
export type AgentConfig = z.infer<typeof AgentConfig>;

export function loadAgentConfig(env: NodeJS.ProcessEnv): AgentConfig {
  const parsed = AgentConfig.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(`invalid configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
}

export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  apiUrl?: string;
}

/** The Slack app's settings, when both secrets are set. */
export function slackSettings(config: AgentConfig): SlackSettings | undefined {
  if (!config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) return undefined;
  return { signingSecret: config.SLACK_SIGNING_SECRET, botToken: config.SLACK_BOT_TOKEN, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) };
}
