import { z } from "zod";

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * The customer page's settings. WEBCHAT_DIRECTLINE_DOMAIN and WEBCHAT_TOKEN_URL say where the page finds Direct
 * Line: by default the bot's own channel; for Azure's, the domain `https://directline.botframework.com/v3/directline`
 * and a token endpoint of the provider's that exchanges the Direct Line secret for a token (never put the secret in
 * the page).
 */
export const WebChatEnv = z.object({
  WEBCHAT_TITLE: z.string().trim().min(1).max(80).default("Porting help"),
  WEBCHAT_ACCENT: z.string().regex(HEX_COLOUR, "a colour like #0b5cad").default("#0b5cad"),
  WEBCHAT_BOT_INITIALS: z.string().trim().min(1).max(3).default("PH"),
  WEBCHAT_DIRECTLINE_DOMAIN: z.string().trim().min(1).default("v3/directline"),
  WEBCHAT_TOKEN_URL: z.string().trim().min(1).default("v3/directline/tokens/generate"),
  WEBCHAT_WEBSOCKET: z.enum(["true", "false"]).default("true"),
});

/** What the page reads from webchat/config.json; relative addresses are resolved against the page. */
export interface WebChatSettings {
  title: string;
  accent: string;
  botInitials: string;
  domain: string;
  tokenUrl: string;
  webSocket: boolean;
}

export function webChatSettings(env: NodeJS.ProcessEnv): WebChatSettings {
  const parsed = WebChatEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`invalid web chat configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    title: e.WEBCHAT_TITLE,
    accent: e.WEBCHAT_ACCENT,
    botInitials: e.WEBCHAT_BOT_INITIALS,
    domain: e.WEBCHAT_DIRECTLINE_DOMAIN,
    tokenUrl: e.WEBCHAT_TOKEN_URL,
    webSocket: e.WEBCHAT_WEBSOCKET === "true",
  };
}
