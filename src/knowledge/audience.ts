import type { Entry } from "./schema.js";

/** Customers are only ever shown current entries meant for them; archived and agent-only ones are for agents. */
export function isCustomerEntry(entry: Entry | undefined): entry is Entry {
  return entry !== undefined && entry.status === "current" && entry.audience.includes("customer");
}
