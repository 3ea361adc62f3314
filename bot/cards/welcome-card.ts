import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import type { Reply } from "../channels/reply.js";
import { isCustomerEntry } from "../../src/knowledge/audience.js";
import { FLOW_IDS, type FlowId } from "../dialogs/flows.js";
import { HANDOFF, menuChoices, type Flows } from "./menu.js";

function articleList(kb: KnowledgeBase): string {
  const titles = kb.articles.map((a) => `[${a.title}](${a.url})`);
  return titles.length > 1 ? `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}` : (titles[0] ?? "");
}

export function welcomeCard(kb: KnowledgeBase, flows: Flows): Reply {
  return {
    title: "Hi! I help with porting phone numbers.",
    blocks: [
      {
        kind: "markdown",
        text: `Ask me anything about porting a number in or out. My answers come from the ${articleList(kb)} articles, and I link to the section each answer is from.`,
      },
      { kind: "note", text: 'Type "help" at any time to see what I can do, or "agent" to reach a person.' },
    ],
    groups: [{ choices: menuChoices(flows).filter((c) => c !== HANDOFF) }],
  };
}

export function menuCard(flows: Flows, intro = "What would you like to do?"): Reply {
  return { blocks: [{ kind: "markdown", text: intro }], groups: [{ choices: menuChoices(flows) }] };
}

/** Example questions: the titles of FAQ entries about fees and durations, which customers ask most. */
export function askCard(kb: KnowledgeBase): Reply {
  const examples = kb.entries
    .filter((e) => isCustomerEntry(e) && e.type === "faq" && (e.fees.length > 0 || e.durations.length > 0))
    .slice(0, 3)
    .map((e) => `- ${e.title}`);
  const text = examples.length ? `Type your question in your own words, for example:\n\n${examples.join("\n")}` : "Type your question in your own words.";
  return { blocks: [{ kind: "markdown", text }] };
}

/** What each flow does, for the help; one line per flow the menu offers. */
const FLOW_HELP: Record<FlowId, string> = {
  diagnose: "Find out why a port was rejected and what to send.",
  checklist: "Check that a number is ready to port, before you request it.",
  estimate: "Estimate the fees and the completion date of a port.",
};

export function helpCard(flows: Flows): Reply {
  return {
    title: "What I can do",
    blocks: [
      {
        kind: "markdown",
        text: [
          "- Answer porting questions: just type them.",
          ...FLOW_IDS.filter((id) => flows.has(id)).map((id) => `- ${FLOW_HELP[id]}`),
          "",
          'At any time: "menu" shows the options, "cancel" stops what we are doing, "start over" starts again, "agent" tells you how to reach a person.',
        ].join("\n"),
      },
    ],
    groups: [{ choices: menuChoices(flows) }],
  };
}
