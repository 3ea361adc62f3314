import { describe, expect, it } from "vitest";
import { toCardElements, type ResolveLink } from "../../src/render/markdown.js";

const resolve: ResolveLink = (id) => (id === "incorrect-btn" ? { title: "Incorrect BTN", url: "https://wiki.example/article/Port_(Rejection)#BTN" } : undefined);

const TABLE = "Fees:\n\n| Kind | Fee | When |\n| --- | --- | --- |\n| Fax | **$15** | always |\n| Toll-free | $0 | since 2020 |\n\nAsk [us](kb:incorrect-btn).";

describe("toCardElements", () => {
  it("writes text as one TextBlock in card Markdown, each source line a paragraph, links to entries resolved", () => {
    expect(toCardElements("**Note**: reply\nwithin _7 days_.\n\n- see [BTN](kb:incorrect-btn)\n- or [gone](kb:gone)", resolve, { tables: true })).toEqual([
      {
        type: "TextBlock",
        wrap: true,
        text: "**Note**: reply\n\nwithin _7 days_.\n\n- see [BTN](https://wiki.example/article/Port_%28Rejection%29#BTN)\n- or gone",
      },
    ]);
  });

  it("escapes literal characters that card Markdown would read as markup", () => {
    expect(toCardElements("Enter \\*#06# on snake\\_case [brackets\\]", resolve, { tables: true })[0]!.text).toBe("Enter \\*#06# on snake\\_case \\[brackets\\]");
  });

  it("writes a table as the Table element with a header row, between the text before and after it", () => {
    const elements = toCardElements(TABLE, resolve, { tables: true });
    expect(elements.map((e) => e.type)).toEqual(["TextBlock", "Table", "TextBlock"]);
    const table = elements[1] as { firstRowAsHeader: boolean; columns: unknown[]; rows: Array<{ cells: Array<{ items: Array<{ text: string }> }> }> };
    expect(table.firstRowAsHeader).toBe(true);
    expect(table.columns).toHaveLength(3);
    expect(table.rows.map((r) => r.cells.map((c) => c.items[0]!.text))).toEqual([
      ["Kind", "Fee", "When"],
      ["Fax", "**$15**", "always"],
      ["Toll-free", "$0", "since 2020"],
    ]);
  });

  it("writes a table as a FactSet where the channel has no tables: a row's first cell, then the others by column", () => {
    const elements = toCardElements(TABLE, resolve, { tables: false });
    expect(elements[1]).toEqual({
      type: "FactSet",
      facts: [
        { title: "Fax", value: "Fee: **$15**, When: always" },
        { title: "Toll-free", value: "Fee: $0, When: since 2020" },
      ],
    });
  });

  it("sets a quote apart in an emphasised container, and styles every TextBlock as asked", () => {
    const elements = toCardElements("> Archived.\n\nStill here.", resolve, { tables: true, textStyle: { isSubtle: true } });
    expect(elements).toEqual([
      { type: "Container", style: "emphasis", items: [{ type: "TextBlock", wrap: true, isSubtle: true, text: "Archived." }] },
      { type: "TextBlock", wrap: true, isSubtle: true, text: "Still here." },
    ]);
  });

  it("gives no element for an empty body", () => {
    expect(toCardElements("", resolve, { tables: true })).toEqual([]);
  });
});
