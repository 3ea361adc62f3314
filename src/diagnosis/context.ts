import { z } from "zod";
import { Country, Direction, NumberKind, type Context } from "../knowledge/schema.js";
import { NOT_SURE_WORDS, type Choice } from "./choices.js";

/** What the customer told us about the port: one value per dimension, absent while unknown. */
export const CaseContext = z
  .object({
    direction: Direction.optional(),
    country: Country.optional(),
    kind: NumberKind.optional(),
    /** The customer's own word for the kind ("VoIP", "landline"), for summaries. */
    kindLabel: z.string().optional(),
  })
  .strict();
export type CaseContext = z.infer<typeof CaseContext>;

export type Dimension = "direction" | "country" | "kind";
export const DIMENSIONS: readonly Dimension[] = ["direction", "country", "kind"];

/** A `when` matches unless the customer gave a value outside one of its lists; unknown values never exclude. */
export function matchesContext(when: Context | undefined, context: CaseContext): boolean {
  if (!when) return true;
  const fits = <T>(allowed: readonly T[] | undefined, value: T | undefined) => !allowed || value === undefined || allowed.includes(value);
  return fits(when.directions, context.direction) && fits(when.countries, context.country) && fits(when.kinds, context.kind);
}

/** The dimensions a `when` looks at. */
export function dimensionsOf(when: Context | undefined): Dimension[] {
  if (!when) return [];
  return DIMENSIONS.filter((d) => (d === "direction" ? when.directions : d === "country" ? when.countries : when.kinds) !== undefined);
}

export interface ContextQuestion {
  id: Dimension;
  text: string;
  why: string;
  choices: Choice[];
}

const NOT_SURE: Choice = { value: "not-sure", label: "Not sure", aliases: [...NOT_SURE_WORDS] };

export const CONTEXT_QUESTIONS: Record<Dimension, ContextQuestion> = {
  direction: {
    id: "direction",
    text: "Are you porting the number in (moving it to us) or out (moving it to another provider)?",
    why: "Port-ins are rejected by the losing carrier, port-outs by the new one, for different reasons.",
    choices: [
      { value: "in", label: "Port in", aliases: ["in", "porting in", "to you", "moving it to you", "transfer in", "port it in"] },
      { value: "out", label: "Port out", aliases: ["out", "porting out", "away", "leaving", "to another provider", "port away", "transfer out"] },
      NOT_SURE,
    ],
  },
  country: {
    id: "country",
    text: "Is it a US or a Canadian number?",
    why: "US and Canadian carriers check the details differently (abbreviations, who holds the records).",
    choices: [
      { value: "US", label: "US number", aliases: ["us", "usa", "u s", "united states", "american", "america", "states"] },
      { value: "CA", label: "Canadian number", aliases: ["ca", "canada", "canadian", "can"] },
      { value: "INTL", label: "Another country", aliases: ["other", "another", "international", "intl", "elsewhere", "neither"] },
      NOT_SURE,
    ],
  },
  kind: {
    id: "kind",
    text: "What kind of number is it: landline, VoIP, wireless (mobile), toll-free or fax?",
    why: "Some rejections only happen to some kinds of numbers, e.g. the approval SMS only to wireless numbers.",
    choices: [
      { value: "local", label: "Landline", aliases: ["landline", "land line", "home phone", "business line", "local", "pots", "copper"] },
      { value: "local", label: "VoIP", aliases: ["voip", "voice over ip", "internet phone", "virtual", "did"] },
      { value: "wireless", label: "Wireless (mobile)", aliases: ["wireless", "mobile", "cell", "cellphone", "cell phone", "cellular", "smartphone"] },
      { value: "toll-free", label: "Toll-free", aliases: ["toll free", "tollfree", "tf", "800", "888", "877", "866"] },
      { value: "fax", label: "Fax", aliases: ["fax", "fax line", "efax"] },
      NOT_SURE,
    ],
  },
};

/** Stores a context answer; "not sure" leaves the dimension unknown. */
export function withContextAnswer(context: CaseContext, id: Dimension, choice: Choice): CaseContext {
  if (choice.value === NOT_SURE.value) return context;
  if (id === "direction") return { ...context, direction: Direction.parse(choice.value) };
  if (id === "country") return { ...context, country: Country.parse(choice.value) };
  return { ...context, kind: NumberKind.parse(choice.value), kindLabel: choice.label };
}

export function describeContext(context: CaseContext): string[] {
  const direction = context.direction === "in" ? "port in" : context.direction === "out" ? "port out" : "not sure";
  const country = context.country === "US" ? "US" : context.country === "CA" ? "Canada" : context.country === "INTL" ? "another country" : "not sure";
  return [`Direction: ${direction}`, `Country: ${country}`, `Kind of number: ${context.kindLabel ?? "not sure"}`];
}
