import { beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "botbuilder";
import { createAnswerEngine } from "../../src/answer/engine.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { cardText, clickIn, joined, labels, realKnowledge, testBot } from "./harness.js";

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

  it("a porting question in a flow is answered without buttons, then the flow asks again", async () => {
    const { b, first } = await inDiagnosis();
    const [answer, ...back] = await b.send("How long does the port process take?");
    expect(cardText(answer!)).toContain("business days");
    expect(labels(answer!)).toEqual([]);
    expect(allText(back)).toContain("Back to your diagnosis");
    expect(allLabels(back)).toEqual(allLabels(first));
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
