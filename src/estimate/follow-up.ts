import type { IntentsFile } from "../knowledge/schema.js";
import type { Facts } from "../reading/read.js";
import { redact } from "../privacy/redact.js";
import { words } from "../reading/text.js";

/**
 * A change to the estimate just given, told as a fragment: "and if expedited?", "what about 3 more", "for Quebec
 * instead", "make it 5", "what if I submit next tue". The facts are the reader's; `adding` says the numbers named come
 * on top of the order ("3 more", "and 2 toll free") rather than replace it ("make it 5", "what about 5 toll free").
 */
export interface FollowUp {
  facts: Facts;
  adding: boolean;
  /** It changes nothing and asks for the estimate just given again ("how much in total now?", "what's that in CAD?"). */
  again?: true;
}

/** The words of a fragment that changes the estimate just given (`follow_ups` in knowledge/intents.yaml), folded once. */
export interface FollowUpWords {
  openers: string[][];
  addingOpeners: Set<string>;
  adding: Set<string>;
  closers: Set<string>;
  sameKind: string[][];
  again: string[][];
}

export function followUpWords(file: IntentsFile): FollowUpWords {
  const f = file.follow_ups;
  return {
    openers: f.openers.map(words),
    addingOpeners: new Set(f.adding_openers.map((p) => words(p).join(" "))),
    adding: new Set(f.adding.flatMap(words)),
    closers: new Set(f.closers.flatMap(words)),
    sameKind: f.same_kind.map(words).sort((a, b) => b.length - a.length),
    again: f.again.map(words),
  };
}
/** A fragment of at most this many words needs no opener ("Quebec", "5 toll free", "next tue"). */
const SHORT = 4;

/** Whether the facts change anything in an estimate request. */
function changesOrder(facts: Facts): boolean {
  return (
    Object.keys(facts.numbers).length > 0 ||
    facts.uncounted.length > 0 ||
    facts.count !== undefined ||
    facts.country !== undefined ||
    facts.ambiguousPlace !== undefined ||
    facts.submitted !== undefined ||
    facts.expedite === true ||
    (facts.rejections ?? 0) > 0 ||
    facts.cancel === true
  );
}

function startsWith(folded: string[], phrase: string[]): boolean {
  return phrase.length <= folded.length && phrase.every((word, i) => folded[i] === word);
}

/**
 * The change a message makes to the estimate just given, or undefined when it is no such fragment: a question of its
 * own ("can I port a fax number to your service?"), one about porting out, or a message holding a phone number, PIN
 * or account number (whose area code is no change of place). `read` reads a text's facts with the bot's reader; a
 * count the reader leaves unread inside the fragment ("what about 3 more", "make it 5") is read from the fragment
 * without its opener and its adding and closing words.
 */
export function readFollowUp(text: string, facts: Facts, read: (text: string) => Facts, vocabulary: FollowUpWords): FollowUp | undefined {
  const { openers, addingOpeners, adding: addingWords, closers, sameKind } = vocabulary;
  if (redact(text) !== text || facts.direction === "out") return undefined;
  const said = words(text);
  const again = changesOrder(facts) ? undefined : askedAgain(said, vocabulary);
  // "how much in total with 2 more?" changes the order: only what follows the question decides.
  const after = again ? said.slice(again.length) : [];
  if (again && !after.some((word) => /\d/.test(word)) && (after.length === 0 || !changesOrder(read(after.join(" "))))) return { facts, adding: false, again: true };
  const same = sameKind.find((phrase) => phrase.length < said.length && phrase.every((word, i) => said[said.length - phrase.length + i] === word));
  const folded = same ? said.slice(0, said.length - same.length) : said;
  if (folded.length === 0) return undefined;
  const opener = openers.filter((phrase) => startsWith(folded, phrase)).sort((a, b) => b.length - a.length)[0];
  const closed = same !== undefined || closers.has(folded[folded.length - 1]!);
  // "sorry I meant 3 not 30", "no wait, Canada": a correction replaces what it names, whatever its length.
  const correction = facts.correction === true;
  if (!opener && !closed && !correction && folded.length > SHORT) return undefined;
  const adding = !correction && (folded.some((word) => addingWords.has(word)) || (opener !== undefined && addingOpeners.has(opener.join(" "))));
  if (changesOrder(facts)) return { facts, adding };
  const rest = folded.slice(opener?.length ?? 0).filter((word) => !addingWords.has(word) && !closers.has(word));
  if (rest.length === 0 || rest.length === folded.length) return undefined;
  const restFacts = read(rest.join(" "));
  if (changesOrder(restFacts)) return restFacts.direction !== "out" ? { facts: restFacts, adding } : undefined;
  // "what if I cancel": a cancel word with no object, said of the order just estimated, cancels that port; the
  // reader decides whether the words are a cancellation when "the port" is their object ("I cancel my Bell account" is none).
  if (opener && read(`${rest.join(" ")} the port`).cancel === true) return { facts: { ...restFacts, cancel: true }, adding: false };
  return undefined;
}

/** "how much in total now?", "what's that in CAD?": a message of at most 7 words opening by asking for the estimate again. */
function askedAgain(said: string[], vocabulary: FollowUpWords): string[] | undefined {
  return said.length <= 7 ? vocabulary.again.filter((phrase) => startsWith(said, phrase)).sort((a, b) => b.length - a.length)[0] : undefined;
}
