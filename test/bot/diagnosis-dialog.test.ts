import { describe, expect, it, beforeAll } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { click, realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

const BTN_QUESTION = "Did you confirm the Billing Telephone Number (BTN)";
const PO_BOX_QUESTION = "Is the address on the port request a PO box?";

describe("diagnosis dialog", () => {
  it("runs a whole diagnosis from 'my port was rejected' to the outcome, with the deadline as a date", async () => {
    const chat = testBot({ kb, channelId: "test" });
    const first = textOf(await chat.send("my port was rejected"));
    expect(first).toContain("Let's find out why your port was rejected");
    expect(first).toContain("Are you porting the number in");
    expect(first).toContain("Port-ins are rejected by the losing carrier");
    expect(textOf(await chat.send("1"))).toContain("Which of these reasons does the rejection give?");
    expect(textOf(await chat.send("not sure"))).toContain(PO_BOX_QUESTION);
    expect(textOf(await chat.send("no"))).toContain(BTN_QUESTION);
    expect(textOf(await chat.send("no"))).toContain("What kind of number is it");
    expect(textOf(await chat.send("landline"))).toContain("Are you porting more than one number");
    expect(textOf(await chat.send("yes"))).toContain("On what date was the port rejected?");
    const outcome = textOf(await chat.send("2026-03-02"));
    expect(outcome).toContain("The likely reason for your rejection");
    expect(outcome).toContain("Incorrect Billing Telephone Number (BTN)");
    expect(outcome).toContain("request a Customer Service Record (CSR)");
    expect(outcome).toContain("Where to send it");
    expect(outcome).toContain("ports@voip.ms");
    expect(outcome).toContain("by Monday 2026-03-09 (4 days left)");
    expect(outcome).toContain("$8.75 USD");
    expect(outcome).toContain("Does this match your rejection?");
    const end = textOf(await chat.send("That's it"));
    expect(end).toContain("Good luck with the fix");
    expect(end).toContain("1. Fees and timing");
    // The flow is over: the next message is a question for the answer engine again.
    expect(textOf(await chat.send("what is a CSR?"))).not.toContain("Back to your diagnosis");
  });

  it("goes straight to the cause of a pasted rejection notice and asks to confirm it", async () => {
    const chat = testBot({ kb, channelId: "test" });
    const first = textOf(await chat.send("LSR rejected: address does not match CSR"));
    expect(first).toContain('Your rejection notice points to "Rejection for Mismatch Information (Name, Address, Company Name)"');
    await chat.send("yes");
    await chat.send("port in");
    expect(textOf(await chat.send("Canada"))).toContain("On what date was the port rejected?");
    const outcome = textOf(await chat.send("I don't know the date"));
    expect(outcome).toContain("Ask your reseller to contact their CLEC");
    expect(outcome).toContain("Reply within 7 days of the rejection.");
  });

  it("answers a porting question asked mid-flow and resumes at the same step", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("my port was rejected");
    await chat.send("port in");
    expect(textOf(await chat.send("not sure"))).toContain(PO_BOX_QUESTION);
    const aside = await chat.send("what is a CSR?");
    const text = textOf(aside);
    expect(text).toContain("Customer Service Record");
    expect(text).toContain("Back to your diagnosis:");
    expect(text.slice(text.indexOf("Back to your diagnosis:"))).toContain(PO_BOX_QUESTION);
    expect(textOf(await chat.send("no"))).toContain(BTN_QUESTION);
  });

  it("after the outcome, a side question is answered and only the verdict is asked again, not the whole outcome", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("my port was rejected");
    for (const reply of ["port in", "not sure", "no", "no", "landline", "yes"]) await chat.send(reply);
    expect(textOf(await chat.send("I don't know the date"))).toContain("Where to send it");
    const aside = textOf(await chat.send("what is a CSR?"));
    expect(aside).toContain("Customer Service Record");
    const back = aside.slice(aside.indexOf("Back to your diagnosis:"));
    expect(back).toContain("Does this match your rejection?");
    expect(back).not.toContain("Where to send it");
    expect(back).not.toContain("The likely reason");
    const unclear = textOf(await chat.send("blue"));
    expect(unclear).toContain("Does this match your rejection?");
    expect(unclear).not.toContain("Where to send it");
    expect(textOf(await chat.send("That's it"))).toContain("Good luck with the fix");
  });

  it("'help' mid-flow shows the help and re-asks the step", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("my port was rejected");
    const text = textOf(await chat.send("help"));
    expect(text).toContain("What I can do");
    expect(text).toContain("Back to your diagnosis:");
    expect(text).toContain("Are you porting the number in");
  });

  it("'cancel' leaves the diagnosis", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("my port was rejected");
    await chat.send("port in");
    const text = textOf(await chat.send("cancel"));
    expect(text).toContain('I stopped "My port was rejected"');
    expect(textOf(await chat.send("yes"))).not.toContain("Is it a US or a Canadian number?");
  });

  it("asks again after an answer that is not a choice, twice, and hands off after a third, with a summary without identifiers", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("Rejected - BTN mismatch on 514-555-0199");
    await chat.send("no");
    await chat.send("port in");
    const again = textOf(await chat.send("blue"));
    expect(again).toContain("Sorry, I didn't get that. Please pick one of these:");
    expect(again).toContain("Which of these reasons does the rejection give?");
    expect(textOf(await chat.send("green"))).toContain("Sorry, I didn't get that. Please pick one of these:");
    const handoff = textOf(await chat.send("orange"));
    expect(handoff).toContain("Let's get a person to look at it");
    expect(handoff).toContain("ports@voip.ms");
    expect(handoff).toContain("Direction: port in");
    expect(handoff).toContain("Rejection notice:");
    expect(handoff).not.toContain("514");
    // The flow has ended.
    expect(textOf(await chat.send("not sure"))).not.toContain(PO_BOX_QUESTION);
  });

  it("hands off with the summary when the customer is not sure of anything", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("why was my port rejected?");
    for (const reply of ["port in", "not sure", "not sure", "not sure"]) await chat.send(reply);
    const text = textOf(await chat.send("not sure"));
    expect(text).toContain("Let's get a person to look at it");
    expect(text).toContain("Direction: port in");
  });

  it("keeps its state in conversation storage, so a restarted bot resumes at the same step", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("my port was rejected");
    await chat.send("port in");
    const restarted = chat.restart();
    expect(textOf(await restarted.send("not sure"))).toContain(PO_BOX_QUESTION);
  });

  it("renders steps and the outcome as Adaptive Cards 1.5 with buttons in web chat", async () => {
    const chat = testBot({ kb });
    const [step] = await chat.send("my port was rejected");
    const card = step!.attachments![0]!.content as { version: string; body: Array<{ type: string; actions?: Array<{ title: string; data: unknown }> }> };
    expect(card.version).toBe("1.5");
    const buttons = card.body.find((b) => b.type === "ActionSet")!.actions!;
    expect(buttons.map((b) => b.title)).toEqual(["Port in", "Port out", "Not sure"]);
    // Whatever form the channel's button data takes, a click sends the choice's words back.
    expect(JSON.stringify(buttons[0]!.data)).toContain('"Port in"');
    for (const label of ["Port in", "Not sure", "No", "No", "Landline", "Yes"]) await chat.send(click(label));
    const [outcome] = await chat.send(click("I don't know the date"));
    const outcomeCard = outcome!.attachments![0]!.content as { version: string; body: Array<{ type: string; text?: string }>; actions: Array<{ type: string; url: string }> };
    expect(outcomeCard.version).toBe("1.5");
    // "Deadline" and "Resubmission" sit in a column as wide as the label, never wrapped: they cannot break mid-word.
    const labels = JSON.stringify(outcomeCard.body.filter((b) => b.type === "Container"));
    expect(labels).toContain('{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"Deadline","wrap":false,"weight":"Bolder"}]}');
    expect(outcomeCard.body.find((b) => b.type === "TextBlock" && b.text?.includes("Incorrect Billing Telephone Number"))).toBeDefined();
    expect(outcomeCard.actions.some((a) => a.type === "Action.OpenUrl" && a.url.includes("Port_Rejection"))).toBe(true);
  });
});
