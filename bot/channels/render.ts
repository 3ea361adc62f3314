import { ActivityTypes, type Activity, type TurnContext } from "botbuilder";
import type { ResolveLink } from "../../src/render/markdown.js";
import { adaptiveCard } from "./adaptive-card.js";
import { PLAIN, SLACK, textReply } from "./text.js";
import type { Reply } from "./reply.js";
import type { ShownChoices } from "../shown-choices.js";
import { SLACK_APP_CHANNEL } from "../slack/adapter.js";
import { replyBlocks } from "../slack/blocks.js";

export type ChannelStyle = "card" | "slack" | "text";

const CARD_CHANNELS = new Set(["webchat", "directline", "emulator", "msteams"]);

/** Adaptive Cards where the channel renders them; Slack renders neither cards nor suggested actions. */
export function channelStyle(channelId: string | undefined): ChannelStyle {
  if (channelId && CARD_CHANNELS.has(channelId)) return "card";
  return channelId === "slack" ? "slack" : "text";
}

export function renderReply(reply: Reply, channelId: string | undefined, resolve: ResolveLink): Partial<Activity> {
  if (channelId === SLACK_APP_CHANNEL) {
    const slack = replyBlocks(reply, resolve);
    return { type: ActivityTypes.Message, text: slack.text, channelData: { slack } };
  }
  const style = channelStyle(channelId);
  if (style === "card") return { type: ActivityTypes.Message, attachments: [adaptiveCard(reply, resolve, channelId!)] };
  if (style === "slack") return { type: ActivityTypes.Message, text: textReply(reply, SLACK, resolve), textFormat: "markdown" };
  return { type: ActivityTypes.Message, text: textReply(reply, PLAIN, resolve), textFormat: "plain" };
}

export type SendReply = (context: TurnContext, reply: Reply) => Promise<void>;

/** Where a turn keeps what the bot understood of the message, sent with every reply of that turn. */
export const UNDERSTOOD = Symbol("porting-bot understood");

/**
 * Every reply of the bot goes through here: rendered for the channel (links between entries resolve to the entry's
 * wiki section), sent, and its choices remembered for what the user types or clicks next.
 */
export function createReplySender(resolve: ResolveLink, shown: ShownChoices): SendReply {
  return async (context, reply) => {
    const understood = context.turnState.get(UNDERSTOOD) as unknown;
    const rendered = renderReply(reply, context.activity.channelId, resolve);
    // Beside what the rendering put there (Slack's Block Kit message).
    const channelData = { ...(rendered.channelData as Record<string, unknown> | undefined), ...(understood === undefined ? {} : { understood }), ...reply.data };
    await context.sendActivity({ ...rendered, ...(Object.keys(channelData).length ? { channelData } : {}) });
    await shown.remember(context, reply);
  };
}
