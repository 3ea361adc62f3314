import { Frontmatter, type Entry, type KnowledgeBase } from "../../src/knowledge/schema.js";

/** A valid entry with only the fields a test cares about; the rest are filled with plausible values. */
export function entry(id: string, fields: Record<string, unknown> = {}): Entry {
  const archived = fields.status === "archived";
  const data = Frontmatter.parse({
    id,
    type: "faq",
    title: `Title of ${id}`,
    ...(archived ? { audience: ["agent"] } : {}),
    source: {
      article: "Porting FAQ",
      section: `Section ${id}`,
      url: `https://wiki.example/Porting_FAQ#${id}`,
      revision: "2025-08-18T21:46:12Z",
      first_seen: "2018-07-26T20:50:02Z",
      last_changed: "2022-01-14T14:38:09Z",
      ...(archived ? { removed: "2019-01-02T19:01:06Z" } : {}),
    },
    ...fields,
  });
  return { ...data, body: "", file: `${id}.md` };
}

export function knowledgeBase(entries: Entry[]): KnowledgeBase {
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), articles: [], vocabulary: { synonyms: [], outside_porting: [] } };
}

/** The porting facts in a small knowledge base, shaped like the real one but with figures of its own. */
export function portingEntries(): Entry[] {
  return [
    entry("cost", {
      fees: [
        { id: "free-voice", label: "Free voice port", event: "port", amount: 0, unit: "per-number", applies_to: { kinds: ["local", "wireless", "toll-free"], countries: ["US", "CA"] }, since: "2020-01-15" },
        { id: "fax-fee", label: "Fax port", event: "port", amount: 11, unit: "per-number", applies_to: { kinds: ["fax"], countries: ["US", "CA"] } },
        { id: "intl-quote", label: "International port", event: "port", quote: true, unit: "per-number", applies_to: { countries: ["INTL"] }, conditions: "Ask lnp@example.test" },
        { id: "resubmit", label: "Resubmission", event: "resubmission", amount: 3.5, unit: "per-resubmission", applies_to: { countries: ["US", "CA"] } },
        { id: "cancel", label: "Cancellation", event: "cancellation", amount: 40, unit: "per-order", applies_to: { countries: ["US", "CA"] } },
        { id: "expedite", label: "Expedite", event: "expedite", amount: 200, unit: "per-order", applies_to: { countries: ["US", "CA"] }, conditions: "Where available" },
      ],
    }),
    entry("cost-before-2020", {
      status: "archived",
      fees: [{ id: "old-voice", label: "Voice port before 2020", event: "port", amount: 7, unit: "per-number", applies_to: { kinds: ["local", "wireless", "toll-free"], countries: ["US", "CA"] }, until: "2020-01-15" }],
    }),
    entry("intl-prices-2018", {
      status: "archived",
      fees: [
        { id: "uk-local-2018", label: "UK geographical (2018)", event: "port", amount: 31, unit: "per-number", applies_to: { kinds: ["local"], countries: ["INTL"], places: ["United Kingdom"] }, since: "2018-09-12", until: "2019-01-02" },
      ],
    }),
    entry("carrier-fees", { fees: [{ id: "losing", label: "Losing carrier fee", event: "losing-carrier", quote: true, unit: "per-order" }] }),
    entry("stock-numbers", { fees: [{ id: "away", label: "Port-away fee", event: "port-away", quote: true, unit: "per-number", applies_to: { directions: ["out"] } }] }),
    entry("how-long", {
      durations: [
        { id: "voice-time", label: "Voice port", event: "port", typical: 4, unit: "business-days", applies_to: { kinds: ["local", "wireless", "toll-free"], countries: ["US", "CA"] } },
        { id: "fax-time", label: "Fax port", event: "port", typical: 3, unit: "weeks", business_days: 15, applies_to: { kinds: ["fax"], countries: ["US", "CA"] } },
      ],
    }),
    entry("sms-approval", { durations: [{ id: "approve", label: "Approve the SMS", event: "sms-approval", max: 60, unit: "minutes", applies_to: { kinds: ["wireless"] } }] }),
    entry("sms-after", { durations: [{ id: "sms-on", label: "SMS active", event: "sms-activation", typical: 12, max: 36, unit: "hours", applies_to: { kinds: ["local", "wireless"] } }] }),
    entry("rejections", { durations: [{ id: "reply", label: "Reply to a rejection", event: "rejection-reply", max: 5, unit: "days" }] }),
    entry("weekends", { rules: [{ id: "no-holidays", label: "No ports on weekends or holidays", rule: "no-weekend-or-holiday-ports" }] }),
    entry("notes", { rules: [{ id: "restart", label: "A resubmission restarts the interval", rule: "resubmission-restarts-interval" }] }),
    entry("voice-fax", { rules: [{ id: "one-after-other", label: "Voice and fax one after the other", rule: "voice-fax-sequential" }] }),
  ];
}

/** The porting knowledge base without some facts, to show that behaviour follows the data. */
export function portingKb(without: string[] = []): KnowledgeBase {
  return knowledgeBase(
    portingEntries().map((e) => ({
      ...e,
      fees: e.fees.filter((f) => !without.includes(f.id)),
      durations: e.durations.filter((d) => !without.includes(d.id)),
      rules: e.rules.filter((r) => !without.includes(r.id)),
    })),
  );
}
