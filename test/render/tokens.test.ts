import { describe, expect, it } from "vitest";
import { kbLinkIds, knowledgeTokens, plainTextOf, resolveKbLink, type ResolveLink } from "../../src/render/markdown.js";
import { entry, knowledgeBase } from "../estimate/kb-builder.js";

const resolve: ResolveLink = (id) => (id === "incorrect-btn" ? { title: "Incorrect BTN", url: "https://wiki.example/article/Port_Rejection#BTN" } : undefined);

describe("knowledge tokens", () => {
  it("point a link to an entry at that entry's wiki section and leave other links alone", () => {
    const tokens = knowledgeTokens("See [the BTN rejection](kb:incorrect-btn) or [the portal](https://portal.example).", resolve);
    const links: string[] = [];
    JSON.stringify(tokens, (key, value) => (key === "href" ? (links.push(value as string), value) : value));
    expect(links).toEqual(["https://wiki.example/article/Port_Rejection#BTN", "https://portal.example"]);
  });

  it("keep only the text, emphasis included, of a link to an entry that does not exist", () => {
    const tokens = knowledgeTokens("Read [**this** one](kb:gone).", resolve);
    expect(JSON.stringify(tokens)).not.toMatch(/"type":"link"|"href"/);
    expect(plainTextOf(tokens)).toBe("Read this one.");
  });

  it("find the ids a body links to, but not a link written inside code", () => {
    expect(kbLinkIds("[a](kb:one) and `[b](kb:two)` and [c](kb:three \"title\") and [d](https://x.example)")).toEqual(["one", "three"]);
  });
});

describe("resolveKbLink", () => {
  it("resolves an entry's id to its title and wiki section, and an unknown id to nothing", () => {
    const resolveIn = resolveKbLink(knowledgeBase([entry("incorrect-btn")]));
    expect(resolveIn("incorrect-btn")).toEqual({ title: "Title of incorrect-btn", url: "https://wiki.example/Porting_FAQ#incorrect-btn" });
    expect(resolveIn("gone")).toBeUndefined();
  });
});
