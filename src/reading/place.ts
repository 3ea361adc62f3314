import { parsePhoneNumber, getRegionCodeForCountryCode } from "awesome-phonenumber";
import type { Country, PlacesFile } from "../knowledge/schema.js";
import { resolveCountry } from "../estimate/country.js";
import { dataCities } from "./cities.js";
import { dataDemonyms } from "./demonyms.js";
import { editDistance, words, type Token } from "./text.js";

export interface PlaceFacts {
  country?: Country;
  /** A country outside the home markets, by its English name ("Spain"). */
  place?: string;
  /** The state or province named ("Ontario"). */
  region?: string;
  /** A name that is a state and a country (Georgia) with nothing else to decide it: the customer is asked. */
  ambiguous?: { name: string; region: string; regionCountry: "US" | "CA"; country: string };
}

interface Phrase {
  words: string[];
  country: Country;
  region?: string;
  /** A country outside the home markets, for a city there. */
  place?: string;
  /** Read only as written: the city data is too large for typos ("Narnia" is no "Sarnia"). */
  exact?: boolean;
  /** A city or abbreviation that settles a name shared with a country. */
  settles?: boolean;
  alsoCountry?: string;
  /** A people's word ("German"): any place named beside it outweighs it ("a French-speaking office in Montreal"). */
  weak?: boolean;
  /** An everyday word too ("Bell"): read only as written with a capital. */
  capital?: boolean;
  /** A country's or a region's own name, not a city's: a short typo of it still names it ("Canda"). */
  named?: boolean;
}

export interface PlaceModel {
  phrases: Phrase[];
  abbreviations: Map<string, { country: Country; region: string; place?: string; alsoCountry?: string }>;
  /** Area codes the numbering plan gives to the US as a whole that belong to a region outside the US48 (907). */
  areaCodes: Map<string, { country: Country; region: string; place?: string }>;
}

/** Where a region's numbers are priced: its own country, or, outside the US48, like another country's under its name. */
function regionMarket(r: PlacesFile["regions"][number]): { country: Country; region: string; place?: string } {
  return r.outside_us48 ? { country: "INTL", region: r.name, place: r.name } : { country: r.country, region: r.name };
}

export function placeModel(file: PlacesFile): PlaceModel {
  const phrases: Phrase[] = [];
  for (const [country, names] of Object.entries(file.countries) as Array<["US" | "CA", string[]]>) for (const n of names) phrases.push({ words: words(n), country, named: true });
  const abbreviations: PlaceModel["abbreviations"] = new Map();
  const areaCodes: PlaceModel["areaCodes"] = new Map();
  const markets = new Map(file.regions.map((r) => [r.name, regionMarket(r)]));
  for (const r of file.regions) {
    const also = r.also_country ? { alsoCountry: r.also_country } : {};
    const market = markets.get(r.name)!;
    for (const n of [r.name, ...r.aliases]) phrases.push({ words: words(n), ...market, ...also, named: true });
    for (const c of r.cities) phrases.push({ words: words(c), ...market, settles: true });
    abbreviations.set(r.abbr, { ...market, ...also });
    for (const code of r.area_codes) areaCodes.set(code, market);
  }
  // Listed names first: a city in the data with the same name ("Richmond") does not take it over.
  const listed = new Set(phrases.map((p) => p.words.join(" ")));
  for (const c of dataCities(file)) {
    const w = words(c.name);
    if (listed.has(w.join(" "))) continue;
    phrases.push(c.country === "INTL" ? { words: w, country: "INTL", place: c.place, settles: true, exact: true } : { words: w, ...markets.get(c.region)!, settles: true, exact: true });
  }
  for (const c of file.carriers) {
    const w = words(c.name);
    if (!listed.has(w.join(" "))) phrases.push({ words: w, country: c.country, exact: true, weak: true, ...(c.capital ? { capital: true } : {}) });
  }
  for (const d of dataDemonyms(file)) {
    const w = words(d.name);
    if (!listed.has(w.join(" "))) phrases.push({ words: w, country: "INTL", place: d.place, exact: true, weak: true });
  }
  phrases.sort((a, b) => b.words.length - a.words.length || b.words.join(" ").length - a.words.join(" ").length);
  return { phrases, abbreviations, areaCodes };
}

/** Two-letter codes that are also everyday words: read as a place only right after a capitalised name or a comma. */
const WORDLIKE = new Set(["IN", "OR", "ME", "OK", "HI", "ID", "DE", "LA", "CO", "PA", "MA", "AL", "ON", "NE", "MO", "OH", "SD", "NU", "PE", "SC", "NT"]);
/** Country names that are everyday words too. */
const NOT_COUNTRIES = new Set(["chad", "jordan", "turkey", "guinea", "niger", "reunion", "georgia", "man", "other", "us", "ca", "can", "intl", "international"]);
/** Everyday words one letter from a place's word: "what is the status" names no "the states". */
const NOT_TYPOS = new Set(["status", "stated", "statues"]);
/** Words near "Georgia" that say which one is meant. */
const COUNTRY_SIDE = new Set(["country", "tbilisi", "republic", "batumi", "kutaisi"]);
const STATE_SIDE = new Set(["state", "atlanta", "ga"]);
/** Words before a 3-digit number that make it an area code: "my 514 number", "with 404 numbers", "three 504 numbers", "they're 305 numbers". */
const AREA_CODE_LEAD = new Set(["my", "our", "a", "the", "with", "their", "his", "her", "its", "this", "that", "theyre", "are", "mon", "notre", "mi", "nuestro", "un", "una", "une", "el", "le", "code", "area", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "dos", "tres", "deux", "trois"]);

const PLACE_LEAD = new Set(["in", "from", "en", "de", "dans", "desde"]);
const NOT_AFTER_AREA_CODE = /^(?:numbers?|lines?|dids?|phones?|tns?|faxe?s?|cells?|days?|weeks?|months?|years?|dollars?|usd|cad|minutes?|hours?|numeros?|lignes?|lineas?|jours?|dias?|total)$/;

/** A short name that could be an ordinary word ("LA", "Ont", not "la", "ont") is a place only with a capital; "nyc" has no vowel to be one. */
function capitalisedIfShort(token: Token): boolean {
  return token.word.length > 3 || !/[aeiou]/.test(token.word) || /^\p{Lu}/u.test(token.raw);
}

/**
 * The longest phrase starting at token i; among phrases of that length, one written exactly as typed before one a typo
 * away ("Indian" is India's people, not "Indiana" misspelt).
 */
function phraseAt(phrases: Phrase[], tokens: Token[], i: number): Phrase | undefined {
  let typo: Phrase | undefined;
  for (const p of phrases) {
    if (typo && p.words.length < typo.words.length) break;
    if (p.words.length === 1 && !capitalisedIfShort(tokens[i]!)) continue;
    if (p.capital && !/^\p{Lu}/u.test(tokens[i]!.raw)) continue;
    const typed = p.words.map((_, k) => tokens[i + k]?.word);
    if (typed.some((t) => t === undefined)) continue;
    if (p.words.every((w, k) => typed[k] === w)) return p;
    if (!typo && !p.exact && p.words.every((w, k) => wordMatch(typed[k]!, w, p.named === true))) typo = p;
  }
  return typo;
}

/**
 * Whether a typed word is a place's word or one typo of it. Place names are often ordinary words ("Reno", "rent"): only
 * long ones tolerate a typo, and a typed word of five letters only for a country's or region's own name ("Canda"),
 * never as its start ("state" is no "states"). fuse.js's Bitap score was tried for this and left out: it scores a
 * word inside a longer one ("Indian" in "Indiana", "canal" against "Canada") as close as a misspelling.
 */
function wordMatch(typed: string, expected: string, named: boolean): boolean {
  if (typed === expected) return true;
  if (NOT_TYPOS.has(typed) || (expected.length < 6 || typed.length < (named ? 5 : 6) || expected.startsWith(typed))) return false;
  return editDistance(typed, expected, 1) <= 1;
}

/** The NANP region of a 3-digit area code ("416" → "CA", "212" → "US", "876" → "JM"), from libphonenumber's data. */
export function areaCodeRegion(code: string): string | undefined {
  if (!/^[2-9]\d\d$/.test(code)) return undefined;
  const parsed = parsePhoneNumber(`+1${code}2345678`);
  if (!parsed.valid || parsed.type === "toll-free" || !parsed.regionCode) return undefined;
  return parsed.regionCode;
}

export function isAreaCodeAt(tokens: Token[], i: number, text: string): boolean {
  const token = tokens[i]!;
  if (!areaCodeRegion(token.word)) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (text[token.at - 1] === "(") return true;
  if (after && /^\d{3}$/.test(after.word) && tokens[i + 2] && /^\d{4}$/.test(tokens[i + 2]!.word)) return true;
  if (after && (after.word === "area" || after.word === "code")) return true;
  if (before !== undefined && AREA_CODE_LEAD.has(before.word)) return true;
  // "a client in 305", "numbers from 416": a place word before it, and no count's noun after ("from 250 numbers").
  return before !== undefined && PLACE_LEAD.has(before.word) && !(after && NOT_AFTER_AREA_CODE.test(after.word));
}

function regionCountry(regionCode: string): { country: Country; place?: string } {
  if (regionCode === "US") return { country: "US" };
  if (regionCode === "CA") return { country: "CA" };
  const place = new Intl.DisplayNames(["en"], { type: "region" }).of(regionCode);
  return { country: "INTL", ...(place ? { place } : {}) };
}

interface Hit {
  country: Country;
  place?: string;
  region?: string;
  alsoCountry?: string;
  settles?: boolean;
  weight: number;
  /** Where a city's name ends, in tokens. */
  cityEnd?: number;
}

/**
 * Where the numbers are, from what the message names: a country, a state or province (name, abbreviation, major
 * city), an area code, or a "+NN" calling code. The country named most wins; Georgia is read from the words around it.
 */
export function readPlace(model: PlaceModel, tokens: Token[], text: string): PlaceFacts {
  const hits: Hit[] = [];
  const used = new Set<number>();
  const letters = text.replace(/[^A-Za-z]/g, "");
  const shouting = letters.length > 0 && letters.replace(/[^A-Z]/g, "").length / letters.length > 0.6;
  const alone = tokens.length === 1;

  for (let i = 0; i < tokens.length; i++) {
    const phrase = phraseAt(model.phrases, tokens, i);
    if (phrase) {
      // "London, Ontario": a city named right before a region or country is there, whatever else bears its name.
      const city = phrase.named ? hits.findIndex((h) => h.cityEnd === i && h.country !== phrase.country) : -1;
      if (city >= 0) hits.splice(city, 1);
      hits.push({ country: phrase.country, ...(phrase.region ? { region: phrase.region } : {}), ...(phrase.place ? { place: phrase.place } : {}), ...(phrase.alsoCountry ? { alsoCountry: phrase.alsoCountry } : {}), ...(phrase.settles ? { settles: true, cityEnd: i + phrase.words.length } : {}), weight: phrase.weak ? 0.5 : 1 });
      for (let k = 0; k < phrase.words.length; k++) used.add(i + k);
      i += phrase.words.length - 1;
      continue;
    }
    const token = tokens[i]!;
    const upper = token.raw.toUpperCase() === token.raw;
    const abbr = model.abbreviations.get(token.raw.toUpperCase());
    if (abbr && /^[A-Za-z]{2}$/.test(token.raw)) {
      const prev = tokens[i - 1];
      const wordlike = WORDLIKE.has(token.raw.toUpperCase());
      const placed = (prev !== undefined && /^\p{Lu}/u.test(prev.raw)) || token.afterBreak;
      const ok = alone ? upper || !wordlike : upper && !shouting && (!wordlike || placed);
      if (ok) {
        // "CA" is California beside a US place, Canada otherwise.
        if (token.raw.toUpperCase() === "CA") hits.push({ country: "CA", weight: 0.5 });
        else hits.push({ country: abbr.country, region: abbr.region, ...(abbr.place ? { place: abbr.place } : {}), settles: true, weight: 1 });
        used.add(i);
        continue;
      }
    }
    if ((token.raw === "US" || token.raw === "USA") && !shouting) {
      hits.push({ country: "US", weight: 1 });
      continue;
    }
    if (/^\d{1,3}$/.test(token.word) && text[token.at - 1] === "+" && token.word !== "1") {
      const region = getRegionCodeForCountryCode(Number(token.word));
      if (region && region !== "ZZ") hits.push({ ...regionCountry(region), weight: 1, settles: true });
      continue;
    }
    // An area code alone is a reply to "Where are the numbers from?".
    if (/^\d{3}$/.test(token.word) && (alone || isAreaCodeAt(tokens, i, text))) {
      hits.push({ ...(model.areaCodes.get(token.word) ?? regionCountry(areaCodeRegion(token.word)!)), weight: 1, settles: true });
    }
  }
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if ([...Array(n).keys()].some((k) => used.has(i + k))) continue;
      const name = tokens.slice(i, i + n).map((t) => t.word).join(" ");
      if (name.length < 4 && !(n === 1 && name === "uk")) continue;
      if (NOT_COUNTRIES.has(name)) continue;
      const choice = resolveCountry(name);
      if (!choice || choice.country !== "INTL" || !choice.place) continue;
      // "Manchester, UK": a city named right before a country is that country's, whatever else bears its name.
      const city = hits.findIndex((h) => h.cityEnd === i && h.country !== "INTL");
      if (city >= 0) hits.splice(city, 1);
      hits.push({ country: "INTL", place: choice.place, weight: 1 });
      for (let k = 0; k < n; k++) used.add(i + k);
    }
  }
  return decide(hits, tokens);
}

function decide(hits: Hit[], tokens: Token[]): PlaceFacts {
  if (hits.length === 0) return {};
  const said = new Set(tokens.map((t) => t.word));
  const shared = hits.find((h) => h.alsoCountry);
  const others = hits.filter((h) => !h.alsoCountry);
  if (shared) {
    const sameRegion = others.some((h) => h.region === shared.region) || others.some((h) => h.country === shared.country) || [...said].some((w) => STATE_SIDE.has(w));
    const countrySide = [...said].some((w) => COUNTRY_SIDE.has(w)) || others.some((h) => h.place === shared.alsoCountry);
    if (countrySide && !sameRegion) return { country: "INTL", place: shared.alsoCountry! };
    if (!sameRegion && others.length === 0) {
      return { ambiguous: { name: shared.region!, region: shared.region!, regionCountry: shared.country as "US" | "CA", country: shared.alsoCountry! } };
    }
    if (!sameRegion) return decide(others, tokens);
  }
  // "a US number in Honolulu": Hawaii says where in the US, so "US" does not outvote it.
  if (hits.some((h) => h.country === "INTL" && h.region)) hits = hits.filter((h) => !(h.country === "US" && !h.region));
  const score = new Map<Country, number>();
  for (const h of hits) score.set(h.country, (score.get(h.country) ?? 0) + h.weight);
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const first = hits.find((h) => h.country === best)!;
  const region = hits.find((h) => h.country === best && h.region)?.region;
  return { country: best, ...(best === "INTL" && first.place ? { place: hits.find((h) => h.place)?.place ?? first.place } : {}), ...(region ? { region } : {}) };
}
