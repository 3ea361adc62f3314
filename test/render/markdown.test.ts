import { describe, expect, it } from "vitest";
import { linkKbReferences, resolveKbLink, toPlainText, toSlackMrkdwn, type ResolveLink } from "../../src/render/markdown.js";
import { entry, knowledgeBase } from "../estimate/kb-builder.js";

const resolve: ResolveLink = (id) =>
  id === "incorrect-btn" ? { title: "Incorrect BTN", url: "https://wiki.example/article/Port_Rejection#BTN" } : undefined;

describe("linkKbReferences", () => {
  it("turns links to entries into their wiki URL and leaves other links alone", () => {
    const md = "See [the BTN rejection](kb:incorrect-btn) or [the portal](https://portal.example).";
    expect(linkKbReferences(md, resolve)).toBe(
      "See [the BTN rejection](https://wiki.example/article/Port_Rejection#BTN) or [the portal](https://portal.example).",
    );
  });

  it("keeps only the text of a link to an entry that does not exist", () => {
    expect(linkKbReferences("Read [this](kb:gone).", resolve)).toBe("Read this.");
  });
});

describe("resolveKbLink", () => {
  it("resolves an entry's id to its title and wiki section, and an unknown id to nothing", () => {
    const resolveIn = resolveKbLink(knowledgeBase([entry("incorrect-btn")]));
    expect(resolveIn("incorrect-btn")).toEqual({ title: "Title of incorrect-btn", url: "https://wiki.example/Porting_FAQ#incorrect-btn" });
    expect(resolveIn("gone")).toBeUndefined();
    expect(linkKbReferences("See [the BTN](kb:incorrect-btn).", resolveIn)).toBe("See [the BTN](https://wiki.example/Porting_FAQ#incorrect-btn).");
  });
});

describe("toPlainText", () => {
  it("drops emphasis, spells out links and keeps list items on their own lines", () => {
    const md = "**Note**: reply within _7 days_.\n\n* send the [CSR](kb:incorrect-btn)\n* email [ports@voip.ms](mailto:ports@voip.ms)";
    expect(toPlainText(md, resolve)).toBe(
      "Note: reply within 7 days.\n\n- send the CSR (https://wiki.example/article/Port_Rejection#BTN)\n- email ports@voip.ms",
    );
  });

  it("flattens a table into one line per row with its headers", () => {
    const md = "| Article | Link |\n| --- | --- |\n| French | Français |\n| Spanish | Español |";
    expect(toPlainText(md, resolve)).toBe("- Article: French, Link: Français\n- Article: Spanish, Link: Español");
  });
});

describe("toSlackMrkdwn", () => {
  it("uses Slack's bold, italic, bullet and <url|text> link syntax and escapes angle brackets", () => {
    const md = "**Important**: a *PO box* is <never> valid.\n- see [BTN](kb:incorrect-btn)";
    expect(toSlackMrkdwn(md, resolve)).toBe(
      "*Important*: a _PO box_ is &lt;never&gt; valid.\n• see <https://wiki.example/article/Port_Rejection#BTN|BTN>",
    );
  });
});

describe("escaped characters", () => {
  it("show as the character itself, not as markup, in plain text and in Slack", () => {
    const md = "To retrieve the IMEI, enter \\*#06# and read *the* number.";
    expect(toPlainText(md, resolve)).toBe("To retrieve the IMEI, enter *#06# and read the number.");
    expect(toSlackMrkdwn(md, resolve)).toBe("To retrieve the IMEI, enter *#06# and read _the_ number.");
  });
});
