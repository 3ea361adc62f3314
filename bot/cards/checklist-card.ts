import type { Checklist, ChecklistStep } from "../../src/diagnosis/checklist.js";
import { say, type Block, type Reply } from "../channels/reply.js";

/** One pre-port check: "Check 3 of 9", the question, why it matters, the choices. */
export function checkStepReply(step: Extract<ChecklistStep, { kind: "context" | "check" }>, intro?: string): Reply {
  const head = step.kind === "check" ? `Check ${step.index} of ${step.total}: ` : "";
  return {
    blocks: [
      ...(intro ? [{ kind: "markdown" as const, text: intro }] : []),
      { kind: "markdown", text: `**${head}${step.text}**` },
      { kind: "note", text: step.why },
    ],
    groups: [{ choices: step.choices.map((c) => say(c.label)) }],
  };
}

/**
 * The finished checklist: what is at risk, each with what to do, then the checks that passed named in one line;
 * the questions themselves were just asked, so they are not repeated.
 */
export function checklistReply(checklist: Checklist): Reply {
  const risky = checklist.items.filter((i) => i.status !== "ok");
  const fine = checklist.items.filter((i) => i.status === "ok");
  const verdict =
    checklist.atRisk === 0
      ? "Everything checked out: you can submit the port."
      : `${checklist.atRisk} item${checklist.atRisk === 1 ? " is" : "s are"} at risk. Sort ${checklist.atRisk === 1 ? "it" : "them"} out before you submit, or the port may be rejected.`;
  const blocks: Block[] = [{ kind: "markdown", text: `**${verdict}**` }];
  if (risky.length) blocks.push({ kind: "markdown", text: risky.map((i) => `- **${i.entryTitle}:** ${i.reason ?? "check it with the LNP department"}`).join("\n") });
  if (fine.length) blocks.push({ kind: "note", text: `OK: ${[...new Set(fine.map((i) => i.entryTitle))].join("; ")}` });
  if (checklist.contact && checklist.atRisk > 0) {
    blocks.push({ kind: "note", text: `Questions about an item? Write to the porting (LNP) department at [${checklist.contact}](mailto:${checklist.contact}).` });
  }
  return { title: "Your pre-port checklist", blocks };
}

/** The checklist could not go on: whom to ask, with what was answered so far. */
export function checklistHandoffReply(step: Extract<ChecklistStep, { kind: "handoff" }>): Reply {
  const contact = step.contact ? `Write to the porting (LNP) department at [${step.contact}](mailto:${step.contact})` : "Contact support";
  return {
    title: "Let's get a person to check it with you",
    blocks: [
      { kind: "markdown", text: `I could not go on with the checklist (${step.reason}). ${contact} before you submit, with this summary:` },
      { kind: "markdown", text: step.summary.split("\n").join("\n\n") },
    ],
  };
}
