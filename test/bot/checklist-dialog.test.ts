import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { click, realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

/** Answers every check of a landline port: all fine except the voice-and-fax one. */
const CAREFUL_BUT_FAX = ["US", "landline", "yes", "yes", "yes", "no", "no", "no", "yes", "yes", "no"];

describe("pre-port checklist dialog", () => {
  it("walks through the checks from 'check before I port' and ends with each item ok or at risk", async () => {
    const chat = testBot({ kb, channelId: "test" });
    const first = textOf(await chat.send("check before I port"));
    expect(first).toContain("Let's check your port before you submit it");
    expect(first).toContain("Is it a US or a Canadian number?");
    await chat.send("US");
    const check1 = textOf(await chat.send("landline"));
    expect(check1).toMatch(/Check 1 of \d+: Is the address you will give the service address/);
    expect(check1).toContain("A name or address that differs from the carrier's record");
    let last = "";
    for (const reply of CAREFUL_BUT_FAX.slice(2)) last = textOf(await chat.send(reply));
    expect(last).toContain("Your pre-port checklist");
    expect(last).toMatch(/^OK: Rejection for Mismatch Information \(Name, Address, Company Name\);/m);
    expect(last).toMatch(/^- Can I port at the same time, one number as a Voice and another as a Fax\?: Submit only one port/m);
    // The questions were just asked: the result names each item once, by its topic, without the question again.
    expect(last).not.toContain("Is the address you will give");
    expect(last).not.toContain("Are you porting a voice number and a fax number at the same time?");
    expect(last).toContain("1 item is at risk");
    expect(last).not.toContain("approval SMS on this number");
  });

  it("includes the approval SMS check for a wireless number", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("I want to port a number");
    await chat.send("Canada");
    const texts: string[] = [];
    texts.push(textOf(await chat.send("mobile")));
    for (let i = 0; i < 12 && !texts.at(-1)!.includes("Your pre-port checklist"); i++) texts.push(textOf(await chat.send("not sure")));
    const all = texts.join("\n");
    expect(all).toContain("Will you be able to receive the losing carrier's approval SMS");
    expect(texts.at(-1)).toMatch(/^- [^\n]+: Not checked yet\./m);
  });

  it("answers a question asked in the middle and goes back to the same check", async () => {
    const chat = testBot({ kb, channelId: "test" });
    await chat.send("check before I port");
    await chat.send("US");
    await chat.send("landline");
    const text = textOf(await chat.send("what does BTN mean"));
    expect(text).toContain("Billing Telephone Number");
    expect(text.slice(text.indexOf("Back to your checklist:"))).toMatch(/Check 1 of \d+: Is the address/);
  });

  it("'cancel' leaves, and three replies that are not choices hand off", async () => {
    const cancelled = testBot({ kb, channelId: "test" });
    await cancelled.send("check before I port");
    expect(textOf(await cancelled.send("cancel"))).toContain('I stopped "Check before I port"');

    const chat = testBot({ kb, channelId: "test" });
    await chat.send("check before I port");
    expect(textOf(await chat.send("purple"))).toContain("Sorry, I didn't get that");
    expect(textOf(await chat.send("green"))).toContain("Sorry, I didn't get that");
    const handoff = textOf(await chat.send("orange"));
    expect(handoff).toContain("Let's get a person to check it with you");
    expect(handoff).toContain("ports@voip.ms");
  });

  it("shows the result as an Adaptive Card 1.5 in web chat, the verdict first", async () => {
    const chat = testBot({ kb });
    await chat.send("check before I port");
    let replies = await chat.send(click("US number"));
    for (const answer of ["Landline", "Yes", "Yes", "Yes", "No", "No", "No", "Yes", "Yes", "No"]) replies = await chat.send(click(answer));
    const card = replies[0]!.attachments![0]!.content as { version: string; body: Array<{ type: string; text?: string }> };
    expect(card.version).toBe("1.5");
    expect(card.body[0]!.text).toBe("Your pre-port checklist");
    expect(card.body[1]!.text).toMatch(/^\*\*\d+ items? (is|are) at risk\./);
    expect(card.body.some((b) => b.text?.startsWith("OK: "))).toBe(true);
  });
});
