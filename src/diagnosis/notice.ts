import { detectLanguage } from "../answer/language.js";
import type { Language } from "../answer/result.js";
import { normalize, stem } from "../answer/normalize.js";
import type { Speller } from "../answer/spelling.js";
import { STOPWORDS } from "../answer/stopwords.js";
import { compileSynonyms, type Synonyms } from "../answer/vocabulary.js";
import type { Direction, Vocabulary } from "../knowledge/schema.js";
import { matchesContext, type CaseContext } from "./context.js";
import { directionCue } from "./direction.js";
import type { Cause } from "./knowledge.js";
import { CLEARS_A_DETAIL, REPORTS_STATE, rewriteNoticeWords } from "./notice-words.js";
import { looksLikeQuestion } from "../reading/question-shape.js";

/**
 * Reads a pasted rejection notice (carrier wording) or a customer's story and names the rejection causes it
 * points to, through each cause's `notice_patterns` and `stories` in the knowledge base. Both are compared as sets
 * of terms (normalised, carrier shorthand and the vocabulary's synonyms applied, stemmed), so word order,
 * contractions and abbreviations do not matter: "ACCT # invalid" reads as "invalid account number".
 *
 * A notice pattern names its cause when every one of its terms is in one sentence of the text. A story example points
 * to its cause by how much of it the text covers, rare terms and the words of the cause's own statement, patterns and
 * questions (its subject) weighing more, through at least two telling words, one of them naming that subject;
 * "rejected" alone is never evidence. A story no example covers still points to the cause whose own words it shares
 * most (its kinship), when that cause clearly leads. Behind the causes found, the causes closest in words are ranked
 * too, up to three, so that a wrong first cause is not the only one offered. With a speller, a customer's typos are
 * corrected first. A text that names no cause gets none; neither does a general question ("what is a hunt group?"), a
 * notice announcing what will happen, nor trouble after a port that went through, unless it says a port failed.
 */

export type TextKind = "notice" | "story";

export interface CauseMatch {
  cause: Cause;
  /** 0..1: above 0.6 when a notice pattern matched in full; otherwise how much of a story example the text covers. */
  score: number;
  /**
   * A notice pattern, a story example, only words shared with the cause (ranked behind the others), or nothing in
   * the text: a neighbour of the first cause or a common cause of its direction, ranked last.
   */
  via: "notice" | "story" | "related" | "neighbour";
  /** The pattern or story example that matched, as written in the knowledge base. */
  matched: string;
}

export interface RejectionReading {
  /** The text talks about a rejected or failed port, in English, French or Spanish, or names a known cause. */
  rejection: boolean;
  /** The text itself says that a port failed ("rejected", "didn't go through", "refusée"), not only why. */
  failed: boolean;
  /** A carrier's notice (no first person) or a customer's story. */
  kind: TextKind;
  /** Port in or out, from the text's own cues ("LSR", "losing carrier"; "transfer to Cricket", "port-out"). */
  direction?: Direction;
  /** The causes the text points to, most likely first; empty when it names no known cause. */
  causes: CauseMatch[];
}

export interface RejectionReader {
  read(text: string, context?: CaseContext): RejectionReading;
}

/** A story example must be covered at least this much (rare terms weighing more) to point to its cause. */
export const STORY_MIN = 0.5;
/** ...and share at least this much weight with the text: a few common words ("port", "number") are not enough. */
export const STORY_EVIDENCE = 2;
/** ...through at least this many of its terms: one rare word ("BTN" in "what is a BTN") names no story. */
export const STORY_TERMS = 2;
/** A notice in carrier wording that matched no pattern needs a closer story example. */
export const NOTICE_STORY_MIN = 0.7;
/** Words more than this share of the causes use ("port", "number", "carrier") do not count towards STORY_TERMS. */
const COMMON_SPREAD = 0.6;
/** A story example must also share one word of its cause's subject that at most this share of the causes use. */
const SUBJECT_SPREAD = 0.3;
/** A story example's terms that name the cause's subject weigh this many times more than its other words. */
const SUBJECT_BOOST = 2;
/** A cause the text's direction rules out keeps this share of its score: the cue may be wrong. */
const OTHER_DIRECTION = 0.5;
/** A pattern match whose terms are all inside a longer match for another cause ("disconnect" in "disconnect order"). */
const CONTAINED = 0.7;

/** A story that no example covers still names the cause whose words it shares with at least this weight... */
const KIN_STORY = 5;
/** ...and this many times the weight of the next cause. */
const KIN_LEAD = 1.3;
/** Causes found through shared words alone score at most this share of the evidence. */
const KIN_SCORE = 0.5;
/** Words that describe the port (its direction, the kind of number), not why it failed: no kinship through them. */
const CASE_WORDS = "new carrier gaining carrier landline voip wireless mobile cell toll free";
/** Causes ranked for a text, at most. */
const MAX_RANKED = 3;

/** Stopwords as stems, so that stemming ("they" to "thei") does not let one through. */
const STOP_STEMS = new Set([...STOPWORDS, "not", "no", "ne", "pas"].flatMap((w) => [w, stem(w)]));
const FIRST_PERSON = /\b(?:i|im|me|my|mine|we|our|ours|us|myself|mi|mis|yo|nuestro|nuestra|je|mon(?! \d)|ma|mes|nous|notre|nos)\b/;
/** French "j'" ("j'ai envoyé"), read on the text as typed: a lone "J" is an initial ("J SMITH"), not "je". */
const FRENCH_I = /\bj['’]\p{L}/iu;
/**
 * A story that relays what a carrier or an agent said ("the old carrier said someone else requested the number",
 * "el operador dice que...") is the customer's account of a notice, not the notice itself: it is read as a story.
 */
const REPORTED =
  /\b(?:said|says|say|saying|told|tells|telling|claims|claimed|mentioned|explained|according to|dice|dicen|dijo|dijeron|dit|disent|a dit|ont dit|selon)\b/;
/** French "on" is "we" ("on garde l'internet"); in English it is a preposition. */
const FRENCH_WE = /\bon\b/;
const REJECT_TERM = "reject";
/** Words the rewriting gives what went wrong: a notice reporting a state names no cause unless it holds one. */
const WRONG_TERMS = new Set(["mismatch", "incorrect", "noreply", "missing", "inactive", "withdrawn", "superseded", "unpaid", "lapsed", "required", "newer", "othercarrier"].map(stem));
const EMAIL_BOUNCE = "emailbounce";
/** A clause that only says that what came before is fine: "…, not a concern", "…, which is fine". */
const CLEARS_THE_LAST = /^(?:(?:but|and|which|that|this|it|is|s|was|all|just|so) )*(?:nothingtodo|fine|ok|okay|good|no problem|no issue|no issues)$/;
/** Where one clause of a notice or a story ends: sentence and list punctuation, a dash or slash between words, "but". */
const CLAUSE_BREAK = /[.;!?](?=\s|$)|[\n|•>,]|:(?=\s|$)|\s[-–—/]+\s|\s(?:but|however|though|although|yet|mais|pero)\s/i;
const AFTER_PORT = "afterport";
/** Short forms a full stop follows inside a sentence: "acct no. invalid", "123 Main St. Suite 4". */
const SHORT_FORMS = ["no", "nbr", "num", "nr", "acct", "acc", "tel", "ph", "st", "str", "ave", "av", "rd", "ste", "apt", "dr", "blvd", "ln", "ct", "hwy", "pkwy", "inc", "ltd", "co", "corp", "vs", "etc", "mr", "mrs", "ms", "dept", "ref"];
const SHORT_FORM = SHORT_FORMS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]).join("|");
/**
 * Where a sentence of a notice ends: a semicolon, a line, a bar, or a full stop after a word of two letters or more
 * (not the dots of "P.O.") that is no short form, before a capital, a digit or the end.
 */
const SENTENCE_BREAK = new RegExp(`;|\\n|\\||(?<=(?<![\\p{L}\\p{N}])(?!(?:${SHORT_FORM})[.!?])[\\p{L}\\p{N}]{2,}|[)"'’])[.!?](?=\\s+[\\p{Lu}\\p{N}"'(]|\\s*$)`, "u");
/**
 * A carrier's message about what will happen ("the hunt group will be rebuilt", "remaining numbers will stay
 * active") announces; a rejection tells what went wrong. Without a word saying the port failed it names no cause.
 */
const ANNOUNCES = /\b(?:will|shall)\b(?! not\b)/;

interface Compiled {
  text: string;
  terms: Set<string>;
}

interface CompiledCause {
  cause: Cause;
  patterns: Compiled[];
  stories: Compiled[];
  /** The terms of the cause's own statement, notice patterns and questions: its subject ("address", "BTN", "order"). */
  subject: Set<string>;
  /** Every term the cause's statement, patterns, stories and questions use. */
  profile: Set<string>;
}

interface Analysed {
  normalized: string;
  terms: Set<string>;
  language: Language;
}

/** Words the shorthand rules write: known words, never corrected as typos. */
const REWRITTEN = new Set([
  ...["accountnumber", "othercarrier", "newer", "noreply", "mismatch", "incorrect", "inactive", "reject", "abbreviation", "afterport"],
  ...["premises", "holder", "relative", "reseller", "feature", "inprogress", "inturn", "rollover", "staying", "withdrawn", "superseded", "missing", "allmustport", "requeststate", "emailbounce", "nothingtodo", "contractterm", "portprotection", "wrongcarrier", "textenabled", "fieldformat", "duplicaterequest", "email", "emergencyaddress", "callunanswered", "networkid", "ordertype", "noreason", "ruledout", "portout"],
]);

function analyser(synonyms: Synonyms, speller?: Speller) {
  // Shorthand first ("acct" is no typo of "act"), then spelling ("acount"), then shorthand again ("account number").
  const spell = (normalized: string) =>
    speller ? rewriteNoticeWords(normalized.split(" ").map((w) => (REWRITTEN.has(w) ? w : speller(w))).join(" ")) : normalized;
  return (text: string): Analysed => {
    const normalized = spell(rewriteNoticeWords(normalize(text)));
    const tokens = normalized ? normalized.split(" ") : [];
    const language = detectLanguage(text, tokens);
    const terms = synonyms
      .apply(tokens, language)
      .filter((t) => t.canonical || !STOP_STEMS.has(t.stem))
      .map((t) => t.stem);
    return { normalized, terms: new Set(terms), language };
  };
}

const sum = (terms: Iterable<string>, weight: (t: string) => number) => {
  let total = 0;
  for (const t of terms) total += weight(t);
  return total;
};

/** 0..1, growing with the weight of the terms shared with the text. */
const evidence = (shared: number) => 1 - Math.exp(-shared / 3);

/** Whether a's telling terms are all in b, and b has more: "rejected" in a pattern tells nothing. */
const isSubset = (a: Set<string>, b: Set<string>) => {
  const told = (s: Set<string>) => [...s].filter((t) => t !== REJECT_TERM);
  return told(a).length < told(b).length && told(a).every((t) => b.has(t));
};

/** `speller` corrects a customer's typos towards the knowledge base's words ("acount", "diffrent"). */
export function compileRejectionReader(causes: Cause[], vocabulary: Vocabulary = { synonyms: [], outside_porting: [] }, speller?: Speller): RejectionReader {
  const analyse = analyser(compileSynonyms(vocabulary), speller);
  const compile = (text: string): Compiled => ({ text, terms: analyse(text).terms });
  const compiled: CompiledCause[] = causes.map((cause) => {
    const patterns = cause.diagnosis.notice_patterns.map(compile).filter((p) => p.terms.size > 0);
    const stories = cause.diagnosis.stories.map(compile).filter((s) => s.terms.size > 0);
    const subject = new Set(
      [cause.diagnosis.cause, ...cause.diagnosis.notice_patterns, ...cause.diagnosis.questions.map((q) => q.text)].flatMap((x) => [...analyse(x).terms]),
    );
    return { cause, patterns, stories, subject, profile: new Set([...subject, ...[...patterns, ...stories].flatMap((x) => [...x.terms])]) };
  });

  // Inverse document frequency over causes: a term few causes use ("hunt", "sms") says more than "account", and
  // a term every cause uses says nothing.
  const df = new Map<string, number>();
  for (const c of compiled) {
    const seen = new Set([...c.patterns, ...c.stories].flatMap((x) => [...x.terms]));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = (t: string) => Math.log(compiled.length / (df.get(t) ?? compiled.length));
  const weight = (terms: Iterable<string>) => sum(terms, idf);
  const distinctive = (t: string) => (df.get(t) ?? compiled.length) <= SUBJECT_SPREAD * compiled.length;

  const caseTerms = analyse(CASE_WORDS).terms;
  // The direction most causes happen in (port in): the side taken behind a cause that happens either way.
  const directions = compiled.flatMap((c) => c.cause.diagnosis.when?.directions ?? []);
  const usualDirection = directions.sort((a, b) => directions.filter((d) => d === b).length - directions.filter((d) => d === a).length)[0];

  /**
   * The causes sharing telling words with the text anywhere in their statement, patterns, stories or questions,
   * closest first: a looser evidence than a pattern or a story example, used to rank causes behind them.
   */
  function kinship(terms: Set<string>, context: CaseContext): Array<{ cause: Cause; weight: number }> {
    return compiled
      .filter((c) => matchesContext(c.cause.diagnosis.when, context))
      .map((c) => {
        const shared = [...terms].filter((t) => c.profile.has(t) && idf(t) > 0 && t !== REJECT_TERM && !caseTerms.has(t));
        const telling = shared.filter(distinctive);
        const weight = telling.length ? sum(shared, (t) => idf(t) * (c.subject.has(t) ? SUBJECT_BOOST : 1)) : 0;
        return { cause: c.cause, weight };
      })
      .filter((k) => k.weight > 0)
      .sort((a, b) => b.weight - a.weight || b.cause.diagnosis.prior - a.cause.diagnosis.prior);
  }

  /**
   * The words of the clauses that say a detail is fine or absent ("BTN correct", "no pending orders", "it's not the
   * address"), less those the other clauses use too: the detail ruled out is no evidence for its cause. A clause
   * that says the port failed or what went wrong clears nothing.
   */
  function clearedTerms(text: string): Set<string> {
    const clauses = text.split(CLAUSE_BREAK).filter((c) => c && c.trim());
    const parts = clauses.map((clause) => {
      const { normalized, terms } = analyse(clause);
      const sound = !terms.has(REJECT_TERM) && ![...terms].some((t) => WRONG_TERMS.has(t));
      return { terms, clears: sound && CLEARS_A_DETAIL.test(normalized), aboutTheLast: sound && CLEARS_THE_LAST.test(normalized) };
    });
    // "Address on file is a PO box, not a concern": a clause that only says so clears the one before it.
    parts.forEach((r, i) => {
      if (r.aboutTheLast && i > 0 && !parts[i - 1]!.terms.has(REJECT_TERM)) parts[i - 1]!.clears = true;
    });
    const cleared = new Set<string>();
    const kept = new Set<string>();
    for (const r of parts) for (const t of r.terms) (r.clears ? cleared : kept).add(t);
    return new Set([...cleared].filter((t) => !kept.has(t) && t !== REJECT_TERM));
  }

  /**
   * The terms of each sentence of the text, less those cleared: a pattern's terms must be said in one sentence, so a
   * notice that echoes the order's fields ("End user name: J SMITH; Address: 12 MAIN") and gives its reason in
   * another ("Reject: due date invalid") does not name "name incorrect". Terms only the whole text yields ("Rd" in
   * one sentence, "Road" in the next) belong to every sentence.
   */
  function sentenceTerms(text: string, terms: Set<string>): Array<Set<string>> {
    const sentences = text.split(SENTENCE_BREAK).filter((s) => s && s.trim()).map((s) => analyse(s).terms);
    if (sentences.length < 2) return [terms];
    const located = new Set(sentences.flatMap((s) => [...s]));
    const everywhere = [...terms].filter((t) => !located.has(t));
    return sentences.map((s) => new Set([...[...s].filter((t) => terms.has(t)), ...everywhere]));
  }

  function read(text: string, context: CaseContext = {}): RejectionReading {
    const { normalized, terms, language } = analyse(text);
    const kind: TextKind =
      FIRST_PERSON.test(normalized) || FRENCH_I.test(text) || REPORTED.test(normalized) || (language === "fr" && FRENCH_WE.test(normalized)) ? "story" : "notice";
    const direction = context.direction ?? directionCue(normalized);
    const rejected = terms.has(REJECT_TERM);
    // A general question ("what is a hunt group") asks about a term, and trouble after a completed port ("not
    // working with you since the port") is no rejection: neither names a cause unless it also says a port failed.
    if (!rejected && (((looksLikeQuestion(text) || ANNOUNCES.test(normalized)) && kind === "notice") || terms.has(AFTER_PORT))) return { rejection: false, failed: rejected, kind, direction, causes: [] };
    // A text reporting a confirmed detail or a step done ("PIN verified", "pending order cleared"), or a bounced
    // e-mail, tells of no failure: it names no cause unless it also says what went wrong.
    const wrong = [...terms].some((t) => WRONG_TERMS.has(t));
    if (!rejected && !wrong && (REPORTS_STATE.test(normalized) || terms.has(EMAIL_BOUNCE))) return { rejection: false, failed: rejected, kind, direction, causes: [] };
    for (const t of clearedTerms(text)) terms.delete(t);
    const sentences = sentenceTerms(text, terms);
    // A story's words may run over several sentences; a notice's reason is said in one.
    const scopes = kind === "notice" ? sentences : [terms];
    const found: Array<CauseMatch & { terms?: Set<string> }> = [];

    for (const c of compiled) {
      if (!matchesContext(c.cause.diagnosis.when, context)) continue;
      const patterns = c.patterns.filter((p) => sentences.some((said) => [...p.terms].every((t) => said.has(t))));
      const matchedTerms = new Set(patterns.flatMap((p) => [...p.terms]));
      const patternScore = patterns.length ? 0.6 + 0.4 * evidence(weight(matchedTerms)) : 0;
      // Coverage weighs the words naming the cause's subject more, so "copied the address off the invoice" is
      // closer to "the address on my invoice" than to "copied the account number off my bill".
      const subjectWeight = (ts: Iterable<string>) => sum(ts, (t) => idf(t) * (c.subject.has(t) ? SUBJECT_BOOST : 1));
      const story = c.stories
        .flatMap((s) => scopes.map((said) => ({ s, said })))
        .map(({ s, said }) => {
          // "Rejected" says that the port failed, never why: it is no evidence for one cause.
          const common = [...s.terms].filter((t) => said.has(t) && idf(t) > 0 && t !== REJECT_TERM);
          const count = common.filter((t) => (df.get(t) ?? compiled.length) <= COMMON_SPREAD * compiled.length).length;
          const shared = weight(common);
          const telling = subjectWeight(common);
          const coverage = telling / (subjectWeight(s.terms) || 1);
          const onSubject = common.some((t) => c.subject.has(t) && distinctive(t));
          return { s, shared, count, onSubject, coverage, score: 0.9 * coverage * evidence(telling) };
        })
        .filter(
          (s) => s.coverage >= (kind === "story" ? STORY_MIN : NOTICE_STORY_MIN) && s.shared >= STORY_EVIDENCE && s.count >= STORY_TERMS && s.onSubject,
        )
        .sort((a, b) => b.score - a.score)[0];
      const storyScore = story?.score ?? 0;
      if (!patternScore && !storyScore) continue;
      let score = Math.max(patternScore, storyScore);
      if (direction && !matchesContext(c.cause.diagnosis.when, { direction })) score *= OTHER_DIRECTION;
      const best = patterns.sort((a, b) => weight(b.terms) - weight(a.terms))[0];
      found.push(
        patternScore >= storyScore
          ? { cause: c.cause, score, via: "notice", matched: best!.text, terms: matchedTerms }
          : { cause: c.cause, score, via: "story", matched: story!.s.text },
      );
    }

    for (const f of found) {
      if (f.terms && found.some((g) => g !== f && g.terms && isSubset(f.terms!, g.terms))) f.score *= CONTAINED;
    }
    // A tie the text's direction does not break goes to the direction most causes happen in: a customer telling of
    // a PIN their old carrier wanted is porting in.
    const usual = (f: CauseMatch) => (!direction && usualDirection && f.cause.diagnosis.when?.directions?.includes(usualDirection) ? 1 : 0);
    found.sort((a, b) => b.score - a.score || usual(b) - usual(a) || b.cause.diagnosis.prior - a.cause.diagnosis.prior);
    const kin = kinship(terms, context).filter((k) => !direction || matchesContext(k.cause.diagnosis.when, { direction }));
    if (!found.length && kind === "story") {
      const [best, second] = kin;
      if (best && best.weight >= KIN_STORY && best.weight >= KIN_LEAD * (second?.weight ?? 0)) {
        found.push({ cause: best.cause, score: KIN_SCORE * evidence(best.weight), via: "story", matched: best.cause.diagnosis.cause });
      }
    }
    // Behind the causes the text names, the causes whose own words it shares, so that a wrong first cause is not
    // the only one offered.
    const floor = Math.min(...found.map((f) => f.score));
    for (const k of kin) {
      if (found.length === 0 || found.length >= MAX_RANKED) break;
      if (found.some((f) => f.cause.id === k.cause.id)) continue;
      found.push({ cause: k.cause, score: floor * KIN_SCORE * evidence(k.weight), via: "related", matched: k.cause.diagnosis.cause });
    }
    // Still short of three: the first cause's neighbours in the knowledge (its entry's `related` causes), then the
    // most common causes of the text's direction, so that a wrong first cause always has plausible ones behind it.
    if (found.length) {
      const [first] = found;
      // Behind a cause of one direction, only causes of that direction: a port-in notice never asks port in or out.
      const [only, ...more] = first!.cause.diagnosis.when?.directions ?? [];
      const side = direction ?? (only && !more.length ? only : usualDirection);
      const open = compiled
        .map((c) => c.cause)
        .filter((c) => matchesContext(c.diagnosis.when, context) && (!side || c.diagnosis.when?.directions?.includes(side)) && !found.some((f) => f.cause.id === c.id));
      const neighbour = (c: Cause) => first!.cause.related.includes(c.id);
      const behind = open.sort((a, b) => Number(neighbour(b)) - Number(neighbour(a)) || b.diagnosis.prior - a.diagnosis.prior);
      const last = Math.min(...found.map((f) => f.score));
      for (const [i, c] of behind.slice(0, MAX_RANKED - found.length).entries()) {
        found.push({ cause: c, score: last * KIN_SCORE * KIN_SCORE ** (i + 1), via: "neighbour", matched: c.diagnosis.cause });
      }
    }
    const ranked = found.map(({ cause, score, via, matched }) => ({ cause, score: Math.round(score * 1000) / 1000, via, matched }));
    return { rejection: rejected || ranked.length > 0, failed: rejected, kind, direction, causes: ranked };
  }

  return { read };
}

export interface NoticeMatch {
  cause: Cause;
  /** The pattern or story example that matched, as written in the knowledge base. */
  pattern: string;
  score: number;
}

/**
 * The causes a notice or a story names, best first. Takes the diagnosis knowledge (its compiled reader), or bare
 * causes, which are then read without the vocabulary's synonyms.
 */
export function recognizeNotice(from: { reader: RejectionReader } | Cause[], text: string, context?: CaseContext): NoticeMatch[] {
  const reader = Array.isArray(from) ? compileRejectionReader(from) : from.reader;
  return reader.read(text, context).causes.map((m) => ({ cause: m.cause, pattern: m.matched, score: m.score }));
}
