import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from "botbuilder";
import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "./blocks.js";

/** The channel id of conversations held through the native Slack app (the Bot Framework's Slack channel is "slack"). */
export const SLACK_APP_CHANNEL = "slack-app";

/** A Slack conversation as the bot's state knows it: a DM is its channel; a thread is "channel:thread_ts". */
export function conversationId(channel: string, thread?: string): string {
  return thread ? `${channel}:${thread}` : channel;
}

export function slackTarget(conversation: string): { channel: string; thread_ts?: string } {
  const [channel, thread] = conversation.split(":");
  return thread ? { channel: channel!, thread_ts: thread } : { channel: channel! };
}

/** The Block Kit message a reply was rendered to (bot/channels/render.ts puts it in the activity's channelData). */
export function slackMessageOf(activity: Partial<Activity>): SlackMessage | undefined {
  const message = (activity.channelData as { slack?: SlackMessage } | undefined)?.slack;
  return message ?? (activity.text ? { text: activity.text, blocks: [] } : undefined);
}

/**
 * Runs the same bot (dialogs, state, `src/` code) for Slack: each incoming Slack event becomes a Bot Framework
 * activity, and each reply the bot sends is posted with chat.postMessage, in the thread it came from.
 */
export class SlackBotAdapter extends BotAdapter {
  constructor(private readonly client: webApi.WebClient) {
    super();
  }

  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const sent: ResourceResponse[] = [];
    for (const activity of activities) {
      const message = activity.type === "message" ? slackMessageOf(activity) : undefined;
      if (!message || !activity.conversation) {
        sent.push({ id: "" });
        continue;
      }
      const result = await this.client.chat.postMessage({ ...slackTarget(activity.conversation.id), text: message.text, ...(message.blocks.length ? { blocks: message.blocks } : {}) });
      sent.push({ id: result.ts ?? "" });
    }
    return sent;
  }

  updateActivity(): Promise<void> {
    return Promise.reject(new Error("the Slack app does not edit its messages"));
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(new Error("the Slack app does not delete its messages"));
  }

  continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    return Promise.reject(new Error("the Slack app only answers what it is sent"));
  }
}
