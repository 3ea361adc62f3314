import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { Entry, KnowledgeBase } from "../../src/knowledge/schema.js";
import { agentText, cardElementsOf, htmlOf, kbLinkIds, knowledgeTokens, plainTextOf, resolveKbLink, slackBlocksOf, slackMrkdwnOf } from "../../src/render/markdown.js";
import { knowledgeDir } from "../../src/paths.js";

/** Every committed entry through every target: nothing of the Markdown, no raw HTML, every link between entries resolved. */

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
});

function render(entry: Entry) {
  const resolve = resolveKbLink(kb);
  const tokens = () => knowledgeTokens(entry.body, resolve);
  return {
    plain: plainTextOf(tokens()),
    slack: slackMrkdwnOf(tokens()),
    slackBlocks: JSON.stringify(slackBlocksOf(tokens())),
    html: htmlOf(tokens()),
    card: JSON.stringify(cardElementsOf(tokens(), { tables: true })),
    agent: agentText(entry, resolve),
  };
}

/** Markdown a reader would see as syntax: emphasis markers, link brackets, escapes, headings, quotes, list markers, code. */
const MARKDOWN_SYNTAX: Array<[string, RegExp]> = [
  ["strong", /\*\*|__/],
  ["link", /\]\(|\[[^\]]*\]\(/],
  ["escape", /\\[\\`*_{}[\]()#+\-.!|]/],
  ["heading", /^#{1,6}\s/m],
  ["quote", /^>\s/m],
  ["list marker", /^\s*[*+]\s/m],
  ["code", /`/],
  ["table", /^\|.*\|$/m],
];

const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "del", "code", "pre", "a", "ul", "ol", "li", "blockquote", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr"]);

describe("every committed entry, rendered for every target", () => {
  it("covers the whole knowledge base", () => {
    expect(kb.entries.length).toBeGreaterThan(90);
  });

  it("leaves no Markdown syntax in plain text, Slack mrkdwn or agents' text", () => {
    for (const entry of kb.entries) {
      const out = render(entry);
      for (const target of ["plain", "slack", "agent"] as const) {
        for (const [name, pattern] of MARKDOWN_SYNTAX) {
          // A quote is Slack's own syntax too.
          if (target === "slack" && name === "quote") continue;
          expect(out[target], `${entry.file}, ${target}: ${name} left`).not.toMatch(pattern);
        }
      }
    }
  });

  it("escapes &, < and > in Slack, leaving only Slack's own <url|text> links", () => {
    for (const entry of kb.entries) {
      const withoutLinks = render(entry).slack.replace(/<[^<>|\s]+\|[^<>]*>/g, "").replace(/^> /gm, "");
      expect(withoutLinks, entry.file).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
  });

  it("writes HTML with only the elements and link attributes the renderer allows", () => {
    for (const entry of kb.entries) {
      for (const [tag, name, attributes] of render(entry).html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        expect(ALLOWED_TAGS.has(name!), `${entry.file}: <${name}>`).toBe(true);
        if (name !== "a" || tag!.startsWith("</")) expect(attributes, `${entry.file}: <${name}${attributes}>`).toBe("");
        else expect(attributes, entry.file).toMatch(/^ href="(?:https?:\/\/|mailto:)[^"<>]*" rel="noopener noreferrer" target="_blank"$/);
      }
    }
  });

  it("resolves every link between entries to the linked entry's wiki section in every target", () => {
    let links = 0;
    for (const entry of kb.entries) {
      const out = render(entry);
      for (const id of kbLinkIds(entry.body)) {
        links += 1;
        const url = kb.byId.get(id)!.source.url;
        expect(out.plain, `${entry.file} -> ${id}`).toContain(url);
        expect(out.slack, `${entry.file} -> ${id}`).toContain(`<${url}|`);
        expect(out.html, `${entry.file} -> ${id}`).toContain(`href="${url.replace(/&/g, "&amp;").replace(/'/g, "&#39;")}"`);
        expect(out.card, `${entry.file} -> ${id}`).toContain(`](${url})`);
      }
      for (const [target, text] of Object.entries(out)) expect(text, `${entry.file}, ${target}`).not.toContain("kb:");
    }
    expect(links).toBeGreaterThan(20);
  });
});

describe("snapshots of real entries", () => {
  it.each([
    ["glossary/btn.md", "emphasis and links to other entries"],
    ["porting-a-number/important-notes-to-remember.md", "a loose list, emphasis inside items, an italic paragraph"],
    ["port-rejection/where-to-send-my-documentation.md", "a list and an e-mail address"],
    ["porting-a-number/international-port-in-fees-until-2019-01-02.md", "an archive notice as a quote, a long list, bold with a mailto: link"],
  ])("%s (%s)", (file) => {
    const entry = kb.entries.find((e) => e.file === file);
    expect(entry, file).toBeDefined();
    const resolve = resolveKbLink(kb);
    const tokens = () => knowledgeTokens(entry!.body, resolve);
    expect({
      plain: plainTextOf(tokens()),
      slack: slackMrkdwnOf(tokens()),
      slackBlocks: slackBlocksOf(tokens()),
      html: htmlOf(tokens()),
      card: cardElementsOf(tokens(), { tables: true }),
      agent: agentText(entry!, resolve),
    }).toMatchSnapshot();
  });
});
