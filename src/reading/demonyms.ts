import nationalities from "i18n-nationality";
import type { PlacesFile } from "../knowledge/schema.js";
import { fold } from "./text.js";

/** A country named by the word for its people: "German" for Germany. */
export interface Demonym {
  name: string;
  /** The country's English name, as the estimate's other countries are named. */
  place: string;
}

/** Region codes whose numbers are priced at home or as a region of `places.yaml`, never by a people's word. */
const HOME = new Set(["US", "CA"]);

/**
 * The English words for the people of each country, from `i18n-nationality`'s data: one word or two, without the
 * data's notes in brackets ("French (French Guiana)") or lists ("Trinidadian or Tobagonian"); a word that is the
 * country's own name ("Hong Kong") is left to the country names, and everyday words to `not_demonyms`.
 */
export function dataDemonyms(file: PlacesFile): Demonym[] {
  const options = file.demonyms_from_data;
  if (!options) return [];
  const left = new Set(options.not_demonyms.map(fold));
  const places = new Intl.DisplayNames(["en"], { type: "region" });
  const out: Demonym[] = [];
  for (const [code, name] of Object.entries(nationalities.getNames("en"))) {
    if (HOME.has(code) || !/^\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?$/u.test(name) || left.has(fold(name))) continue;
    const place = places.of(code);
    if (!place || place === code || fold(place) === fold(name)) continue;
    out.push({ name, place });
  }
  return out;
}
