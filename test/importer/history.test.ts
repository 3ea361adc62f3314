import { describe, expect, it } from "vitest";
import { prices, supersedes, trackSections, type TrackedSection } from "../../src/importer/history.js";
import { splitArticle } from "../../src/importer/sections.js";
import { seedRevisions } from "./seed.js";

function track(article: string): TrackedSection[] {
  return trackSections(seedRevisions().filter((r) => r.article === article).map((r) => ({ timestamp: r.timestamp, sections: splitArticle(r.wikitext).sections })));
}

const current = (tracked: TrackedSection[], heading: string | null) => tracked.find((t) => !t.removed && t.heading === heading)!;
const archived = (tracked: TrackedSection[]) => tracked.filter((t) => t.removed).map((t) => [t.heading, t.removed]);

describe("trackSections on the seed", () => {
  it("keeps one current section per heading of the newest revision", () => {
    expect(track("Porting FAQ").filter((t) => !t.removed)).toHaveLength(43);
    expect(track("Port Rejection").filter((t) => !t.removed)).toHaveLength(15);
    expect(track("Porting a Number").filter((t) => !t.removed)).toHaveLength(9);
  });

  it("archives sections that were removed, and text that a revision superseded, with the date", () => {
    expect(archived(track("Porting FAQ"))).toEqual([
      ["What is a NASC procedure?", "2019-08-27T14:02:45Z"],
      ["How can I expedite my port request?", "2019-08-27T14:08:32Z"],
      ["How much does it cost to Port a Number to VoIP.ms?", "2020-01-17T15:49:24Z"],
      ["I am porting many numbers, can I get a special price for it?", "2020-05-28T15:36:47Z"],
    ]);
    expect(archived(track("Porting a Number"))).toEqual([
      ["International Port IN Fees", "2019-01-02T19:01:06Z"],
      ["Numbers portable", "2020-04-13T13:49:22Z"],
      ["Check Availability", "2020-04-13T13:49:22Z"],
      ["Numbers portable", "2020-04-13T18:29:31Z"],
    ]);
    expect(archived(track("Port Rejection"))).toEqual([]);
  });

  it("keeps the superseded fee text and the international price list as they were", () => {
    const fee = track("Porting FAQ").find((t) => t.removed === "2020-01-17T15:49:24Z")!;
    expect(fee.wikitext).toContain("There is a $8.75 USD one-time fee for porting a number into VoIP.ms service.");
    expect(fee.first_seen).toBe("2018-07-26T20:50:02Z");
    expect(fee.last_changed).toBe("2019-05-23T20:43:27Z");
    expect(fee.history.at(-1)).toEqual({ revision: "2020-01-17T15:49:24Z", event: "removed", heading: "How much does it cost to Port a Number to VoIP.ms?" });
    const prices = track("Porting a Number").find((t) => t.heading === "International Port IN Fees" && t.removed)!;
    expect(prices.wikitext).toMatch(/\*Australia\s+\$33/);
    expect(prices.wikitext).toContain("*UK Toll Free Numbers $84");
    expect(prices.revision).toBe("2018-09-12T19:49:09Z");
  });

  it("keeps the NASC section's last text, first seen in the first revision", () => {
    const nasc = track("Porting FAQ").find((t) => t.heading === "What is a NASC procedure?")!;
    expect(nasc.wikitext).toContain("The timeline for NASCing is 24 to 72 hours.");
    expect(nasc.first_seen).toBe("2018-07-26T20:50:02Z");
  });

  it("continues a renamed section's history, keeping when it first appeared", () => {
    const hunt = current(track("Port Rejection"), "Hunt Members / Stranded Services");
    expect(hunt.first_seen).toBe("2018-07-26T15:33:13Z");
    expect(hunt.headings).toEqual(["Hunt Members / Stranded Services", "Hunt Members Stranded"]);
    expect(hunt.history).toContainEqual({ revision: "2018-07-26T15:36:36Z", event: "renamed", heading: "Hunt Members / Stranded Services" });

    const faq = track("Porting FAQ");
    const many = current(faq, "I am porting many numbers, what is the best way to proceed?");
    expect(many.first_seen).toBe("2018-07-26T20:50:02Z");
    expect(many.headings).toContain("I am porting many numbers, can I get a special price for it?");
    const pin = current(faq, "I am being asked for my PIN and IMEI why is that?");
    expect(pin.first_seen).toBe("2018-07-26T20:50:02Z");
    expect(pin.headings).toContain("I am being asked for my PIN, SSN and Password, IMEI why is that?");
    for (const [now, before] of [
      ["My number is not portable to your network, even though I am close to a city that is portable to you, why is that?", "My number is not portable to your network, even though I am close to a city which is portable to you, why is that?"],
      ["My previous carrier is charging me for porting out and/or asking for a 30-day notice, how can I deal with this? Is it legal?", "My previous carrier is charging me for porting out and/or asks for a 30 day notice, how can I deal with this? Is it legal?"],
      ["I read that I will receive an SMS to approve the port, can you provide further information about this?", "I read that I will receive an SMS to approve the port, can you explain this?"],
    ] as const) {
      expect(current(faq, now).headings).toEqual([now, before]);
    }
  });

  it("dates the newest text change and the first appearance of sections", () => {
    const faq = track("Porting FAQ");
    expect(current(faq, "Can I have updates regarding my Port Out?")).toMatchObject({ first_seen: "2025-03-31T19:01:24Z", last_changed: "2025-03-31T19:01:24Z" });
    expect(current(faq, "What is a partial port?")).toMatchObject({ first_seen: "2024-04-18T17:50:43Z", last_changed: "2025-08-18T21:46:12Z" });
    expect(current(faq, "How much does it cost to Port a Number to VoIP.ms?").last_changed).toBe("2022-01-14T14:38:09Z");
    expect(current(track("Porting a Number"), "Tutorial Video").first_seen).toBe("2020-04-13T13:49:22Z");
  });

  it("follows a section that moved to another place with the same heading", () => {
    const many = current(track("Porting FAQ"), "I am porting many numbers, what is the best way to proceed?");
    expect(many.history.filter((e) => e.event === "added")).toHaveLength(1);
  });
});

describe("supersedes", () => {
  it("reads amounts of money written in several ways", () => {
    expect([...prices("$8.75 USD, 15$, a $50 fee, 30 USD and $250")]).toEqual(["8.75", "15", "50", "30", "250"]);
  });

  it("is true when a line stating a price is dropped, even if the amount survives elsewhere", () => {
    const before = "There is a $8.75 USD one-time fee for porting.\nA $8.75 USD fee for a resubmission.";
    expect(supersedes(before, "Porting is free.\nA $8.75 USD fee for a resubmission.")).toBe(true);
  });

  it("is true when an amount changes", () => {
    expect(supersedes("Fax numbers cost $15 USD per number.", "Fax numbers cost $20 USD per number.")).toBe(true);
  });

  it("is true when most of the text is replaced", () => {
    expect(supersedes("It is very hard for us to expedite a port request because we have no control.", "Email us for a quote; carriers may charge.")).toBe(true);
  });

  it("is false for small rewordings and additions", () => {
    const before = "Fax numbers have a $15 USD one-time fee per number.\nFor International Numbers write to lnp@voip.ms";
    expect(supersedes(before, "Fax numbers have a $15 USD one-time fee per number.\nFor International Numbers please write to ports@voip.ms\nMore text.")).toBe(false);
  });
});
