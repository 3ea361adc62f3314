import type { Intent, Reader, Reading, ReadOptions } from "./read.js";
import { looksLikeQuestion } from "./question-shape.js";
import { tokenize } from "./text.js";

/** One of two requests in a message, with its own reading. */
export interface Request {
  text: string;
  reading: Reading;
}

/** A message holding two requests ("how much for 2 local and also why was my port rejected"), in the order said. */
export interface TwoRequests {
  first: Request;
  second: Request;
}

/** What a part of a message may ask for to count as a request of its own. */
const REQUESTS = new Set<Intent>(["question", "diagnosis", "estimate", "checklist"]);

/**
 * Where a second request may start: after a sentence ends, or at words that add one ("and also", "et aussi", "y
 * también"). A bare "and" is no such place: "2 local and 1 fax" is one order.
 */
const CUTS = /[?!.;]+\s+|\s*,?\s+\b(?:and also|and another thing|and one more thing|also|as well as|et aussi|et puis|aussi|y tambi[eé]n|adem[aá]s)\b\s*/giu;

/** Words that open a sentence with another request ("… in Ohio. Also, why was …"). */
const ADDS = /^(?:also|and also|plus|another thing|one more thing|aussi|et aussi|en plus|tambi[eé]n|y tambi[eé]n|adem[aá]s)\b/iu;

/** Words that open the second part without saying anything of it. */
const LEADS = /^(?:and|also|but|plus|then|et|aussi|mais|y|pero|tambi[eé]n)\b[\s,]*/iu;

/** A question the answer engine takes needs this many words on its own ("and how long?" leans on the first). */
const MIN_QUESTION_WORDS = 3;

/** Whether a part asks for something by itself: a question, or a flow asked for by name or by its facts. */
function standsAlone(part: Request): boolean {
  if (!REQUESTS.has(part.reading.intent)) return false;
  if (part.reading.intent !== "question") return true;
  return looksLikeQuestion(part.text) && tokenize(part.text).length >= MIN_QUESTION_WORDS;
}

/** Fees or dates asked beside an order: the same estimate, not a second request ("how much for 2 local? how long?"). */
function sameOrder(a: Reading, b: Reading): boolean {
  const asksAboutIt = (r: Reading) => r.intent === "question" && (r.facts.wants.fees || r.facts.wants.dates);
  return (a.intent === "estimate" && (asksAboutIt(b) || b.intent === "estimate")) || (b.intent === "estimate" && asksAboutIt(a));
}

/**
 * The two requests a message makes, when it makes two: each part reads as a request by itself, and they ask for
 * different things (a price and a diagnosis) or are two porting questions; a statement and then a question are one. Parts telling one story ("my port was
 * rejected. it says BTN mismatch") or one order ("how much for 2 local in Ohio? and how long?") are one request.
 */
export function twoRequests(reader: Reader, text: string, options: ReadOptions): TwoRequests | undefined {
  for (const cut of text.matchAll(CUTS)) {
    const sentenceEnd = /^[?!.;]/.test(cut[0]);
    const head = text.slice(0, cut.index + (sentenceEnd ? cut[0].trimEnd().length : 0)).trim();
    const said = text.slice(cut.index + cut[0].length);
    const tail = said.replace(LEADS, "").trim();
    if (!head || !tail) continue;
    // A statement before a question is its context ("I want to port my number. How much does it cost?"): a sentence
    // end parts two requests only after a question, or before a sentence that says it adds one.
    if (sentenceEnd && !looksLikeQuestion(head) && !ADDS.test(said.trim())) continue;
    const first = { text: head, reading: reader.read(head, options) };
    const second = { text: tail, reading: reader.read(tail, options) };
    if (!standsAlone(first) || !standsAlone(second) || sameOrder(first.reading, second.reading)) continue;
    const bothQuestions = first.reading.intent === "question" && second.reading.intent === "question";
    if (first.reading.intent !== second.reading.intent || bothQuestions) return { first, second };
  }
  return undefined;
}
