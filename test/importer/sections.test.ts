import { describe, expect, it } from "vitest";
import { splitArticle } from "../../src/importer/sections.js";
import { newest } from "./seed.js";

const split = (article: string) => splitArticle(newest(article).wikitext);

describe("splitArticle on the newest revisions", () => {
  it("splits the Porting FAQ into its 43 sections, with no overview since its lead is only navigation", () => {
    const { sections } = split("Porting FAQ");
    expect(sections).toHaveLength(43);
    expect(sections.every((s) => s.heading !== null && s.parent === null)).toBe(true);
    expect(sections[0]!.heading).toBe("How much does it cost to Port a Number to VoIP.ms?");
    expect(sections.at(-1)!.heading).toBe("Pro Bonus Tip");
  });

  it("splits Port Rejection into an overview, 3 sections and 11 rejection reasons", () => {
    const { sections } = split("Port Rejection");
    expect(sections).toHaveLength(15);
    expect(sections[0]).toMatchObject({ heading: null, parent: null });
    expect(sections[0]!.wikitext).toMatch(/^Please note that a port request starts with your paperwork/);
    expect(sections.filter((s) => s.heading !== null && s.parent === null).map((s) => s.heading)).toEqual([
      "Where to send my Documentation?",
      "Port Rejection",
      "IMPORTANT",
    ]);
    const reasons = sections.filter((s) => s.parent === "Port Rejection").map((s) => s.heading);
    expect(reasons).toEqual([
      "Abbreviations",
      "Rejection for SMS Not Answered.",
      "Rejection for Mismatch Information (Name, Address, Company Name)",
      "Disconnected / Inactive Numbers",
      "Incorrect Billing Telephone Number (BTN)",
      "Hunt Members / Stranded Services",
      "Account Number, Reseller Mismatch",
      "Partial Port",
      "Freeze on the Account, Pending Order",
      "More Recent Authorization",
      "Port Out Rejection for PIN",
    ]);
  });

  it("keeps the text directly under a heading with subsections as its own section", () => {
    const main = split("Port Rejection").sections.find((s) => s.heading === "Port Rejection" && s.parent === null)!;
    expect(main.wikitext).toMatch(/^As an '''Important Note'''/);
    expect(main.wikitext).toMatch(/we will list the most common ones according to our experience:$/);
  });

  it("splits Porting a Number into 9 sections", () => {
    const { sections } = split("Porting a Number");
    expect(sections.map((s) => s.heading)).toEqual([
      "Tutorial Video",
      "Port a number",
      "Numbers portable",
      "International Port IN Fees",
      "Check Availability",
      "Start Procedure",
      "Port Rejection",
      "Important Notes to Remember",
      "What about Porting Out?",
    ]);
  });

  it("reads headings without spaces, with markup or trailing spaces", () => {
    const faq = split("Porting FAQ").sections.map((s) => s.heading);
    expect(faq).toContain("What is a partial port?");
    expect(faq).toContain("Can a Port In/Out be rejected for Negative Balance?");
    const rejection = split("Port Rejection").sections.map((s) => s.heading);
    expect(rejection).toContain("IMPORTANT");
    expect(rejection).toContain("Rejection for SMS Not Answered.");
  });

  it("drops navigation: translation table, __TOC__, the list of other guides and categories", () => {
    for (const article of ["Porting FAQ", "Port Rejection", "Porting a Number"]) {
      for (const section of split(article).sections) {
        expect(section.wikitext).not.toMatch(/__TOC__|Article en Français|Please also check out our other Wiki Guides|\[\[category/i);
      }
    }
  });

  it("keeps the French and Spanish versions as the article's translations", () => {
    expect(split("Porting FAQ").translations).toEqual({
      fr: "https://wiki.voip.ms/article/Questions_fr%C3%A9quentes_sur_la_transf%C3%A9rabilit%C3%A9",
      es: "https://wiki.voip.ms/article/Preguntas_frecuentes_LNP",
    });
    expect(split("Port Rejection").translations).toEqual({
      fr: "https://wiki.voip.ms/article/Rejet_de_transf%C3%A9rabilit%C3%A9",
      es: "https://wiki.voip.ms/article/Rechazo_de_porteo",
    });
    expect(split("Porting a Number").translations).toEqual({});
  });

  it("treats an old one-line Spanish link as navigation too", () => {
    const lead = "Haga clic aquí para la versión en Español:[[Preguntas_frecuentes_LNP|Preguntas frecuentes LNP]]\n__TOC__\n\n== A ==\ntext";
    const result = splitArticle(lead);
    expect(result.sections.map((s) => s.heading)).toEqual(["A"]);
    expect(result.translations).toEqual({ es: "https://wiki.voip.ms/article/Preguntas_frecuentes_LNP" });
  });
});
