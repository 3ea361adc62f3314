import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { renderReply, channelStyle } from "../../bot/channels/render.js";
import type { Reply } from "../../bot/channels/reply.js";
import { say } from "../../bot/channels/reply.js";
import { misspeltChoice, resolveChoice } from "../../bot/input.js";

const resolve = (id: string) => (id === "known" ? { title: "Known entry", url: "https://wiki.example.test/Known" } : undefined);

const REPLY: Reply = {
  title: "Fees",
  blocks: [
    { kind: "markdown", text: "See **the [known](kb:known) entry** and [gone](kb:gone)." },
    { kind: "facts", facts: [{ label: "Total", value: "$30.00" }] },
    { kind: "table", columns: ["Item", "Amount"], rows: [["2 fax numbers", "$30.00"]] },
    { kind: "note", text: "Computed from the knowledge base." },
  ],
  links: [{ text: "Source", url: "https://wiki.example.test/Fees" }],
  groups: [
    { prompt: "Which kind?", choices: [say("Fax"), say("Toll-free", "toll free")] },
    { prompt: "Did this help?", choices: [{ label: "Yes", action: { action: "feedback", helpful: true, entry: "known", question: "q" } }] },
  ],
};

const card = (activity: Partial<Activity>) => activity.attachments![0]!.content as { version: string; body: Array<Record<string, any>>; actions: Array<Record<string, any>> };

describe("channel rendering", () => {
  it("picks cards for web chat, Direct Line, the emulator and Teams; Slack mrkdwn; plain text elsewhere", () => {
    expect(["webchat", "directline", "emulator", "msteams"].map(channelStyle)).toEqual(["card", "card", "card", "card"]);
    expect(channelStyle("slack")).toBe("slack");
    expect(channelStyle("telegram")).toBe("text");
    expect(channelStyle(undefined)).toBe("text");
  });

  it("renders an Adaptive Card 1.5 with facts, a table, submit buttons and open-URL links", () => {
    const c = card(renderReply(REPLY, "webchat", resolve));
    expect(c.version).toBe("1.5");
    expect(c.body.map((e) => e.type)).toEqual(["TextBlock", "TextBlock", "Container", "Table", "TextBlock", "TextBlock", "ActionSet", "TextBlock", "ActionSet"]);
    expect(c.body[1]!.text).toBe("See **the [known](https://wiki.example.test/Known) entry** and gone.");
    expect(c.body[3]!.rows).toHaveLength(2);
    expect(c.actions).toEqual([{ type: "Action.OpenUrl", title: "Source", url: "https://wiki.example.test/Fees" }]);
  });

  it("shows each source line of a card's Markdown on its own line, and keeps each list one list", () => {
    const body = [
      "Free for local numbers.",
      "Fax numbers have a fee per number.",
      "For international numbers, write to us.",
      "",
      "Also note:",
      "- a resubmission fee",
      "- a cancellation fee,",
      "  once submitted",
      "1. first",
      "2. second",
      "",
      "After the list.",
    ].join("\n");
    const c = card(renderReply({ blocks: [{ kind: "markdown", text: body }, { kind: "note", text: "Small print.\nMore small print." }] }, "webchat", resolve));
    expect(c.body[0]!.text).toBe(
      [
        "Free for local numbers.",
        "",
        "Fax numbers have a fee per number.",
        "",
        "For international numbers, write to us.",
        "",
        "Also note:",
        "",
        "- a resubmission fee",
        "- a cancellation fee,",
        "  once submitted",
        "",
        "1. first",
        "2. second",
        "",
        "After the list.",
      ].join("\n"),
    );
    expect(c.body[1]!.text).toBe("Small print.\n\nMore small print.");
  });

  it("draws tables, from the knowledge or from a reply, as Table elements in Teams and as FactSets in the emulator", () => {
    const reply: Reply = {
      blocks: [
        { kind: "markdown", text: "Fees:\n\n| Kind | Fee |\n| --- | --- |\n| Fax | $15 |" },
        { kind: "table", columns: ["Item", "Amount"], rows: [["2 fax numbers", "$30.00"]] },
      ],
    };
    expect(card(renderReply(reply, "msteams", resolve)).body.map((e) => e.type)).toEqual(["TextBlock", "Table", "Table"]);
    const emulator = card(renderReply(reply, "emulator", resolve)).body;
    expect(emulator.map((e) => e.type)).toEqual(["TextBlock", "FactSet", "FactSet"]);
    expect(emulator[1]!.facts).toEqual([{ title: "Fax", value: "$15" }]);
    expect(emulator[2]!.facts).toEqual([{ title: "2 fax numbers", value: "$30.00" }]);
  });

  it("leaves line breaks to text channels, which show them as they are", () => {
    expect(renderReply({ blocks: [{ kind: "markdown", text: "One line.\nAnother line." }] }, "slack", resolve).text).toBe("One line.\nAnother line.");
  });

  it("in web chat, a button's data is the text it posts", () => {
    const c = card(renderReply(REPLY, "webchat", resolve));
    expect(c.body[6]!.actions.map((a: any) => a.data)).toEqual(["Fax", "toll free"]);
  });

  it("in Teams, a button is a messageBack carrying its payload and showing its label", () => {
    const c = card(renderReply(REPLY, "msteams", resolve));
    expect(c.body[6]!.actions[1]).toEqual({
      type: "Action.Submit",
      title: "Toll-free",
      data: { action: "say", text: "toll free", msteams: { type: "messageBack", text: "toll free", displayText: "Toll-free" } },
    });
    expect(c.body[8]!.actions[0].data).toMatchObject({ action: "feedback", helpful: true, entry: "known" });
  });

  it("in Slack, writes mrkdwn and numbers the choices across groups", () => {
    const text = renderReply(REPLY, "slack", resolve).text!;
    expect(text).toContain("*Fees*");
    expect(text).toContain("*the <https://wiki.example.test/Known|known> entry*");
    expect(text).toContain("*Total*: $30.00");
    expect(text).toContain("Which kind?\n1. Fax\n2. Toll-free\n\nDid this help?\n3. Yes");
    expect(text).toContain("<https://wiki.example.test/Fees|Source>");
    expect(text.endsWith("Reply with a number.")).toBe(true);
  });

  it("elsewhere, writes plain text with the links spelled out", () => {
    const text = renderReply(REPLY, "telegram", resolve).text!;
    expect(text).toContain("See the known (https://wiki.example.test/Known) entry and gone.");
    expect(text).toContain("- 2 fax numbers, Amount: $30.00");
    expect(text).toContain("Source: https://wiki.example.test/Fees");
    expect(text).not.toMatch(/\*\*|\[/);
  });
});

describe("typed choices", () => {
  const choices = [say("Port in", "in"), say("Port out", "out"), { label: "How long does the port process take?", action: { action: "open" as const, id: "how-long" } }];

  it("are picked by number, label or the text the choice sends", () => {
    expect(resolveChoice("2", choices)?.label).toBe("Port out");
    expect(resolveChoice(" #3. ", choices)?.label).toBe("How long does the port process take?");
    expect(resolveChoice("how long does the port process take", choices)?.label).toBe("How long does the port process take?");
    expect(resolveChoice("PORT IN!", choices)?.label).toBe("Port in");
    expect(resolveChoice("out", choices)?.label).toBe("Port out");
  });

  it("are picked by one typo of a label, or two in a label of 8 letters or more, when no other choice is as close", () => {
    expect(misspeltChoice("prot out", choices)?.label).toBe("Port out");
    expect(misspeltChoice("how lnog does the prot process take", choices)?.label).toBe("How long does the port process take?");
    expect(misspeltChoice("yse", [say("Yes"), say("No")])?.label).toBe("Yes");
    expect(misspeltChoice("Wireles", [say("Local"), say("Wireless (cell)")])?.label).toBe("Wireless (cell)");
  });

  it("are not picked by a reply that names a choice exactly, is too far from all, or as close to two", () => {
    expect(misspeltChoice("port out", choices)).toBeUndefined();
    expect(misspeltChoice("port", choices)).toBeUndefined();
    expect(misspeltChoice("tax", [say("Fax"), say("Local")])).toBeUndefined();
    expect(misspeltChoice("no", [say("Yes"), say("No")])).toBeUndefined();
    expect(misspeltChoice("port xn", [say("Port in"), say("Port on")])).toBeUndefined();
  });

  it("are not picked by anything else", () => {
    expect(resolveChoice("4", choices)).toBeUndefined();
    expect(resolveChoice("0", choices)).toBeUndefined();
    expect(resolveChoice("port in please, and out", choices)).toBeUndefined();
    expect(resolveChoice("", choices)).toBeUndefined();
    expect(resolveChoice("2", [])).toBeUndefined();
  });
});
