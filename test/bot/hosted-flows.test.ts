import { beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "botbuilder";
import { createAnswerEngine } from "../../src/answer/engine.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { cardText, clickIn, joined, labels, realKnowledge, scriptedEngine, testBot } from "./harness.js";

/** How the main dialog hosts the guided flows, on the real knowledge base with the real engine. */
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

const allText = (replies: Partial<Activity>[]) => replies.map((r) => (r.attachments?.length ? cardText(r) : (r.text ?? ""))).join("\n");
const allLabels = (replies: Partial<Activity>[]) => replies.flatMap((r) => (r.attachments?.length ? labels(r) : []));

async function inDiagnosis() {
  const b = testBot({ kb });
  const first = await b.send("My port was rejected");
  return { b, first };
}

describe("the main dialog hosting the flows", () => {
  it("starts the diagnosis from the typed phrase", async () => {
    const { first } = await inDiagnosis();
    expect(allLabels(first)).toContain("Port in");
  });

  it("starts a flow from the welcome's button", async () => {
    const b = testBot({ kb });
    const [welcome] = await b.send(joined());
    const replies = await b.send(clickIn(welcome!, "Fees and timing"));
    expect(allText(replies)).toMatch(/fees and the dates/i);
  });

  it("help in the middle of a flow shows the help, then asks the flow's question again", async () => {
    const { b, first } = await inDiagnosis();
    const replies = await b.send("help");
    expect(allText(replies)).toContain("What I can do");
    expect(allLabels(replies.slice(1))).toEqual(allLabels(first));
  });

  it("agent in the middle of a flow gives the hand-off, then asks again", async () => {
    const { b, first } = await inDiagnosis();
    const replies = await b.send("human");
    expect(allText(replies)).toContain("ports@voip.ms");
    expect(allLabels(replies.slice(1))).toEqual(allLabels(first));
  });

  it("a bare count the estimate's step does not take is asked again, even when the engine would answer the word outright", async () => {
    const engine = scriptedEngine(kb, {
      two: { status: "answered", ids: ["internal-port-voip-ms-to-voip-ms"] },
      "two numbers?": { status: "answered", ids: ["internal-port-voip-ms-to-voip-ms"] },
    });
    const b = testBot({ kb, engine });
    expect(allText(await b.send("how much to port 3 cell numbers"))).toContain("Where are the numbers from?");
    const two = await b.send("two");
    expect(allText(two)).not.toContain("Internal Port");
    expect(allText(two)).toContain("Where are the numbers from?");
    // Asked as a question, it is still answered on the side.
    expect(allText(await b.send("two numbers?"))).toContain("Internal Port");
  });

  it("a reply that is no question gets no article when the engine would only offer choices: the step is asked again", async () => {
    const engine = scriptedEngine(kb, {
      "hmm not really sure what you mean": { status: "clarify", ids: ["what-is-a-partial-port", "numbers-portable"] },
      "what about the partial thing?": { status: "clarify", ids: ["what-is-a-partial-port", "numbers-portable"] },
    });
    const b = testBot({ kb, engine });
    const first = await b.send("My port was rejected");
    const unclear = await b.send("hmm not really sure what you mean");
    expect(allText(unclear)).not.toContain("What is a partial port?");
    expect(allLabels(unclear)).toEqual(allLabels(first));
    const asked = await b.send("what about the partial thing?");
    expect(allText(asked)).toContain("What is a partial port?");
    expect(allText(asked)).toContain("Back to your diagnosis");
  });

  it("a porting question in a flow is answered without buttons, then the flow asks again", async () => {
    const { b, first } = await inDiagnosis();
    const [answer, ...back] = await b.send("How long does the port process take?");
    expect(cardText(answer!)).toContain("business days");
    expect(labels(answer!)).toEqual([]);
    expect(allText(back)).toContain("Back to your diagnosis");
    expect(allLabels(back)).toEqual(allLabels(first));
  });

  it("a question in a flow the bot cannot answer is logged as a fallback, as outside a flow", async () => {
    const question = "What is the weather on Mars, call me on 514 555 0199";
    const outside = testBot({ kb });
    await outside.send(question);
    const { b } = await inDiagnosis();
    await b.send(question);
    expect(b.feedback).toEqual([expect.objectContaining({ status: "fallback", channel: "webchat", entry: null })]);
    expect(b.feedback[0]!.question).not.toContain("555");
    expect(b.feedback).toEqual(outside.feedback);
  });

  it("in a flow, a miss the engine cannot answer is logged only when it is shaped like a question; outside, always", async () => {
    const misses = ["maybe", "banana", "last friday", "the second one"];
    const questions = ["banana?", "what about the bananas", "Comment faire pour les bananes"];
    const asked: string[] = [];
    const b = testBot({ kb, engine: scriptedEngine(kb, {}, asked) });
    // Each reply on a fresh first step: the diagnosis hands off after two misses in a row.
    const inFlow = async (text: string) => {
      for (const flow of ["My port was rejected", "Check before I port"]) {
        await b.send("cancel");
        await b.send(flow);
        await b.send(text);
      }
    };
    for (const text of misses) await inFlow(text);
    expect(asked).toEqual(misses.flatMap((text) => [text, text]));
    expect(b.feedback).toEqual([]);
    for (const text of questions) await inFlow(text);
    expect(b.feedback.map((r) => r.question)).toEqual(questions.flatMap((text) => [text, text]));

    const outside = testBot({ kb, engine: scriptedEngine(kb, {}) });
    for (const text of misses) await outside.send(text);
    // A bare date is no question: it is taken as a reply to a flow no longer under way, and not logged.
    expect(outside.feedback.map((r) => r.question)).toEqual(misses.filter((text) => text !== "last friday"));
  });

  it("an older card's 'Yes' that the flow's step does not take is re-asked, not logged as a fallback", async () => {
    const { b, first } = await inDiagnosis();
    const replies = await b.send("Yes");
    expect(allText(replies)).toContain("This question needs one of the answers below rather than a yes or a no.");
    expect(allLabels(replies)).toEqual(allLabels(first));
    expect(b.feedback).toEqual([]);
  });

  it("a question in a flow that is answered is not logged", async () => {
    const { b } = await inDiagnosis();
    await b.send("How long does the port process take?");
    expect(b.feedback).toEqual([]);
  });

  it("cancel leaves the flow, and the next question goes to the answer engine", async () => {
    const { b } = await inDiagnosis();
    const [stopped] = await b.send("cancel");
    expect(cardText(stopped!)).toContain('Okay, I stopped "My port was rejected"');
    const [answer] = await b.send("How long does the port process take?");
    expect(cardText(answer!)).toContain("business days");
  });

  it("start over leaves the flow and greets again", async () => {
    const { b } = await inDiagnosis();
    const [reply] = await b.send("start over");
    expect(cardText(reply!)).toContain("Hi! I help with porting phone numbers.");
    const [answer] = await b.send("How long does the port process take?");
    expect(cardText(answer!)).toContain("business days");
  });

  it("a failed turn in a flow clears the flow, and the next message starts afresh", async () => {
    const real = createAnswerEngine(kb);
    const b = testBot({
      kb,
      engine: {
        ask(question, options) {
          if (question.includes("explode")) throw new Error("engine failure");
          return real.ask(question, options);
        },
      },
    });
    await b.send("My port was rejected");
    const [sorry] = await b.send("what happens if the engine should explode today");
    expect(sorry!.text).toContain("something went wrong");
    const [answer] = await b.send("How long does the port process take?");
    expect(cardText(answer!)).toContain("business days");
    expect(cardText(answer!)).not.toContain("Back to your");
  });
});

/** The number a text channel gives the choice labelled `label` in a reply ("3. Talk to a person" gives "3"). */
function numberOf(replies: Partial<Activity>[], label: string): string {
  const text = replies.at(-1)?.text ?? "";
  const line = text.split("\n").find((l) => l.replace(/^\d+\. /, "") === label);
  if (!line) throw new Error(`no choice '${label}' in:\n${text}`);
  return line.split(".")[0]!;
}

describe("in Slack, the number of a choice in a flow's last reply", () => {
  async function diagnosed() {
    const b = testBot({ kb, channelId: "slack" });
    let replies = await b.send("Rejected - BTN mismatch");
    replies = await b.send(numberOf(replies, "Yes"));
    replies = await b.send(numberOf(replies, "US number"));
    replies = await b.send(numberOf(replies, "I don't know the date"));
    expect(allText(replies)).toContain("*The likely reason for your rejection*");
    return { b, outcome: replies };
  }

  it("after the diagnosis outcome, picks the verdict and then the offered estimate", async () => {
    const { b, outcome } = await diagnosed();
    const done = await b.send(numberOf(outcome, "That's it"));
    expect(allText(done)).toContain("Good luck with the fix.");
    const estimate = await b.send(numberOf(done, "Fees and timing"));
    expect(allText(estimate)).toContain("Which kind of number do you want to port?");
  });

  async function estimated() {
    const b = testBot({ kb, channelId: "slack" });
    const card = await b.send("how much to port 3 fax numbers and 2 toll free if I submit on 2026-12-22 in the US");
    expect(allText(card)).toContain("*Estimate: 2 toll-free numbers and 3 fax numbers in the US");
    return { b, card };
  }

  it("after the estimate card, starts another estimate", async () => {
    const { b, card } = await estimated();
    const again = await b.send(numberOf(card, "Another estimate"));
    expect(allText(again)).toContain("Which kind of number do you want to port?");
  });

  it("after the estimate card, gives the hand-off", async () => {
    const { b, card } = await estimated();
    const handoff = await b.send(numberOf(card, "Talk to a person"));
    expect(allText(handoff)).toContain("ports@voip.ms");
    expect(allText(handoff)).not.toContain("Sorry, I don't know that one");
  });

  it("after the welcome, starts the flow it names", async () => {
    const b = testBot({ kb, channelId: "slack" });
    const welcome = await b.send(joined("slack"));
    const started = await b.send(numberOf(welcome, "My port was rejected"));
    expect(allText(started)).toContain("Let's find out why your port was rejected.");
  });

  it("a number after a reply without choices picks nothing shown earlier", async () => {
    const b = testBot({ kb, channelId: "slack" });
    const answer = await b.send("How long does the port process take?");
    expect(allText(answer)).toMatch(/^1\. /m);
    await b.send("My port was rejected");
    await b.send("zzz qqq");
    await b.send("qqz zzy");
    const handoff = await b.send("xxy yyz");
    expect(allText(handoff)).toContain("Let's get a person to look at it");
    const after = allText(await b.send("1"));
    expect(after).toContain("I'm not asking you anything right now");
    expect(after).not.toContain("How long does the port process take?");
  });
});

describe("in web chat, a click on the estimate card", () => {
  it("posts the button's label, which starts another estimate", async () => {
    const b = testBot({ kb });
    const [card] = await b.send("how much to port 3 fax numbers and 2 toll free if I submit on 2026-12-22 in the US");
    const again = await b.send(clickIn(card!, "Another estimate"));
    expect(allText(again)).toContain("Which kind of number do you want to port?");
  });
});
