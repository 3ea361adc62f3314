import { z } from "zod";

/** Lower-case words joined by hyphens: also the entry's file name (without `.md`). */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. incorrect-btn");

const IsoDate = z.iso.date();
const IsoTimestamp = z.iso.datetime();

export const EntryType = z.enum(["overview", "faq", "guide", "rejection", "glossary", "policy"]);
export const Audience = z.enum(["customer", "agent"]);
export const Status = z.enum(["current", "archived"]);
/** US48 and Canada are the home markets; everything else is INTL. */
export const Country = z.enum(["US", "CA", "INTL"]);
export const NumberKind = z.enum(["local", "wireless", "toll-free", "fax"]);
export const Direction = z.enum(["in", "out"]);

/** What a fact applies to; an absent list means "any". */
export const AppliesTo = z
  .object({
    kinds: z.array(NumberKind).min(1).optional(),
    countries: z.array(Country).min(1).optional(),
    directions: z.array(Direction).min(1).optional(),
    /** Named places for international facts, e.g. "United Kingdom". */
    places: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

const Dated = {
  since: IsoDate.optional(),
  until: IsoDate.optional(),
};

export const FeeEvent = z.enum([
  "port",
  "resubmission",
  "cancellation",
  "expedite",
  "conversion",
  "port-away",
  "losing-carrier",
]);

export const Fee = z
  .object({
    id: Id,
    label: z.string().min(1),
    event: FeeEvent,
    amount: z.number().nonnegative().optional(),
    currency: z.literal("USD").default("USD"),
    unit: z.enum(["per-number", "per-order", "per-resubmission"]),
    /** No fixed price: the LNP department quotes case by case. */
    quote: z.boolean().default(false),
    applies_to: AppliesTo.default({}),
    conditions: z.string().optional(),
    ...Dated,
  })
  .strict()
  .superRefine((fee, ctx) => {
    if (fee.amount === undefined && !fee.quote) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "a fee needs an amount, or quote: true when it is quoted case by case" });
    }
  });

export const DurationEvent = z.enum([
  "port",
  "sms-approval",
  "sms-activation",
  "rejection-reply",
  "nasc",
]);
export const DurationUnit = z.enum(["minutes", "hours", "days", "business-days", "weeks"]);

export const Duration = z
  .object({
    id: Id,
    label: z.string().min(1),
    event: DurationEvent,
    typical: z.number().positive().optional(),
    min: z.number().nonnegative().optional(),
    max: z.number().positive().optional(),
    unit: DurationUnit,
    /** Business days the estimator counts for a duration stated in other units ("2 weeks" → 10). */
    business_days: z.number().int().positive().optional(),
    applies_to: AppliesTo.default({}),
    conditions: z.string().optional(),
    ...Dated,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.typical === undefined && d.min === undefined && d.max === undefined) {
      ctx.addIssue({ code: "custom", path: ["typical"], message: "a duration needs typical, min or max" });
    }
  });

export const RuleKind = z.enum([
  "no-weekend-or-holiday-ports",
  "resubmission-restarts-interval",
  "voice-fax-sequential",
]);

export const Rule = z
  .object({
    id: Id,
    label: z.string().min(1),
    rule: RuleKind,
    applies_to: AppliesTo.default({}),
    ...Dated,
  })
  .strict();

export const Answer = z.enum(["yes", "no", "not-sure"]);

/** When a diagnosis question, a cause or a check is relevant; absent means always. */
export const Context = z
  .object({
    directions: z.array(Direction).min(1).optional(),
    countries: z.array(Country).min(1).optional(),
    kinds: z.array(NumberKind).min(1).optional(),
  })
  .strict();

export const DiagnosisQuestion = z
  .object({
    id: Id,
    text: z.string().min(1),
    /** One line telling the customer why this is asked. */
    why: z.string().min(1),
    /** The answer that points to this entry's cause. */
    points_to: z.enum(["yes", "no"]),
    /** How strongly that answer points to the cause, 0..1. */
    weight: z.number().min(0).max(1).default(0.8),
    when: Context.optional(),
  })
  .strict();

export const Diagnosis = z
  .object({
    cause: z.string().min(1),
    /** How common the cause is, 0..1: orders questions when nothing else is known. */
    prior: z.number().min(0).max(1),
    when: Context.optional(),
    /**
     * Words from rejection notices that name this cause ("BTN mismatch"), in any order: every word of one pattern
     * must be in the notice (after carrier shorthand and the vocabulary's synonyms are applied).
     */
    notice_patterns: z.array(z.string().min(1)).default([]),
    /** Short examples of how customers tell this rejection in their own words ("I gave our PO box as the address"). */
    stories: z.array(z.string().min(1)).default([]),
    questions: z.array(DiagnosisQuestion).min(1),
    fix: z.string().min(1),
    send: z.array(z.string().min(1)).min(1),
    avoid: z.string().min(1),
    variants: z
      .array(
        z
          .object({
            when: Context,
            fix: z.string().min(1),
            avoid: z.string().optional(),
            /** What to send in this case, instead of the cause's `send`. */
            send: z.array(z.string().min(1)).min(1).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** A pre-port check: asked before submitting so the port is not rejected. */
export const Check = z
  .object({
    id: Id,
    text: z.string().min(1),
    why: z.string().min(1),
    /** The answer that means "fine". */
    ok: z.enum(["yes", "no"]),
    risk: z.string().min(1),
    when: Context.optional(),
    /** Position in the pre-port checklist, lowest first; checks without one follow in knowledge-base order. */
    order: z.number().int().optional(),
  })
  .strict();

export const Glossary = z
  .object({
    term: z.string().min(1),
    expansion: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    /** false for a term also used outside porting (a PIN protects voicemail too): it does not put a question in scope. */
    porting_term: z.boolean().default(true),
  })
  .strict();

export const Link = z.object({ text: z.string().min(1), url: z.url() }).strict();

export const HistoryEvent = z
  .object({
    revision: IsoTimestamp,
    event: z.enum(["added", "changed", "renamed", "removed"]),
    heading: z.string().optional(),
  })
  .strict();

export const Source = z
  .object({
    article: z.string().min(1),
    /** Exact heading of the newest revision (markup removed); null for an article's overview. */
    section: z.string().min(1).nullable(),
    url: z.url(),
    revision: IsoTimestamp,
    first_seen: IsoTimestamp,
    last_changed: IsoTimestamp,
    removed: IsoTimestamp.optional(),
    history: z.array(HistoryEvent).default([]),
  })
  .strict();

export const Frontmatter = z
  .object({
    id: Id,
    type: EntryType,
    title: z.string().min(1),
    /**
     * What to call the entry when it is offered as a choice, where its heading does not say what it answers
     * ("IMPORTANT"); the heading stays its title everywhere else.
     */
    label: z.string().min(1).max(80).optional(),
    /** import: the importer refreshes title, status, source, links and body; curated: never touched by it. */
    origin: z.enum(["import", "curated"]).default("import"),
    status: Status.default("current"),
    audience: z.array(Audience).min(1).default(["customer", "agent"]),
    questions: z.array(z.string().min(1)).default([]),
    tags: z.array(z.string().min(1)).default([]),
    related: z.array(Id).default([]),
    /**
     * Other entries answering the same customer question: with this entry they form one answer group, which
     * never competes with itself for the answer; this entry (the group's main) is shown and the others are its related.
     */
    same_question_as: z.array(Id).default([]),
    links: z.array(Link).default([]),
    source: Source,
    fees: z.array(Fee).default([]),
    durations: z.array(Duration).default([]),
    rules: z.array(Rule).default([]),
    diagnosis: Diagnosis.optional(),
    checks: z.array(Check).default([]),
    glossary: Glossary.optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.type === "glossary" && !e.glossary) {
      ctx.addIssue({ code: "custom", path: ["glossary"], message: "a glossary entry needs glossary: { term, expansion }" });
    }
    if (e.status === "archived" && !e.source.removed) {
      ctx.addIssue({ code: "custom", path: ["source", "removed"], message: "an archived entry needs the date it was removed" });
    }
    if (e.status === "archived" && e.audience.includes("customer")) {
      ctx.addIssue({ code: "custom", path: ["audience"], message: "an archived entry is for agents only" });
    }
  });

export const Entry = Frontmatter.and(z.object({ body: z.string(), file: z.string() }));

export const Article = z
  .object({
    title: z.string().min(1),
    url: z.url(),
    translations: z.object({ fr: z.url().optional(), es: z.url().optional() }).strict().default({}),
  })
  .strict();

export const Articles = z.object({ articles: z.array(Article).min(1) }).strict();

/** Words customers use for the same thing; each group is matched as its canonical term. */
export const Vocabulary = z
  .object({
    synonyms: z
      .array(
        z
          .object({
            canonical: z.string().min(1),
            variants: z.array(z.string().min(1)).min(1),
            /** Only for questions in this language: the word means something else in English (French "portable" is a cell phone). */
            language: z.enum(["fr", "es"]).optional(),
          })
          .strict(),
      )
      .default([]),
    /**
     * Topics the knowledge does not answer although customers ask about them in porting's words (a firewall port, a
     * domain transfer, a voicemail PIN): a question naming one is refused rather than offered porting entries.
     */
    outside_porting: z
      .array(
        z
          .object({
            topic: z.string().min(1),
            phrases: z.array(z.string().min(1)).min(1),
            /** Words that make a question naming a phrase a porting one after all ("travelling during my port"). */
            unless: z.array(z.string().min(1)).min(1).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type Id = z.infer<typeof Id>;
export type EntryType = z.infer<typeof EntryType>;
export type Audience = z.infer<typeof Audience>;
export type Country = z.infer<typeof Country>;
export type NumberKind = z.infer<typeof NumberKind>;
export type Direction = z.infer<typeof Direction>;
export type AppliesTo = z.infer<typeof AppliesTo>;
export type Fee = z.infer<typeof Fee>;
export type Duration = z.infer<typeof Duration>;
export type Rule = z.infer<typeof Rule>;
export type Answer = z.infer<typeof Answer>;
export type Context = z.infer<typeof Context>;
export type DiagnosisQuestion = z.infer<typeof DiagnosisQuestion>;
export type Diagnosis = z.infer<typeof Diagnosis>;
export type Check = z.infer<typeof Check>;
export type Frontmatter = z.infer<typeof Frontmatter>;
export type Entry = z.infer<typeof Entry>;
export type Article = z.infer<typeof Article>;
export type Vocabulary = z.infer<typeof Vocabulary>;
export type Source = z.infer<typeof Source>;
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export type Link = z.infer<typeof Link>;
export type Status = z.infer<typeof Status>;

export interface KnowledgeBase {
  entries: Entry[];
  byId: Map<string, Entry>;
  articles: Article[];
  vocabulary: Vocabulary;
  /** How messages are read; absent in a knowledge folder without the reading files (test fixtures). */
  reading?: ReadingData;
}

/** Example phrases of one language: English, French, Spanish. */
const PhrasesByLanguage = z
  .object({ en: z.array(z.string().min(1)).default([]), fr: z.array(z.string().min(1)).default([]), es: z.array(z.string().min(1)).default([]) })
  .strict();

/** What a message can ask for besides a porting question for the answer engine. */
export const IntentId = z.enum(["person", "cancel", "menu", "help", "start-over", "back", "ask", "greeting", "thanks", "acknowledgement", "diagnosis", "checklist", "estimate"]);

/** `intents.yaml`: example phrases of each intent, and the cue words the reader reads facts with. */
export const IntentsFile = z
  .object({
    fillers: PhrasesByLanguage,
    intents: z.array(z.object({ id: IntentId, match: z.enum(["whole", "cue"]), examples: PhrasesByLanguage }).strict()).min(1),
    wants: z
      .object({
        fees: z.array(z.string().min(1)).min(1),
        dates: z.array(z.string().min(1)).min(1),
        /** Names of things that hold a cue word without asking about money or dates ("FOC date", "due date"). */
        not: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    options: z
      .object({
        expedite: z.array(z.string().min(1)).min(1),
        not_expedite: z.array(z.string().min(1)).default([]),
        cancel_words: z.array(z.string().min(1)).min(1),
        cancel_objects: z.array(z.string().min(1)).min(1),
        not_cancel_objects: z.array(z.string().min(1)).default([]),
        reject_words: z.array(z.string().min(1)).min(1),
        hypothetical: z.array(z.string().min(1)).min(1),
        negation: z.array(z.string().min(1)).min(1),
        /**
         * A wish that a port not fail ("I don't want my port to get rejected"): anywhere before a rejection word in its
         * clause, it says the port has not failed, however many words lie between.
         */
        unwanted: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    past: z.array(z.string().min(1)).default([]),
    /** Words saying numbers move ("moving to", "bring over"): a place and a number told with one is an order. */
    moving: z.array(z.string().min(1)).default([]),
    /** Words that make a question about the customer's own port ("my", "our"). */
    own: z.array(z.string().min(1)).min(1),
    /** Words of a carrier's rejection notice ("LSR reject", "Jeopardy"): a pasted notice goes to the diagnosis. */
    notice_markers: z.array(z.string().min(1)).min(1),
    /**
     * A port's direction: `out` and `in` name it ("port away", "bring my number over"); `to_carrier` phrases send the
     * number out when a carrier of `places.yaml` follows them ("switching to Rogers"), `from_carrier` phrases bring it
     * in ("switching from Verizon").
     */
    direction: z
      .object({
        in: z.array(z.string().min(1)).min(1),
        out: z.array(z.string().min(1)).min(1),
        to_carrier: z.array(z.string().min(1)).default([]),
        from_carrier: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /**
     * A date said as when the port must be done by ("need it within 7 days", "ported before Friday"): `cues` right before
     * the date make it a deadline, unless its clause speaks of sending the order (`submission`: "if I submit by Friday").
     */
    deadline: z.object({ cues: z.array(z.string().min(1)).default([]), submission: z.array(z.string().min(1)).default([]) }).strict().default({ cues: [], submission: [] }),
    /**
     * A message correcting what the customer said ("sorry I meant 3 not 30", "no wait, Canada", "actually it's toll
     * free"): `cues` open it, and a count after one of `instead_of` ("not 30", "instead of 30") is the one taken back.
     */
    /**
     * How a fragment that changes the estimate just given is said ("and if expedited?", "3 more of the same"): how it
     * opens, the openers and words that add numbers to the order rather than replace them, words it may end with that
     * say nothing, and endings that say the numbers are of the kind already ordered.
     */
    follow_ups: z
      .object({
        openers: z.array(z.string().min(1)).default([]),
        adding_openers: z.array(z.string().min(1)).default([]),
        adding: z.array(z.string().min(1)).default([]),
        closers: z.array(z.string().min(1)).default([]),
        same_kind: z.array(z.string().min(1)).default([]),
        /** Asking for the estimate just given again, changing nothing ("how much in total now?", "what's that in CAD?"). */
        again: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ openers: [], adding_openers: [], adding: [], closers: [], same_kind: [], again: [] }),
    corrections: z.object({ cues: z.array(z.string().min(1)).default([]), instead_of: z.array(z.string().min(1)).default([]) }).strict().default({ cues: [], instead_of: [] }),
    date_words: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** A holiday's names in customers' words -> the start of its name in the holiday calendars ("thanksgiving": "Thanksgiving"). */
    holiday_names: z.record(z.string().min(1), z.string().min(1)).default({}),
    /**
     * Days said by business days: "next business day" (the first business day after today) and "after the holidays"
     * (the first business day after New Year's Day, when said from `after_holidays_from` (MM-DD) to then).
     */
    business_days: z
      .object({ next: z.array(z.string().min(1)).default([]), after_holidays: z.array(z.string().min(1)).default([]), after_holidays_from: z.string().regex(/^\d\d-\d\d$/).default("12-15") })
      .strict()
      .default({ next: [], after_holidays: [], after_holidays_from: "12-15" }),
  })
  .strict();

/** `places.yaml`: country names, and the states and provinces with their abbreviations and major cities. */
export const PlacesFile = z
  .object({
    countries: z.object({ US: z.array(z.string().min(1)).min(1), CA: z.array(z.string().min(1)).min(1) }).strict(),
    regions: z
      .array(
        z
          .object({
            name: z.string().min(1),
            abbr: z.string().regex(/^[A-Z]{2}$/, "must be two capital letters"),
            country: z.enum(["US", "CA"]),
            /** The same name is a country too (Georgia). */
            also_country: z.string().min(1).optional(),
            /**
             * In the US but outside the 48 contiguous states (Alaska, Hawaii, the territories): its numbers are priced
             * and dated like other countries' numbers (INTL), under this name.
             */
            outside_us48: z.boolean().default(false),
            /** Area codes of the region that the numbering plan's data places in the US as a whole (907 is Alaska). */
            area_codes: z.array(z.string().regex(/^[2-9]\d\d$/, "must be a 3-digit area code")).default([]),
            aliases: z.array(z.string().min(1)).default([]),
            cities: z.array(z.string().min(1)).default([]),
          })
          .strict(),
      )
      .min(1),
    /**
     * Phone companies that serve one of the two home markets only ("my Rogers cell" is a Canadian number). A weak
     * hint: any place the message names outweighs it. `capital`: the name is an everyday word too ("bell", "sprint"),
     * read as the company only when written with a capital.
     */
    carriers: z
      .array(z.object({ name: z.string().min(1), country: z.enum(["US", "CA"]), capital: z.boolean().default(false) }).strict())
      .default([]),
    /** Currencies a price may be asked in ("in Australian dollars", "in pesos"): they name no place; prices are in USD. */
    currencies: z.array(z.string().min(1)).default([]),
    /** Cities read from the package's city data beside those listed here: which ones, and names that are everyday words. */
    cities_from_data: z
      .object({
        us_min_population: z.number().int().positive(),
        ca_min_population: z.number().int().positive(),
        world_min_population: z.number().int().positive(),
        not_cities: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /** Countries named by their people's word ("a German number"), from the package's data, less everyday words. */
    demonyms_from_data: z
      .object({
        not_demonyms: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

/** `number-kinds.yaml`: customers' words for each kind of number, and counts written in words. */
export const NumberKindsFile = z
  .object({
    kinds: z.record(NumberKind, z.array(z.string().min(1)).min(1)),
    number_words: z.array(z.string().min(1)).min(1),
    /** Words a typo away from a kind's word that name no kind ("portarlos", to port them, is no "portables"). */
    not_kinds: z.array(z.string().min(1)).default([]),
    /** Words after which digits name something, never count numbers ("PON 88812", "ticket 4417", "ext 204"). */
    identifiers: z.array(z.string().min(1)).default([]),
    /** Words right before a count that say the numbers counted already again ("we have 1 toll free, it's an 800 number"). */
    restating: z.array(z.string().min(1)).default([]),
    /** Words after a count that stand for numbers already spoken of ("five of them"): a count of no kind, as "five numbers" is. */
    referring: z.array(z.string().min(1)).default([]),
    /** Words that speak again of a number already named ("the cell is with Rogers"), not of one more in a list. */
    again: z.array(z.string().min(1)).default([]),
    /** Words after a count of a kind that make it a count for each item of the list that follows ("one fax each at our Toronto and Ottawa clinics"). */
    each: z.array(z.string().min(1)).default([]),
    counts: z.object({ en: z.record(z.string(), z.number().int().positive()), fr: z.record(z.string(), z.number().int().positive()), es: z.record(z.string(), z.number().int().positive()) }).strict(),
    count_phrases: z.record(z.string().min(1), z.number().int().positive()).default({}),
    /** Words that multiply the count before them ("two dozen", "a hundred"), or are worth their value alone ("dozen"). */
    multipliers: z.record(z.string().min(1), z.number().int().positive()).default({}),
    /** Words joining the parts of a count ("a hundred and fifty", "vingt et un", "treinta y cinco"). */
    joiners: z.array(z.string().min(1)).default([]),
    /** Words of `counts` worth a count only on their own, never part of a longer one ("our two lines" is 2). */
    alone: z.array(z.string().min(1)).default([]),
    /** Words around a count said alone that only make it rough: "about 10", "a dozen or so". */
    approximate: z.array(z.string().min(1)).default([]),
    times: z.record(z.string().min(1), z.number().int().positive()).default({}),
    /** From this many numbers an estimate points to the entry with the advice for porting many numbers. */
    bulk: z.object({ from: z.number().int().positive(), entry: Id }).strict().optional(),
  })
  .strict();

export type IntentId = z.infer<typeof IntentId>;
export type IntentsFile = z.infer<typeof IntentsFile>;
export type PlacesFile = z.infer<typeof PlacesFile>;
export type NumberKindsFile = z.infer<typeof NumberKindsFile>;

/** What the reader reads messages with: `intents.yaml`, `places.yaml`, `number-kinds.yaml`. */
export interface ReadingData {
  intents: IntentsFile;
  places: PlacesFile;
  kinds: NumberKindsFile;
}
