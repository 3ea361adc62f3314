import { describe, expect, it } from "vitest";
import { toHtml, type ResolveLink } from "../../src/render/markdown.js";

const resolve: ResolveLink = (id) => (id === "incorrect-btn" ? { title: "Incorrect BTN", url: "https://wiki.example/article/Port_Rejection#BTN" } : undefined);

describe("toHtml", () => {
  it("writes paragraphs, line breaks, emphasis, lists and links to entries", () => {
    expect(toHtml("**Note**: reply within _7 days_.\nOr else.\n\n- send the [CSR](kb:incorrect-btn)\n- done", resolve)).toBe(
      '<p><strong>Note</strong>: reply within <em>7 days</em>.<br>Or else.</p>\n<ul><li>send the <a href="https://wiki.example/article/Port_Rejection#BTN" rel="noopener noreferrer" target="_blank">CSR</a></li><li>done</li></ul>',
    );
  });

  it("writes a table with a header row", () => {
    expect(toHtml("| Kind | Fee |\n| --- | --- |\n| Fax | **$15** |", resolve)).toBe(
      "<table><thead><tr><th>Kind</th><th>Fee</th></tr></thead><tbody><tr><td>Fax</td><td><strong>$15</strong></td></tr></tbody></table>",
    );
  });

  it("lets no raw HTML through: tags, event handlers and scripts show as text", () => {
    const html = toHtml('<script>alert(1)</script>\n\nA <img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">link</a>.', resolve);
    expect(html).not.toMatch(/<(script|img|a\s+href="javascript)/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("keeps only http, https and mailto links, and escapes what could end an attribute", () => {
    const html = toHtml('[run](javascript:alert(1)) [data](data:text/html,x) [ok](https://x.example/?a=1&b="2") [mail](mailto:a@example.test)', resolve);
    expect(html).toBe(
      '<p>run data <a href="https://x.example/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer" target="_blank">ok</a> <a href="mailto:a@example.test" rel="noopener noreferrer" target="_blank">mail</a></p>',
    );
  });

  it("puts a body's headings below the answer's title", () => {
    expect(toHtml("# Fees\n\n### Detail", resolve)).toBe("<h3>Fees</h3>\n<h5>Detail</h5>");
  });
});
