import type { Answer } from "../../src/knowledge/schema.js";
import { answerLabel } from "../../src/diagnosis/choices.js";
import type { Prompt } from "../../src/diagnosis/flow.js";
import type { Handoff, Outcome } from "../../src/diagnosis/outcome.js";
import { deadlineText, resubmissionText } from "../../src/diagnosis/text.js";
import { say, type Block, type Reply } from "../channels/reply.js";
import { startFlow, type Flows } from "./menu.js";

/**
 * The diagnosis as replies: each step's question with its choices as buttons, the outcome, and the hand-off.
 * bot/channels/render.ts turns them into Adaptive Cards 1.5, Slack mrkdwn, or numbered plain text.
 */

/** One step: an optional lead-in ("Back to your diagnosis:"), the question, why it is asked, the choices. */
export function stepReply(prompt: Prompt, intro?: string): Reply {
  const blocks: Block[] = [];
  if (intro) blocks.push({ kind: "markdown", text: intro });
  blocks.push({ kind: "markdown", text: `**${prompt.text}**` }, { kind: "note", text: prompt.why });
  return { blocks, groups: [{ choices: prompt.choices.map((c) => say(c.label)) }] };
}

const percent = (p: number) => `${Math.round(p * 100)}%`;
const answered = (b: { question: string; answer: Answer }) => `"${answerLabel(b.answer)}" to: ${b.question}`;

/** Ranked causes with what to do, what to send and where, by when, and what a resubmission costs. */
export function outcomeReply(outcome: Outcome, verdict: Prompt): Reply {
  const blocks: Block[] = [];
  outcome.causes.forEach((cause, i) => {
    const heading = `**${outcome.causes.length > 1 ? `${i + 1}. ` : ""}${cause.title}**${cause.probability < 1 ? ` (${percent(cause.probability)} likely)` : ""}`;
    blocks.push({ kind: "markdown", text: `${heading}\n\n${cause.fix}` });
    blocks.push({ kind: "facts", facts: [{ label: "What to send", value: cause.send.join("; ") }, { label: "Next time", value: cause.avoid }] });
    if (cause.because.length) blocks.push({ kind: "note", text: `Because you answered ${cause.because.map(answered).join("; ")}` });
  });
  if (outcome.where) {
    blocks.push({ kind: "markdown", text: `**Where to send it** ([${outcome.where.title}](kb:${outcome.where.id}))\n\n${outcome.where.body}` });
  }
  const when: Array<{ label: string; value: string }> = [];
  if (outcome.deadline) when.push({ label: "Deadline", value: deadlineText(outcome.deadline) });
  const resubmission = resubmissionText(outcome.resubmission);
  if (resubmission) when.push({ label: "Resubmission", value: resubmission });
  if (when.length) blocks.push({ kind: "facts", facts: when });
  return {
    title: outcome.causes.length > 1 ? "The likely reasons for your rejection" : "The likely reason for your rejection",
    blocks,
    links: [...outcome.causes.map((c) => ({ text: c.title, url: c.url })), ...(outcome.where ? [{ text: outcome.where.title, url: outcome.where.url }] : [])].slice(0, 5),
    groups: [{ prompt: verdict.text, choices: verdict.choices.map((c) => say(c.label)) }],
  };
}

/** The end of a diagnosis the customer agreed with. */
export function doneReply(flows: Flows, outcome: Outcome): Reply {
  // A port-out is finished on the new carrier's side: our fees and dates for a port-in are not its next step.
  const offerEstimate = flows.has("estimate") && outcome.context.direction !== "out";
  return {
    blocks: [{ kind: "markdown", text: "Good luck with the fix. Ask me anything else about porting, or type \"menu\" for the options." }],
    ...(offerEstimate ? { groups: [{ choices: [startFlow("estimate")] }] } : {}),
  };
}

/** A person takes over: why, whom to write to, and the summary to paste into the ticket. */
export function handoffReply(handoff: Handoff): Reply {
  const contact = handoff.contact ? `Write to the porting (LNP) department at [${handoff.contact}](mailto:${handoff.contact}), or reply to your rejection ticket,` : "Contact support";
  return {
    title: "Let's get a person to look at it",
    blocks: [
      { kind: "markdown", text: `I could not pin down the cause (${handoff.reason}). ${contact} and paste this summary:` },
      { kind: "markdown", text: handoff.summary.split("\n").join("\n\n") },
      { kind: "note", text: "The summary holds no phone numbers, account numbers or PINs." },
    ],
    ...(handoff.where ? { links: [{ text: handoff.where.title, url: handoff.where.url }] } : {}),
  };
}
