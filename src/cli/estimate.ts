import { parseArgs } from "node:util";
import { z } from "zod";
import { loadKnowledgeBase } from "../knowledge/loader.js";
import { knowledgeDir } from "../paths.js";
import { estimate, noSubmissionDate } from "../estimate/estimate.js";
import { dateInZone, PORTING_TIME_ZONE } from "../calendar/dates.js";
import {
  CountText,
  CountryText,
  EstimateInputError,
  SubmissionDate,
  TimeZone,
  fieldProblems,
  parseEstimateInput,
} from "../estimate/input.js";
import { estimateToMarkdown } from "../render/estimate-text.js";
import { resolveKbLink, toPlainText } from "../render/markdown.js";
import { EXIT, UsageError, print, type CliIo, type Command } from "./io.js";

const USAGE =
  "usage: porting-bot estimate [--local N] [--wireless N] [--toll-free N] [--fax N] --country US|CA|<country> " +
  "[--submitted YYYY-MM-DD] [--deadline YYYY-MM-DD] [--tz America/Toronto] [--expedite] [--rejections N] [--cancel] [--json]";

const COUNT_FLAGS = ["local", "wireless", "toll-free", "fax", "rejections"] as const;
const STRING_FLAGS = [...COUNT_FLAGS, "country", "submitted", "deadline", "tz"] as const;

const Flags = z.object({
  local: CountText.optional(),
  wireless: CountText.optional(),
  "toll-free": CountText.optional(),
  fax: CountText.optional(),
  rejections: CountText.optional(),
  country: z.string({ error: "is required: US, CA, or a country's name" }).pipe(CountryText),
  submitted: SubmissionDate.optional(),
  deadline: SubmissionDate.optional(),
  tz: TimeZone.optional(),
  expedite: z.boolean().optional(),
  cancel: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** `--fax -1` would read as two flags; joined as `--fax=-1` the count check can say what is wrong with it. */
function joinDashedValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (STRING_FLAGS.some((f) => arg === `--${f}`) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

function readFlags(args: string[]): z.infer<typeof Flags> {
  let values;
  try {
    values = parseArgs({
      args: joinDashedValues(args),
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: "string" as const }])),
        expedite: { type: "boolean" },
        cancel: { type: "boolean" },
        json: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const flags = Flags.safeParse(values);
  if (!flags.success) {
    throw new UsageError(`${fieldProblems(flags.error).map((p) => `--${p.field}: ${p.message}`).join("\n")}\n${USAGE}`);
  }
  return flags.data;
}

export const run: Command = async (args, io: CliIo) => {
  if (args.includes("--help")) {
    print(io.stdout, USAGE);
    return EXIT.ok;
  }
  const flags = readFlags(args);
  const timeZone = flags.tz ?? PORTING_TIME_ZONE;
  const context: string[] = [];
  let submitted = flags.submitted;
  if (!submitted) {
    submitted = dateInZone(io.now(), timeZone);
    context.push(noSubmissionDate(timeZone));
  }
  const numbers = Object.fromEntries(
    (["local", "wireless", "toll-free", "fax"] as const).flatMap((kind) => (flags[kind] === undefined ? [] : [[kind, flags[kind]]])),
  );
  let input;
  try {
    input = parseEstimateInput({
      numbers,
      country: flags.country.country,
      ...(flags.country.place ? { place: flags.country.place } : {}),
      submitted,
      ...(flags.deadline ? { deadline: flags.deadline } : {}),
      timeZone,
      expedite: flags.expedite ?? false,
      cancel: flags.cancel ?? false,
      rejections: flags.rejections ?? 0,
    });
  } catch (error) {
    if (!(error instanceof EstimateInputError)) throw error;
    const named = (field: string) => (field === "numbers" ? "--local/--wireless/--toll-free/--fax" : `--${field}`);
    throw new UsageError(`${error.problems.map((p) => `${named(p.field)}: ${p.message}`).join("\n")}\n${USAGE}`);
  }

  const kb = await loadKnowledgeBase(knowledgeDir(io.env));
  const result = estimate(kb, input, context);
  if (flags.json) {
    print(io.stdout, JSON.stringify(result, null, 2));
  } else {
    print(io.stdout, toPlainText(estimateToMarkdown(result), resolveKbLink(kb)));
  }
  return EXIT.ok;
};
