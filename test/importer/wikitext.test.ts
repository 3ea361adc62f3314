import { describe, expect, it } from "vitest";
import { externalLinks, inlineToMarkdown, plainInline, wikitextToMarkdown, type WikiLinkResolver } from "../../src/importer/wikitext.js";
import { articleUrl, headingAnchor, normalizeTitle, sectionUrl } from "../../src/importer/wikiurl.js";
import { newest, sectionText } from "./seed.js";

/** Links to "Port Rejection" go to its overview entry; other pages stay on the wiki. */
const resolve: WikiLinkResolver = (page, anchor) =>
  normalizeTitle(page) === "Port Rejection" ? "kb:port-rejection-overview" : `${articleUrl(page)}${anchor ? `#${headingAnchor(anchor)}` : ""}`;
const md = (article: string, heading: string | null) => wikitextToMarkdown(sectionText(article, heading), resolve);

describe("wikitextToMarkdown on the real articles", () => {
  it("turns '''bold''' into **bold**", () => {
    expect(md("Port Rejection", "Port Rejection")).toContain("As an **Important Note** we must say");
    expect(md("Porting FAQ", "How much does it cost to Port a Number to VoIP.ms?")).toContain("please send your inquiry to **ports@voip.ms**");
  });

  it("turns ''italic'' into *italic*", () => {
    expect(md("Port Rejection", "Abbreviations")).toContain("For *Canadian numbers*: Abbreviations are Not an exact reason");
    expect(md("Porting a Number", "Important Notes to Remember")).toContain("*Canadian and USA numbers are activated on per minute plan once ported.");
  });

  it("links [[Port Rejection]] and [[Port_Rejection | text]] to the entry they name", () => {
    expect(md("Porting FAQ", "What happens if my port request gets rejected?")).toContain("on our Wiki Site [Port Rejection](kb:port-rejection-overview).");
    expect(md("Porting FAQ", "Situations That Can Lead to an Unsuccessful Porting your number to VoIP.ms and How to Overcome Them")).toBe(
      "For more information in this regard, head to [this article that provides all the details](kb:port-rejection-overview).",
    );
  });

  it("keeps links to wiki pages outside the knowledge base as wiki links", () => {
    expect(md("Porting a Number", "Start Procedure")).toContain("- [Porting a US Number](https://wiki.voip.ms/article/Porting_a_US_Number)");
  });

  it("turns external [url text] and [mailto:address text] links into Markdown links", () => {
    expect(md("Porting FAQ", "How to port my Google Voice Number to VoIP.ms")).toContain(
      "by checking here [Number Portability](https://www.voip.ms/portability.php) then please follow this guide to [Unlock your Google Voice Number](https://support.google.com/voice/answer/1316844?hl=en).",
    );
    expect(md("Porting a Number", "International Port IN Fees")).toContain("Please contact VoIP.ms LNP Department at [ports@voip.ms](mailto:ports@voip.ms) to confirm");
    expect(md("Porting a Number", "Tutorial Video")).toBe("[Porting Video Tutorial](https://www.youtube.com/watch?v=vnVXPP1S9l0)");
  });

  it("turns a bare [url] into an autolink", () => {
    expect(inlineToMarkdown("check here [https://www.voip.ms/portability.php] first", resolve)).toBe("check here <https://www.voip.ms/portability.php> first");
  });

  it("turns * bullets into Markdown list items, separated from the text around them", () => {
    expect(md("Porting FAQ", "What type of information will you need in order to port my number(s)?")).toContain(
      "The exceptions are as follow:\n\n- Portability of some ratecenters in Canada.\n- Portability of toll-free numbers.\n- Porting a number as a virtual Fax DID.\n\nFor local numbers in Canada",
    );
  });

  it("turns ': * item' indented bullets into list items and ': text' indents into plain lines", () => {
    expect(md("Port Rejection", "Where to send my Documentation?")).toBe(
      [
        "There are 2 ways to send your documentation:",
        "",
        "- You can send the missing information and/or documentation by replying to the ticket from your customer portal or your email address and attaching the requested documentation or information.",
        "- You can send an email directly at ports@voip.ms with the information and/or documentation requested with the subject containing the number (or one of the numbers) porting.",
      ].join("\n"),
    );
    expect(md("Porting a Number", "Start Procedure")).toContain("\n\nImportant: Make sure you have a scan of your latest invoice/statement in PDF, MS Word or as an Image file, SIGNED on a blank part.\nDo not sign it over any lines or graphics.\n\n");
  });

  it("turns a wikitable into a Markdown table", () => {
    const lead = newest("Porting FAQ").wikitext.split("\n\n")[0]!;
    expect(lead.startsWith("{|")).toBe(true);
    expect(wikitextToMarkdown(lead, resolve)).toBe(
      [
        "| Article en Français | Artículo en Español |",
        "| --- | --- |",
        "| [Français](https://wiki.voip.ms/article/Questions_fr%C3%A9quentes_sur_la_transf%C3%A9rabilit%C3%A9) | [Español](https://wiki.voip.ms/article/Preguntas_frecuentes_LNP) |",
      ].join("\n"),
    );
  });

  it("turns a table with a caption, cell attributes and several rows into Markdown", () => {
    const table = '{| class="wikitable"\n|+ Fees\n! Kind !! Fee\n|-\n| style="color:red" | Fax || $15\n|-\n| Resubmission || $8.75\n|}';
    expect(wikitextToMarkdown(table, resolve)).toBe("Fees\n\n| Kind | Fee |\n| --- | --- |\n| Fax | $15 |\n| Resubmission | $8.75 |");
  });

  it("ends lines at <br>, <br/> and <br /> without leaving the tags", () => {
    expect(md("Porting FAQ", "How much does it cost to Port a Number to VoIP.ms?")).toContain(
      "for local and toll-free numbers.\nFax numbers have a $15 USD one-time fee per number.\nFor International Numbers",
    );
    expect(inlineToMarkdown("first<br />second<br/>third", resolve)).toBe("first\nsecond\nthird");
  });

  it("decodes HTML entities", () => {
    expect(inlineToMarkdown("Canada &amp; United States&nbsp;say &quot;yes&quot; &#39;ok&#x27;", resolve)).toBe(`Canada & United States say "yes" 'ok'`);
  });

  it("drops images and keeps their caption if any", () => {
    const text = md("Porting a Number", "Check Availability");
    expect(text).not.toMatch(/File:|Port\.png|600px/);
    expect(inlineToMarkdown("[[File:Steps.jpg|thumb|none|600px|The six steps of a port]]", resolve)).toBe("The six steps of a port");
  });

  it("turns leading-space preformatted lines into normal text", () => {
    expect(md("Porting a Number", "Check Availability")).toContain("\n\nImportant: For Canadian, US and Toll-free Numbers the porting fee is free per number");
  });

  it("escapes asterisks that are text, not emphasis", () => {
    expect(md("Porting FAQ", "What is the IMEI?")).toContain("enter \\*#06# and the IMEI will be displayed");
  });
});

describe("headings and links", () => {
  it("reads a heading's plain text", () => {
    expect(plainInline("''IMPORTANT''")).toBe("IMPORTANT");
    expect(plainInline(" See [[Port_Rejection|rejections]] and [https://voip.ms VoIP.ms] ")).toBe("See rejections and VoIP.ms");
  });

  it("builds MediaWiki 1.16 section anchors", () => {
    expect(headingAnchor("How much does it cost to Port a Number to VoIP.ms?")).toBe("How_much_does_it_cost_to_Port_a_Number_to_VoIP.ms.3F");
    expect(headingAnchor("Disconnected / Inactive Numbers")).toBe("Disconnected_.2F_Inactive_Numbers");
    expect(headingAnchor("Rejection for Mismatch Information (Name, Address, Company Name)")).toBe(
      "Rejection_for_Mismatch_Information_.28Name.2C_Address.2C_Company_Name.29",
    );
    expect(headingAnchor("What are all of these acronyms: LOA, FOC, BTN, LSP, CSR, LSR, PON?")).toBe("What_are_all_of_these_acronyms:_LOA.2C_FOC.2C_BTN.2C_LSP.2C_CSR.2C_LSR.2C_PON.3F");
    expect(headingAnchor("My porting process has been completed and I have enabled SMS on my number, why can't I receive messages yet?")).toContain("why_can.27t_I");
    expect(sectionUrl("Port Rejection", "IMPORTANT")).toBe("https://wiki.voip.ms/article/Port_Rejection#IMPORTANT");
    expect(sectionUrl("Port Rejection", null)).toBe("https://wiki.voip.ms/article/Port_Rejection");
  });

  it("lists a body's external links once each, in order", () => {
    expect(externalLinks("[a](https://x.example/1) <https://x.example/2> [mail](mailto:ports@voip.ms) [again](https://x.example/1) [kb](kb:some-id)")).toEqual([
      { text: "a", url: "https://x.example/1" },
      { text: "https://x.example/2", url: "https://x.example/2" },
      { text: "mail", url: "mailto:ports@voip.ms" },
    ]);
  });
});

describe("definition lists", () => {
  const convert = (wikitext: string) => wikitextToMarkdown(wikitext, resolve);

  it("turns ';term : definition' into a bold term and its definition, with or without spaces around the colon", () => {
    expect(convert(";Widget code : the six letters on the box")).toBe("**Widget code**: the six letters on the box");
    expect(convert(";WGC: the six letters on the box")).toBe("**WGC**: the six letters on the box");
    expect(convert("; '''WGC''' :the box label")).toBe("**WGC**: the box label");
  });

  it("takes the definition from a ':' line right after a ';term' line", () => {
    expect(convert(";Widget code\n:the six letters on the box")).toBe("**Widget code**: the six letters on the box");
    expect(convert(";Widget code:\n: the six letters on the box")).toBe("**Widget code**: the six letters on the box");
  });

  it("splits at the first colon only, and not inside links, tags or URLs", () => {
    expect(convert(";Opening time: 9:30 on weekdays")).toBe("**Opening time**: 9:30 on weekdays");
    expect(convert(";[[Port_Rejection|See: rejections]] : why ports fail")).toBe("**See: rejections**: why ports fail");
    expect(convert(";https://widgets.example/help is the help page")).toBe("**https://widgets.example/help is the help page**");
  });

  it("keeps each term a paragraph of its own and leaves a term without a definition bold", () => {
    expect(convert(";Alpha: first letter\n;Beta: second letter\n;Gamma\nPlain text after.")).toBe(
      "**Alpha**: first letter\n\n**Beta**: second letter\n\n**Gamma**\n\nPlain text after.",
    );
  });

  it("keeps further ':' lines of a term as paragraphs after it", () => {
    expect(convert(";Widget\n:a small device\n:sold in boxes of six")).toBe("**Widget**: a small device\n\nsold in boxes of six");
  });
});
