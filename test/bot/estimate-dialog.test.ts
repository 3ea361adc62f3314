import type { Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { click, realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

/** The bot as bot/app.ts builds it, on Thursday 2026-03-05, 10:00 in Toronto (the harness's clock). */
const conversation = (channelId = "test") => testBot({ kb, channelId });

const START: Partial<Activity> = { type: "message", text: "", value: { action: "start", flow: "estimate" } };

describe("estimate dialog", () => {
  it("asks for every missing input from the button, re-asks bad answers with the field's error, and ends with the estimate", async () => {
    const chat = conversation();
    const first = textOf(await chat.send(START));
    expect(first).toContain("Which kind of number do you want to port?");
    expect(first).toMatch(/1\. Local\n2\. Wireless \(cell\)\n3\. Toll-free\n4\. Fax/);

    expect(textOf(await chat.send(click("fax")))).toContain("How many fax numbers?");
    const notNumber = textOf(await chat.send("lots"));
    expect(notNumber).toContain("Sorry, that doesn't work for the fax count: must be a number, e.g. 3 (got 'lots').");
    expect(notNumber).toContain("How many fax numbers?");
    expect(textOf(await chat.send("-2"))).toContain("Sorry, that doesn't work for the fax count: cannot be negative (got -2).");

    const more = textOf(await chat.send("3"));
    expect(more).toContain("Any other kind of number in this order?");
    expect(more).not.toContain("Fax");
    expect(textOf(await chat.send(click("toll-free")))).toContain("How many toll-free numbers?");
    expect(textOf(await chat.send("2"))).toContain("Any other kind of number in this order?");
    expect(textOf(await chat.send(click("that's all")))).toContain("Where are the numbers from?");

    const unknown = textOf(await chat.send("Narnia"));
    expect(unknown).toContain("Sorry, that doesn't work for the country: 'Narnia' is not a country I know");
    expect(unknown).toContain("Where are the numbers from?");
    expect(textOf(await chat.send(click("US")))).toContain("When will you submit the port request?");

    const noSuchDay = textOf(await chat.send("2026-02-30"));
    expect(noSuchDay).toContain("Sorry, that doesn't work for the submission date: 2026-02-30 is not a date that exists.");
    const card = textOf(await chat.send("2026-12-22"));
    expect(card).toContain("Estimate: 2 toll-free numbers and 3 fax numbers in the US, submitted Tuesday 2026-12-22");
    expect(card).toContain("Total: $45 USD\nExpected completion: Thursday 2027-01-14\nToll-free numbers × 2: $0 USD\nFax numbers × 3: $45 USD ($15 USD each)");
    expect(card.split("\n").length).toBeLessThan(15);

    // The flow has ended: the next message is a new question for the main dialog, not an answer to the estimate.
    expect(textOf(await chat.send("2"))).not.toContain("How many");
  });

  it("asks only what the opening question left out", async () => {
    const chat = conversation();
    const first = textOf(await chat.send("how much to port 3 fax numbers and 2 toll free"));
    expect(first).toContain("Where are the numbers from?");
    expect(first).not.toContain("How many");
    const card = textOf(await chat.send("Canada"));
    expect(card).toContain("Estimate: 2 toll-free numbers and 3 fax numbers in Canada, submitted Thursday 2026-03-05");
    expect(card).toContain("Expected completion:");
  });

  it("answers at once when the question says everything, resolving 'friday' against today", async () => {
    const chat = conversation();
    const card = textOf(await chat.send("how long for a canadian cell number if i submit friday"));
    expect(card).toContain("Estimate: 1 wireless number in Canada, submitted Friday 2026-03-06");
    expect(card).toContain("Expected completion: Friday 2026-03-13");
    expect(card).toContain("Reply to the losing wireless carrier's approval SMS: up to 90 minutes");
  });

  it("reports a bad count in the opening question and asks for it again", async () => {
    const chat = conversation();
    const text = textOf(await chat.send("how much would -2 fax numbers in the US cost"));
    expect(text).toContain("Sorry, that doesn't work for the fax count: cannot be negative (got -2).");
    expect(text).toContain("How many fax numbers?");
  });

  it("takes the number of a choice typed back, and asks which country for 'another country'", async () => {
    const chat = conversation();
    await chat.send(START);
    expect(textOf(await chat.send("2"))).toContain("How many wireless numbers?");
    await chat.send("1");
    await chat.send("that's all");
    expect(textOf(await chat.send("3"))).toContain("Which country are the numbers from?");
    // Numbers abroad are quoted with no dates: no submission day is asked.
    const card = textOf(await chat.send("France"));
    expect(card).toContain("1 wireless number in France");
    expect(card).toContain("quote");
    expect(card).toContain("ports@voip.ms");
  });

  it("answers a porting question asked in the middle, then asks the same thing again", async () => {
    const chat = conversation();
    await chat.send("how much to port 3 fax numbers and 2 toll free");
    const text = textOf(await chat.send("what does FOC stand for?"));
    expect(text).toContain("Back to your estimate:");
    expect(text.slice(text.indexOf("Back to your estimate:"))).toContain("Where are the numbers from?");
  });

  it("sends the estimate as an Adaptive Card 1.5 that leads with the total and the date, details behind a toggle", async () => {
    const chat = conversation("webchat");
    const replies = await chat.send("how much to port 3 fax numbers and 2 toll free in the US if i submit 2026-12-22");
    const card = replies[0]!.attachments![0]!.content as { version: string; body: Array<Record<string, any>> };
    expect(card.version).toBe("1.5");
    const facts = card.body.find((b) => b.type === "Container" && b.items?.[0]?.type === "ColumnSet")!;
    const rows = facts.items.map((row: any) => row.columns.map((c: any) => c.items[0].text));
    expect(rows).toEqual([
      ["Total", "$45 USD"],
      ["Expected completion", "Thursday 2027-01-14"],
      ["Toll-free numbers × 2", "$0 USD"],
      ["Fax numbers × 3", "$45 USD ($15 USD each)"],
    ]);
    for (const row of facts.items) expect(row.columns[0]).toMatchObject({ width: "auto", items: [{ wrap: false }] });
    const toggle = card.body.find((b) => b.type === "ActionSet" && b.actions[0].type === "Action.ToggleVisibility")!;
    expect(toggle.actions[0]).toMatchObject({ title: "Details", targetElements: ["details"] });
    const details = card.body.find((b) => b.id === "details")!;
    expect(details.isVisible).toBe(false);
    const small = details.items.map((b: { text: string }) => b.text).join("\n");
    expect(small).toContain("done Wednesday 2026-12-30; skips Christmas Day 2026-12-25");
    expect(small).toContain("**Assumptions**");
    expect(small).toContain("[How much does it cost to Port a Number to VoIP.ms?](https://wiki.voip.ms/");
    expect(card.body.indexOf(facts)).toBeLessThan(card.body.indexOf(details));
  });

  it("'cancel' stops the estimate", async () => {
    const chat = conversation();
    await chat.send(START);
    expect(textOf(await chat.send("cancel"))).toContain('I stopped "Fees and timing"');
  });
});
