/**
 * The guided flows the main dialog hosts. Each is a sub-dialog registered under its id with addDialog and started
 * with `beginDialog(id, { text })`, where `text` is what the user typed to start it (a pasted rejection notice, an
 * estimate request with counts and dates) or empty when a button started it.
 */
export const FLOW_IDS = ["diagnose", "checklist", "estimate"] as const;
export type FlowId = (typeof FLOW_IDS)[number];

export interface FlowOptions {
  text?: string;
}

export const FLOW_LABELS: Record<FlowId, string> = {
  diagnose: "My port was rejected",
  checklist: "Check before I port",
  estimate: "Fees and timing",
};

/** Typed phrases that start a flow rather than ask the answer engine. */
const TRIGGERS: Record<FlowId, RegExp[]> = {
  diagnose: [
    /^(?:diagnose|diagnosis)\b/,
    /\b(?:my|our) (?:port|porting|port in|port request|transfer|number)s? (?:request )?(?:was|were|got|has been|have been|keeps? getting) rejected\b/,
    /\bwhy (?:was|is|did|were) (?:my|our) (?:port|porting|port request|transfer)/,
    // A pasted rejection notice: "Rejected - BTN mismatch", "LSR rejected: address does not match CSR".
    /^(?:lsr )?rejected\b/,
  ],
  checklist: [/\bcheck (?:my port )?before (?:i|we) (?:port|submit)\b/, /\bpre ?port check/, /^(?:i want|i d like|i would like) to port (?:a|my|some) numbers?$/],
  estimate: [
    // "Another estimate": the button of an estimate card, which web chat posts as its label.
    /^(?:fees and timing|(?:another )?estimate)\b/,
    // A fee or time question that names a count or a submission day is an estimate, not a FAQ lookup.
    /\b(?:how much|cost|price|fees?|how long|when)\b.*\b\d+ (?:[a-z-]+ ){0,2}(?:numbers?|dids?|lines?)\b/,
    /\b(?:how long|when)\b.*\bsubmit(?:ted)? (?:it |them )?(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|\d{4}-\d{2}-\d{2})\b/,
  ],
};

/** Lower case, punctuation as spaces: what the triggers are written against. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, " ").replace(/\s+/g, " ").trim();
}

export function flowFor(text: string): FlowId | undefined {
  const said = plain(text);
  return FLOW_IDS.find((id) => TRIGGERS[id].some((pattern) => pattern.test(said)));
}
