import { z } from "zod";

/** The longest message text the bot reads; Teams and web chat send far less. */
export const MAX_TEXT = 10_000;

const Account = z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(512).optional() });

/**
 * What a request to /api/messages must hold before the adapter sees it. Fields the bot does not read pass through
 * unchecked (the adapter and the SDK handle them).
 */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: Account,
  recipient: Account,
  text: z.string().max(MAX_TEXT, `text: at most ${MAX_TEXT} characters`).optional(),
  deliveryMode: z.enum(["normal", "notification", "expectReplies", "ephemeral"]).optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

/** "field: why" for each problem, for the 400 response. */
export function describeProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
}
