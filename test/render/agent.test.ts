import { describe, expect, it } from "vitest";
import { agentText, resolveKbLink } from "../../src/render/markdown.js";
import { entry, knowledgeBase } from "../estimate/kb-builder.js";

const cost = entry("cost", {
  title: "How much does it cost?",
  fees: [
    { id: "fax-fee", label: "Fax port", event: "port", amount: 15, unit: "per-number" },
    { id: "intl", label: "International port", event: "port", quote: true, unit: "per-number" },
    { id: "old-fax-fee", label: "Fax port before 2020", event: "port", amount: 25, unit: "per-number", until: "2020-01-15" },
  ],
  durations: [{ id: "us-port", label: "US port", event: "port", typical: 5, unit: "business-days" }],
});
cost.body = "Hello! **Fax** ports cost a fee.\n\nSee [the BTN](kb:btn).\n\n- one\n- two";
const btn = entry("btn");
const kb = knowledgeBase([cost, btn]);

describe("agentText", () => {
  it("is the answer without blank lines, the facts in force and the source, ready to paste", () => {
    expect(agentText(cost, resolveKbLink(kb))).toBe(
      [
        "Hello! Fax ports cost a fee.",
        "See the BTN (https://wiki.example/Porting_FAQ#btn).",
        "- one",
        "- two",
        "Facts:",
        "- Fax port: $15 USD per number",
        "- International port: quoted case by case",
        "- US port: 5 business days",
        'Source: Porting FAQ, "Section cost": https://wiki.example/Porting_FAQ#cost',
      ].join("\n"),
    );
  });

  it("says when an archived entry left the wiki", () => {
    const archived = entry("old", { status: "archived" });
    archived.body = "Old text.";
    expect(agentText(archived, resolveKbLink(kb))).toBe('Old text.\nSource: Porting FAQ, "Section old" (removed from the wiki on 2019-01-02): https://wiki.example/Porting_FAQ#old');
  });
});
