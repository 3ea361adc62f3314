import { z } from "zod";
import { redact } from "../src/privacy/redact.js";

/** The longest message text the bot reads; Teams and web chat send far less. */
export const MAX_TEXT = 10_000;

const Account = z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(512).optional() });

/** Where replies go: http(s) only, whatever the mode. */
const ServiceUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048);

/**
 * What a request to /api/messages must hold before anything else is done with it: who it is from and where the
 * replies go. Without these there is no one to answer, so the request is refused (400).
 */
export const ActivityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: ServiceUrl,
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: Account,
  recipient: Account,
  deliveryMode: z.enum(["normal", "notification", "expectReplies", "ephemeral"]).optional(),
});
export type ActivityEnvelope = z.infer<typeof ActivityEnvelope>;

const Entity = z.looseObject({ type: z.string().max(256) });

/** What the bot and the SDK read from each kind of activity; other fields pass through unread. */
const Content = z.looseObject({
  text: z.string().optional(),
  entities: z.array(Entity).max(64).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string().max(256) })).max(64).optional(),
  channelData: z.looseObject({}).optional(),
  membersAdded: z.array(Account).max(256).optional(),
  membersRemoved: z.array(Account).max(256).optional(),
  name: z.string().max(256).optional(),
});

/** A Universal Action: what an Adaptive Card 1.4+ button sends as an `adaptiveCard/action` invoke. */
const AdaptiveCardAction = z.looseObject({ action: z.looseObject({ type: z.string().min(1).max(64) }) });

export type ContentCheck = { ok: true } | { ok: false; problem: "unreadable" } | { ok: false; problem: "too-long"; text: string };

/** Whether the bot can read this activity's content; a message too long for it keeps its text for the reply. */
export function checkContent(activity: Record<string, unknown>): ContentCheck {
  const content = Content.safeParse(activity);
  if (!content.success) return { ok: false, problem: "unreadable" };
  if (activity.type === "invoke" && activity.name === "adaptiveCard/action" && !AdaptiveCardAction.safeParse(activity.value).success) {
    return { ok: false, problem: "unreadable" };
  }
  const text = content.data.text;
  if (text !== undefined && text.length > MAX_TEXT) return { ok: false, problem: "too-long", text };
  return { ok: true };
}

/** How much of an over-long message is quoted back. */
const QUOTED = 200;

/** The polite answer to a message longer than MAX_TEXT, quoting its beginning (masked) so the user knows which. */
export function tooLongReply(text: string): string {
  const start = redact(text.slice(0, QUOTED)).replace(/\s+/g, " ").trim();
  return (
    `Sorry, that message is too long for me: I read up to ${MAX_TEXT.toLocaleString("en-US")} characters and it has ` +
    `${text.length.toLocaleString("en-US")}. The first part was: "${start}…". Could you ask again in a sentence or two?`
  );
}

export const UNREADABLE_REPLY = "Sorry, I could not read that message. Please type your question, or type \"help\" to see what I can do.";

/** "field: why" for each problem, for the 400 response (short: it is read by people debugging a channel). */
export function describeProblems(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
