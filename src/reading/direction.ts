import type { Direction, IntentsFile, PlacesFile } from "../knowledge/schema.js";
import { everyPhrase, findPhrase, words, type Found, type Token } from "./text.js";

/** The words a port's direction is read with (`knowledge/intents.yaml`, `direction`) and the carriers it may name. */
export interface DirectionWords {
  out: string[][];
  in: string[][];
  /** Phrases that send the number out when a carrier is named right after them ("switching to Rogers"). */
  toCarrier: string[][];
  /** Phrases that bring the number in when a carrier is named right after them ("switching from Verizon"). */
  fromCarrier: string[][];
  carriers: string[][];
}

export function directionWords(direction: IntentsFile["direction"], carriers: PlacesFile["carriers"]): DirectionWords {
  return {
    out: direction.out.map(words),
    in: direction.in.map(words),
    toCarrier: direction.to_carrier.map(words),
    fromCarrier: direction.from_carrier.map(words),
    carriers: carriers.map((c) => words(c.name)),
  };
}

const namesCarrierAt = (w: DirectionWords, tokens: Token[], at: number) => w.carriers.some((c) => c.every((word, k) => tokens[at + k]?.word === word));

/** Words that turn a message's way: a phrase matched across one of them is two phrases, not one. */
const TURNS = new Set(["to", "into", "from"]);

/**
 * Whether a phrase matched with words between its own spans another carrier or a turn of the message: "move from
 * voip" does not hold in "move my number from Bell to voip.ms", whose "from" leaves Bell.
 */
function spansAnotherWay(w: DirectionWords, tokens: Token[], phrase: string[], { start, end }: Found): boolean {
  const own = new Set(phrase);
  for (let at = start + 1; at < end - 1; at++) {
    if (own.has(tokens[at]!.word)) continue;
    if (TURNS.has(tokens[at]!.word) || namesCarrierAt(w, tokens, at)) return true;
  }
  return false;
}

/**
 * The direction a message names: a port out ("port out", "porting my number out", "leaving voip.ms", "switching to
 * Rogers"), unless the words leave another carrier; else a port in ("bring my number over", "my port to voip.ms",
 * "leaving Comcast", "port my numbers out of Rogers", "take over my number from Bell"); undefined when it names neither.
 */
export function readDirection(w: DirectionWords, tokens: Token[]): Direction | undefined {
  for (const phrase of w.out) {
    for (const found of everyPhrase(tokens, phrase, { gap: 3, typos: false })) {
      if (spansAnotherWay(w, tokens, phrase, found)) continue;
      const fromCarrier = ["of", "from"].includes(tokens[found.end]?.word ?? "") || namesCarrierAt(w, tokens, found.end);
      if (!fromCarrier) return "out";
    }
  }
  for (const phrase of w.toCarrier) {
    for (const found of everyPhrase(tokens, phrase, { gap: 3, typos: false })) if (!spansAnotherWay(w, tokens, phrase, found) && namesCarrierAt(w, tokens, found.end)) return "out";
  }
  for (const phrase of w.fromCarrier) {
    for (const found of everyPhrase(tokens, phrase, { gap: 0, typos: false })) if (namesCarrierAt(w, tokens, found.end)) return "in";
  }
  // Cue words are matched without typos: "cuanto" (how much) is one letter from "cuando" (when).
  return w.in.some((p) => findPhrase(tokens, p, { gap: 1, typos: false }) !== undefined) ? "in" : undefined;
}
