import type { Activity } from "botbuilder";
import { SLACK_APP_CHANNEL } from "./slack/adapter.js";

/**
 * Whether a conversation belongs to support agents: its Teams team or channel, or its Slack channel, is listed in
 * AGENT_CHANNELS; or it is a direct message to the Slack app, which only members of the provider's own workspace can
 * send. Agents get copy-ready answers and see archived entries, labelled.
 */
export function isAgentConversation(activity: Partial<Activity>, agentChannels: ReadonlySet<string>): boolean {
  if (activity.channelId === SLACK_APP_CHANNEL && activity.conversation?.conversationType === "personal") return true;
  if (agentChannels.size === 0) return false;
  const data = activity.channelData as { team?: { id?: unknown }; channel?: { id?: unknown } } | undefined;
  return [data?.team?.id, data?.channel?.id].some((id) => typeof id === "string" && agentChannels.has(id));
}
