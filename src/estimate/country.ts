import type { Country } from "../knowledge/schema.js";
import { nameKey } from "../knowledge/facts.js";

/** Where the numbers are: a home market, or another country named by its English name. */
export interface CountryChoice {
  country: Country;
  /** The English name of a country outside the home markets, when known (e.g. "United Kingdom"). */
  place?: string;
}

const HOME: Record<string, CountryChoice> = {
  us: { country: "US" },
  usa: { country: "US" },
  us48: { country: "US" },
  "u.s.": { country: "US" },
  "u.s.a.": { country: "US" },
  "united states": { country: "US" },
  "united states of america": { country: "US" },
  america: { country: "US" },
  american: { country: "US" },
  ca: { country: "CA" },
  can: { country: "CA" },
  canada: { country: "CA" },
  canadian: { country: "CA" },
  intl: { country: "INTL" },
  international: { country: "INTL" },
  other: { country: "INTL" },
};

/** Region codes that name groups or test regions rather than countries. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

let regions: Map<string, string> | undefined;

/** ISO 3166 code and English name -> English name, from the runtime's own region names. */
function regionNames(): Map<string, string> {
  if (regions) return regions;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  regions = new Map();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      regions.set(code.toLowerCase(), name);
      regions.set(nameKey(name), name);
    }
  }
  regions.set("uk", "United Kingdom");
  regions.set("great britain", "United Kingdom");
  regions.set("britain", "United Kingdom");
  regions.set("england", "United Kingdom");
  return regions;
}

/** "US", "Canada", "uk", "France", "international" -> a country choice; undefined when no country has that name. */
export function resolveCountry(text: string): CountryChoice | undefined {
  const key = nameKey(text);
  const home = HOME[key];
  if (home) return home;
  const name = regionNames().get(key);
  if (!name) return undefined;
  if (name === "United States") return { country: "US" };
  if (name === "Canada") return { country: "CA" };
  return { country: "INTL", place: name };
}

/** Words that never name a country inside a sentence ("port for us", "other numbers", "can I"). */
const AMBIGUOUS_IN_TEXT = new Set(["us", "ca", "can", "other"]);

/**
 * Phrases naming a country in free text: names and aliases, not two-letter codes ("TF" or "TN" in a
 * sentence mean toll-free or telephone number).
 */
export function countryPhrases(): string[] {
  const phrases = new Set<string>(["uk"]);
  for (const key of regionNames().keys()) if (key.length > 2) phrases.add(key);
  for (const key of Object.keys(HOME)) if (!AMBIGUOUS_IN_TEXT.has(key)) phrases.add(key);
  return [...phrases];
}
