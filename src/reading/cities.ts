import { cityMapping } from "city-timezones";
import type { PlacesFile } from "../knowledge/schema.js";
import { fold } from "./text.js";

/** A city named in a message: in a state or province, or in another country (by its English name). */
export type City = { name: string; country: "US" | "CA"; region: string } | { name: string; country: "INTL"; place: string };

/**
 * The cities customers name beside those listed in `places.yaml`, from the GeoNames-based data of `city-timezones`:
 * US and Canadian cities above a population, in their state or province, and the world's largest cities in their
 * country. A name shared by several cities goes to the largest, a North American one unless the other is ten times
 * its size ("London" alone is England's); names that are everyday words are left out (`not_cities`).
 */
export function dataCities(file: PlacesFile): City[] {
  const options = file.cities_from_data;
  if (!options) return [];
  const regions = new Map(file.regions.map((r) => [fold(r.name), { name: r.name, country: r.country }]));
  const left = new Set(options.not_cities.map(fold));
  const places = new Intl.DisplayNames(["en"], { type: "region" });
  const best = new Map<string, { city: City; pop: number; home: boolean }>();
  for (const c of cityMapping) {
    const home = c.iso2 === "US" || c.iso2 === "CA";
    const min = c.iso2 === "US" ? options.us_min_population : c.iso2 === "CA" ? options.ca_min_population : options.world_min_population;
    if (!(c.pop >= min)) continue;
    const key = fold(c.city_ascii);
    if (left.has(key) || key.length < 4) continue;
    let city: City | undefined;
    if (home) {
      const region = regions.get(fold(c.province));
      if (region && region.country === c.iso2) city = { name: c.city_ascii, country: region.country, region: region.name };
    } else {
      const place = places.of(c.iso2);
      if (place && place !== c.iso2) city = { name: c.city_ascii, country: "INTL", place };
    }
    if (!city) continue;
    const seen = best.get(key);
    const weight = (x: { pop: number; home: boolean }) => x.pop * (x.home ? 10 : 1);
    if (!seen || weight({ pop: c.pop, home }) > weight(seen)) best.set(key, { city, pop: c.pop, home });
  }
  return [...best.values()].map((b) => b.city);
}
