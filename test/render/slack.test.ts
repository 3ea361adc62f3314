import { describe, expect, it } from "vitest";
import { toSlackBlocks, toSlackMrkdwn, type ResolveLink } from "../../src/render/markdown.js";

const resolve: ResolveLink = (id) => (id === "incorrect-btn" ? { title: "Incorrect BTN", url: "https://wiki.example/article/Port_Rejection#BTN" } : undefined);

describe("toSlackMrkdwn", () => {
  it("uses Slack's bold, italic, bullet and <url|text> link syntax and escapes &, < and >", () => {
    const md = "**Important**: a *PO box* is <never> valid & never was.\n- see [BTN](kb:incorrect-btn)";
    expect(toSlackMrkdwn(md, resolve)).toBe(
      "*Important*: a _PO box_ is &lt;never&gt; valid &amp; never was.\n\n• see <https://wiki.example/article/Port_Rejection#BTN|BTN>",
    );
  });

  it("escapes a link's text and keeps a URL from ending its link early", () => {
    expect(toSlackMrkdwn("[a <b> & c](https://x.example/?q=a|b)", resolve)).toBe("<https://x.example/?q=a%7Cb|a &lt;b&gt; &amp; c>");
  });

  it("shows escaped characters as the character, quotes with >, and a heading in bold", () => {
    expect(toSlackMrkdwn("## Retrieve it\n\nEnter \\*#06# and read *the* number.\n\n> Archived.\n> Agents only.", resolve)).toBe(
      "*Retrieve it*\n\nEnter *#06# and read _the_ number.\n\n> Archived.\n> Agents only.",
    );
  });
});

describe("toSlackBlocks", () => {
  it("writes headings as header blocks, text as mrkdwn sections, tables as fields and a rule as a divider", () => {
    const md = "# Fees\n\nPort **fees** below.\n\n| Kind | Fee |\n| --- | --- |\n| Fax | $15 |\n\n---\n\nAsk [us](kb:incorrect-btn).";
    expect(toSlackBlocks(md, resolve)).toEqual([
      { type: "header", text: { type: "plain_text", text: "Fees" } },
      { type: "section", text: { type: "mrkdwn", text: "Port *fees* below." } },
      { type: "section", fields: [{ type: "mrkdwn", text: "*Kind*\nFax" }, { type: "mrkdwn", text: "*Fee*\n$15" }] },
      { type: "divider" },
      { type: "section", text: { type: "mrkdwn", text: "Ask <https://wiki.example/article/Port_Rejection#BTN|us>." } },
    ]);
  });

  it("splits text longer than a section holds at a line break", () => {
    const line = "x".repeat(1000);
    const blocks = toSlackBlocks([line, line, line, line].join("\n"), resolve);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect("text" in block && block.text.text.length).toBeLessThanOrEqual(3000);
    expect(blocks.map((b) => ("text" in b ? b.text.text : "")).join("\n")).toBe([line, line, line, line].join("\n"));
  });

  it("gives no block for an empty body", () => {
    expect(toSlackBlocks("", resolve)).toEqual([]);
  });
});
