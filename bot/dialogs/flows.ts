import type { EstimateInput } from "../../src/estimate/input.js";
import type { FollowUp } from "../../src/estimate/follow-up.js";

/**
 * The guided flows the main dialog hosts. Each is a sub-dialog registered under its id with addDialog and started
 * with `beginDialog(id, { text })`, where `text` is what the user typed to start it (a pasted rejection notice, an
 * estimate request with counts and dates) or empty when a button started it. Which message starts which flow is
 * read by the reader (src/reading/) from `knowledge/intents.yaml`.
 */
export const FLOW_IDS = ["diagnose", "checklist", "estimate"] as const;
export type FlowId = (typeof FLOW_IDS)[number];

export interface FlowOptions {
  text?: string;
  /**
   * For the estimate, a fragment following an estimate or an answer that offered one: the order just estimated (none
   * after an answer) and what the fragment states.
   */
  followUp?: { previous?: EstimateInput; change: FollowUp };
}

export const FLOW_LABELS: Record<FlowId, string> = {
  diagnose: "My port was rejected",
  checklist: "Check before I port",
  estimate: "Fees and timing",
};
