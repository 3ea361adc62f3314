import type { Choice } from "../channels/reply.js";
import { FLOW_IDS, FLOW_LABELS, type FlowId } from "../dialogs/flows.js";

/** The flows the bot can start right now: the ones whose sub-dialog is registered. */
export type Flows = ReadonlySet<string>;

export function startFlow(flow: FlowId): Choice {
  return { label: FLOW_LABELS[flow], action: { action: "start", flow } };
}

export const ASK: Choice = { label: "Ask a question", action: { action: "command", command: "ask" } };
export const HANDOFF: Choice = { label: "Talk to a person", action: { action: "command", command: "handoff" } };

/** Ask a question, then every registered flow, then a person. */
export function menuChoices(flows: Flows): Choice[] {
  return [ASK, ...FLOW_IDS.filter((id) => flows.has(id)).map(startFlow), HANDOFF];
}
