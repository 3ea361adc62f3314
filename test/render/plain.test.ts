import { describe, expect, it } from "vitest";
import { toPlainText, type ResolveLink } from "../../src/render/markdown.js";

const resolve: ResolveLink = (id) => (id === "incorrect-btn" ? { title: "Incorrect BTN", url: "https://wiki.example/article/Port_Rejection#BTN" } : undefined);

describe("toPlainText", () => {
  it("drops emphasis, spells out links and keeps list items on their own lines", () => {
    const md = "**Note**: reply within _7 days_.\n\n* send the [CSR](kb:incorrect-btn)\n* email [ports@voip.ms](mailto:ports@voip.ms)";
    expect(toPlainText(md, resolve)).toBe("Note: reply within 7 days.\n\n- send the CSR (https://wiki.example/article/Port_Rejection#BTN)\n- email ports@voip.ms");
  });

  it("spells out the address of an e-mail link whose text is not the address", () => {
    expect(toPlainText("Write to [the LNP department](mailto:lnp@example.test).", resolve)).toBe("Write to the LNP department (lnp@example.test).");
  });

  it("keeps each source line a line, and an item's continuation under its text", () => {
    expect(toPlainText("One line.\nAnother line.\n\n1. first\n   still first\n2. second\n   - nested", resolve)).toBe(
      "One line.\nAnother line.\n\n1. first\n   still first\n2. second\n   - nested",
    );
  });

  it("flattens a table into one line per row with its headers", () => {
    const md = "| Article | Link |\n| --- | --- |\n| French | Français |\n| Spanish | Español |";
    expect(toPlainText(md, resolve)).toBe("- Article: French, Link: Français\n- Article: Spanish, Link: Español");
  });

  it("shows escaped characters, code and raw HTML as the characters they are", () => {
    expect(toPlainText("Enter \\*#06# or `*#06#`; a <b>tag</b> stays text.\n\n> quoted", resolve)).toBe("Enter *#06# or *#06#; a <b>tag</b> stays text.\n\nquoted");
  });

  it("gives nothing for an empty body", () => {
    expect(toPlainText("", resolve)).toBe("");
  });
});
