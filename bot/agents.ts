import type { Activity } from "botbuilder";

/**
 * Whether a conversation belongs to support agents: its Teams team or channel, or its Slack channel, is listed in
 * AGENT_CHANNELS. Agents get copy-ready answers and see archived entries, labelled.
 */
export function isAgentConversation(activity: Partial<Activity>, agentChannels: ReadonlySet<string>): boolean {
  if (agentChannels.size === 0) return false;
  const data = activity.channelData as { team?: { id?: unknown }; channel?: { id?: unknown } } | undefined;
  return [data?.team?.id, data?.channel?.id].some((id) => typeof id === "string" && agentChannels.has(id));
}
