import { z } from "zod";
import { Country, NumberKind } from "../knowledge/schema.js";
import { resolveCountry, type CountryChoice } from "./country.js";
import { isRealDate, isTimeZone, PORTING_TIME_ZONE } from "../calendar/dates.js";
import { redact } from "../privacy/redact.js";

/** How many numbers of one kind, or how many rejections: a whole number, 0 or more. */
export const Count = z
  .number({ error: "must be a number, e.g. 3" })
  .int({ error: (issue) => `must be a whole number${got(issue.input, false)}`, abort: true })
  .min(0, { error: (issue) => `cannot be negative${got(issue.input, false)}`, abort: true })
  // A count long enough to be redacted is a phone or account number typed in the wrong place.
  .refine((count) => redact(String(count)) === String(count), { error: "is too large for a count: is it a phone or account number?" });

/** Whether an error message may repeat what the customer typed: not when it holds a phone, account or PIN number. */
function repeatable(input: unknown): boolean {
  return redact(String(input)) === String(input);
}

/** " (got -2)", " (got 'abc')", or nothing when the input must not be repeated. */
function got(input: unknown, quoted: boolean): string {
  if (!repeatable(input)) return "";
  return quoted ? ` (got '${String(input)}')` : ` (got ${String(input)})`;
}

/** "'Narnia'", or "that" when the input must not be repeated. */
function named(input: unknown): string {
  return repeatable(input) ? `'${String(input)}'` : "that";
}

/** A count as a person types it: "3". */
export const CountText = z
  .string()
  .trim()
  .regex(/^[+-]?\d+(\.\d+)?$/, { error: (issue) => `must be a number, e.g. 3${got(issue.input, true)}` })
  .transform(Number)
  .pipe(Count);

/** The day the order is submitted, `YYYY-MM-DD`, a day that exists. */
export const SubmissionDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `must be a date written YYYY-MM-DD, e.g. 2026-12-22${got(issue.input, true)}`, abort: true })
  .refine(isRealDate, { error: (issue) => `${String(issue.input)} is not a date that exists` });

/** A country as a person types it: US, CA, Canada, a country's English name or ISO code, or "international". */
export const CountryText = z
  .string()
  .trim()
  .min(1, "is required: US, CA, or the country's name")
  .transform((text, ctx): CountryChoice => {
    const choice = resolveCountry(text);
    if (!choice) {
      ctx.addIssue({ code: "custom", message: `${named(text)} is not a country I know: use US, CA, or a country's name or two-letter code` });
      return z.NEVER;
    }
    return choice;
  });

export const TimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, { error: (issue) => `${named(issue.input)} is not a time zone: use a name like America/Toronto` });


const EstimateFields = z
  .object({
    numbers: z.partialRecord(NumberKind, Count),
    country: Country,
    /** The country's English name when it is outside the home markets; finds archived indicative prices. */
    place: z.string().trim().min(1).optional(),
    submitted: SubmissionDate,
    /** The day the customer needs the port done by: the estimate says whether its completion is in time. */
    deadline: SubmissionDate.optional(),
    /** The zone "today", "tomorrow" and weekday names were read in, and the dates are given in. */
    timeZone: TimeZone.default(PORTING_TIME_ZONE),
    expedite: z.boolean().default(false),
    /** Rejections expected before the port goes through: each one is a resubmission. */
    rejections: Count.default(0),
    /** The order is cancelled after it was submitted to the carrier. */
    cancel: z.boolean().default(false),
  })
  .strict();

export const EstimateInput = EstimateFields.superRefine((input, ctx) => {
  // Only zeros, or nothing: a negative count is already reported on its own field.
  if (Object.values(input.numbers).every((count) => count === 0)) {
    ctx.addIssue({ code: "custom", path: ["numbers"], message: "give at least one number to port (local, wireless, toll-free or fax)" });
  }
});

/** What is known so far while the customer is still being asked. */
export const EstimateDraft = EstimateFields.partial();

export type EstimateInput = z.infer<typeof EstimateInput>;
export type EstimateDraft = z.infer<typeof EstimateDraft>;
export type EstimateField = "numbers" | "country" | "submitted";

export interface FieldProblem {
  /** The input's own name for the field: fax, toll-free, country, submitted, rejections... */
  field: string;
  message: string;
  /** The message is a whole sentence for the customer, said as it is. */
  plain?: boolean;
}

export class EstimateInputError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
    this.name = "EstimateInputError";
  }
}

/** `numbers.fax` is reported as `fax`: that is what the customer and the CLI call it. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = path[0] === "numbers" && path.length > 1 ? path.slice(1).join(".") : path.join(".") || "input";
    return { field, message: issue.message };
  });
}

export function parseEstimateInput(raw: unknown): EstimateInput {
  const result = EstimateInput.safeParse(raw);
  if (!result.success) throw new EstimateInputError(fieldProblems(result.error));
  return result.data;
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates one answer (a dialog reply, a CLI flag) with one of the schemas above. */
export function parseField<T>(schema: z.ZodType<T, string>, text: string): FieldResult<T> {
  const result = schema.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: result.error.issues[0]?.message ?? "is not valid" };
}

export function totalNumbers(numbers: EstimateDraft["numbers"]): number {
  return Object.values(numbers ?? {}).reduce((sum, count) => sum + count, 0);
}
