import { plainInline } from "./wikitext.js";
import { articleUrl, normalizeTitle } from "./wikiurl.js";

/** One piece of an article that becomes an entry: its overview, a section, or a subsection. */
export interface Section {
  /** Heading without markup; null for the text before the first heading. */
  heading: string | null;
  /** For a subsection, the heading of the section holding it. */
  parent: string | null;
  wikitext: string;
}

export interface Translations {
  fr?: string;
  es?: string;
}

export interface SplitArticle {
  sections: Section[];
  translations: Translations;
}

const HEADING = /^(={2,3})\s*(.*?)\s*\1\s*$/;
const CATEGORY = /\[\[\s*category\s*:[^\]]*\]\]/gi;
const TRANSLATION_LABEL = { fr: /fran[cç]ais/i, es: /espa[nñ]ol/i } as const;
/** Lead line of the list of links to the other porting guides. */
const SEE_ALSO = /(also check out|see also|other wiki guides)/i;

interface FoundLink {
  url: string;
  label: string;
}

function linksIn(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of text.matchAll(/\[\[([^\]|]+)(?:\|([^\]]*))?\]\]/g)) {
    found.push({ url: articleUrl(normalizeTitle(m[1]!.split("#")[0]!)), label: m[2] ?? m[1]! });
  }
  for (const m of text.matchAll(/\[(https?:\/\/[^\s\]]+)\s+([^\]]*)\]/g)) found.push({ url: m[1]!, label: m[2]! });
  return found;
}

/** French and Spanish versions of the article, from the links labelled with the language's name. */
function translationsIn(lines: string[]): Translations {
  const translations: Translations = {};
  for (const line of lines) {
    for (const link of linksIn(line)) {
      for (const lang of ["fr", "es"] as const) {
        if (!translations[lang] && (TRANSLATION_LABEL[lang].test(link.label) || TRANSLATION_LABEL[lang].test(line.split("[")[0]!))) {
          translations[lang] = link.url;
        }
      }
    }
  }
  return translations;
}

const isTranslationLine = (line: string) => linksIn(line).length > 0 && Object.keys(translationsIn([line])).length > 0;
const isLinkOnlyItem = (line: string) => /^\*+\s*\[[^\]]+\]+\s*$/.test(line.trim());

/**
 * Removes navigation from the text before the first heading: the translation table or line,
 * __TOC__, and the "see also" list of other guides. What is left says something to a reader.
 */
function stripNavigation(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*\{\|/.test(line)) {
      const table: string[] = [line];
      while (i + 1 < lines.length && !/^\s*\|\}/.test(lines[i]!)) table.push(lines[++i]!);
      if (table.some(isTranslationLine)) continue;
      kept.push(...table);
    } else if (isTranslationLine(line) || /^\s*__[A-Z]+__\s*$/.test(line)) {
      continue;
    } else if (SEE_ALSO.test(line) && isLinkOnlyItem(lines[i + 1] ?? "")) {
      while (isLinkOnlyItem(lines[i + 1] ?? "")) i++;
    } else {
      kept.push(line);
    }
  }
  return kept;
}

const trimBlock = (lines: string[]) => lines.join("\n").replace(/^\s*\n/, "").trim();

/** Splits one revision into its overview, sections and subsections, in document order. */
export function splitArticle(wikitext: string): SplitArticle {
  const lines = wikitext.replace(CATEGORY, "").split("\n");
  const firstHeading = lines.findIndex((line) => HEADING.test(line));
  const lead = firstHeading < 0 ? lines : lines.slice(0, firstHeading);
  const sections: Section[] = [];
  const overview = trimBlock(stripNavigation(lead));
  if (overview) sections.push({ heading: null, parent: null, wikitext: overview });

  let current: { heading: string; level: number; lines: string[] } | null = null;
  let parent: string | null = null;
  const flush = () => {
    if (current) sections.push({ heading: current.heading, parent: current.level === 3 ? parent : null, wikitext: trimBlock(current.lines) });
  };
  for (const line of firstHeading < 0 ? [] : lines.slice(firstHeading)) {
    const match = HEADING.exec(line);
    if (match) {
      flush();
      const heading = plainInline(match[2]!);
      const level = match[1]!.length === 3 && parent !== null ? 3 : 2;
      if (level === 2) parent = heading;
      current = { heading, level, lines: [] };
    } else {
      current!.lines.push(line);
    }
  }
  flush();
  return { sections, translations: translationsIn(lead) };
}
