import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAnswerEngine } from "../answer/engine.js";
import { secondOpinion } from "./second-opinion.js";
import { choiceLabels } from "../render/choice-labels.js";
import { lnpContact } from "../knowledge/contact.js";
import { AskJson, type AskResult } from "../answer/result.js";
import { loadKnowledgeBase } from "../knowledge/loader.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { knowledgeDir } from "../paths.js";
import { agentText, resolveKbLink, toPlainText } from "../render/markdown.js";
import { EXIT, UsageError, print, type Command } from "./io.js";

const Flags = z
  .object({
    json: z.boolean().default(false),
    jsonl: z.boolean().default(false),
    /** Answers without the sentence encoder's second opinion. */
    engineOnly: z.boolean().default(false),
    copy: z.boolean().default(false),
    audience: z.enum(["customer", "agent"]).default("customer"),
    question: z.string(),
  })
  .refine((f) => !(f.json && f.jsonl), { message: "use --json or --jsonl, not both", path: ["json"] })
  .refine((f) => !(f.copy && (f.json || f.jsonl)), { message: "--copy prints text to paste; it does not go with --json or --jsonl", path: ["copy"] })
  .refine((f) => f.jsonl || f.question.trim().length > 0, { message: 'a question is required, e.g. ask "how long does a port take"', path: ["question"] })
  .refine((f) => !f.jsonl || f.question.length === 0, { message: "--jsonl reads questions from standard input, one a line; give no question", path: ["question"] });

type Flags = z.infer<typeof Flags>;

function parseFlags(args: string[]): Flags {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: "boolean" }, jsonl: { type: "boolean" }, copy: { type: "boolean" }, audience: { type: "string" }, "engine-only": { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { "engine-only": engineOnly, ...values } = parsed.values;
  const flags = Flags.safeParse({ ...values, engineOnly, question: parsed.positionals.join(" ") });
  if (!flags.success) {
    throw new UsageError(flags.error.issues.map((i) => `${i.path[0] === "question" ? "question: " : i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`).join("; "));
  }
  return flags.data;
}

/** The contract other tools read: exactly the AskJson fields. */
export function toAskJson(result: AskResult): AskJson {
  return AskJson.parse(result);
}

/**
 * The answer as a terminal shows it: title, plain-text body, source and date; choices; or the way forward.
 * `copy`: an answer as the text an agent pastes into a ticket.
 */
export function formatForTerminal(result: AskResult, kb: KnowledgeBase, copy = false): string {
  const resolve = resolveKbLink(kb);
  if (result.status === "answered" && result.answer) {
    const entry = kb.byId.get(result.answer.id)!;
    if (copy) return agentText(entry, resolve);
    const lines = [entry.title, "", toPlainText(entry.body, resolve), "", `Source: ${entry.source.url}`, `Last updated: ${entry.source.last_changed.slice(0, 10)}`];
    if (result.translation) lines.push(`In your language: ${result.translation}`);
    return lines.join("\n");
  }
  if (result.status === "clarify") {
    const labels = choiceLabels(result.alternatives);
    const lines = ["Which of these do you mean?", ...result.alternatives.map((a, i) => `  ${i + 1}. ${labels[i]}  (${a.source.url})`)];
    if (result.translation) lines.push(`In your language: ${result.translation}`);
    return lines.join("\n");
  }
  const contact = lnpContact(kb);
  return [
    "I can't answer that from the porting articles, and I'd rather not guess.",
    "I can help with:",
    ...kb.articles.map((t) => `  - ${t.title}  (${t.url})`),
    contact ? `To reach a person, e-mail the porting (LNP) department at ${contact.email}.` : "To reach a person, open a ticket from your customer portal.",
  ].join("\n");
}

type Ask = (question: string) => Promise<AskResult>;

async function askEachLine(ask: Ask, stdin: NodeJS.ReadableStream, write: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of lines) write(JSON.stringify(toAskJson(await ask(line))));
}

export const run: Command = async (args, io) => {
  const flags = parseFlags(args);
  const kb = await loadKnowledgeBase(knowledgeDir(io.env));
  const engine = createAnswerEngine(kb);
  const opinion = await secondOpinion(kb, io.env, flags.engineOnly);
  const options = { audience: flags.audience };
  const ask: Ask = async (question) => {
    const result = engine.ask(question, options);
    return opinion ? opinion.review(result, options) : result;
  };
  if (flags.jsonl) {
    await askEachLine(ask, io.stdin, (line) => io.stdout.write(`${line}\n`));
    return EXIT.ok;
  }
  const result = await ask(flags.question);
  print(io.stdout, flags.json ? JSON.stringify(toAskJson(result)) : formatForTerminal(result, kb, flags.copy));
  return EXIT.ok;
};
