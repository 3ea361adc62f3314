/**
 * Event ids already handled, so that Slack's retry of an event (X-Slack-Retry-Num) is not answered twice. A retry
 * of an event never received is handled as new. Bounded: the oldest ids are forgotten first.
 */
export class SeenEvents {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 5000) {}

  /** True the first time an id is offered. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
