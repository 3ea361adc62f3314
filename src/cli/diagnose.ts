import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadKnowledgeBase } from "../knowledge/loader.js";
import { knowledgeDir } from "../paths.js";
import { nextCheck, replyToCheck, startChecklist } from "../diagnosis/checklist.js";
import { dateInZone, PORTING_TIME_ZONE } from "../calendar/dates.js";
import { isFinished, nextStep, reply, startDiagnosis, type Step } from "../diagnosis/flow.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../diagnosis/knowledge.js";
import { checkPromptText, checklistText, handoffText, numberedChoices, outcomeText, promptText } from "../diagnosis/text.js";
import { EXIT, UsageError, print, type CliIo, type Command } from "./io.js";

const USAGE = 'usage: porting-bot diagnose [--notice "text of the rejection notice"] | diagnose --checklist';
const CANCEL = /^\s*(cancel|quit|exit|stop)\s*$/i;

const Flags = z
  .object({
    checklist: z.boolean().default(false),
    notice: z.string().trim().min(1, "--notice needs the text of the rejection notice").optional(),
  })
  .refine((f) => !(f.checklist && f.notice), { message: "--notice belongs to the diagnosis, not to --checklist" });

function parse(args: string[]): z.infer<typeof Flags> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: false, options: { checklist: { type: "boolean" }, notice: { type: "string" } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const flags = Flags.safeParse(parsed.values);
  if (!flags.success) throw new UsageError(`${flags.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  return flags.data;
}

/** Hands out stdin one line at a time; undefined at the end of input. */
function lineReader(io: CliIo): { next: () => Promise<string | undefined>; close: () => void } {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    next: async () => {
      const result = await lines.next();
      return result.done ? undefined : result.value;
    },
    close: () => rl.close(),
  };
}

function finalText(step: Extract<Step, { kind: "done" | "handoff" }>): string {
  if (step.kind === "handoff") return handoffText(step.handoff);
  return "Good luck with the resubmission.";
}

async function diagnose(knowledge: DiagnosisKnowledge, io: CliIo, today: string, notice: string | undefined): Promise<number> {
  const input = lineReader(io);
  let state = startDiagnosis(knowledge, notice, today);
  try {
    for (;;) {
      const step = nextStep(knowledge, state, today);
      if (isFinished(step)) {
        print(io.stdout, finalText(step));
        return EXIT.ok;
      }
      if (step.kind === "outcome") print(io.stdout, `\n${outcomeText(step.outcome, knowledge)}\n\nSummary for the ticket:\n${step.outcome.summary}\n`);
      print(io.stdout, `\n${promptText(step)}`);
      const line = await input.next();
      if (line === undefined || CANCEL.test(line)) {
        print(io.stdout, line === undefined ? "Diagnosis stopped before the end (no more input)." : "Diagnosis cancelled.");
        return EXIT.ok;
      }
      const result = reply(knowledge, state, line, today);
      state = result.state;
      if (!result.understood && !isFinished(nextStep(knowledge, state, today))) print(io.stdout, `Please answer with one of: ${numberedChoices(step.choices)}`);
    }
  } finally {
    input.close();
  }
}

async function checklist(knowledge: DiagnosisKnowledge, io: CliIo): Promise<number> {
  const input = lineReader(io);
  let state = startChecklist();
  try {
    for (;;) {
      const step = nextCheck(knowledge, state);
      if (step.kind === "done") {
        print(io.stdout, `\n${checklistText(step.checklist)}`);
        return EXIT.ok;
      }
      if (step.kind === "handoff") {
        print(io.stdout, `\n${step.contact ? `Ask the LNP department (${step.contact}) to check the port with you.` : "Ask support to check the port with you."}\n\n${step.summary}`);
        return EXIT.ok;
      }
      print(io.stdout, `\n${checkPromptText(step)}`);
      const line = await input.next();
      if (line === undefined || CANCEL.test(line)) {
        print(io.stdout, line === undefined ? "Checklist stopped before the end (no more input)." : "Checklist cancelled.");
        return EXIT.ok;
      }
      const result = replyToCheck(knowledge, state, line);
      state = result.state;
      if (!result.understood && nextCheck(knowledge, state).kind !== "handoff") print(io.stdout, `Please answer with one of: ${numberedChoices(step.choices)}`);
    }
  } finally {
    input.close();
  }
}

/** `porting-bot diagnose`: the rejection diagnosis (or the pre-port checklist) in a terminal, one answer a line. */
export const run: Command = async (args, io) => {
  const flags = parse(args);
  const today = dateInZone(io.now(), PORTING_TIME_ZONE);
  const knowledge = diagnosisKnowledge(await loadKnowledgeBase(knowledgeDir(io.env)), today);
  if (flags.checklist) return checklist(knowledge, io);
  print(io.stdout, "Port rejection diagnosis. Answer with the number or the words of a choice; 'cancel' leaves.");
  return diagnose(knowledge, io, today, flags.notice);
};
