import type { Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

/** A plain-text conversation with the real engine and knowledge; the clock is Thursday 2026-03-05 unless given. */
const chat = (now?: Date) => testBot({ kb, channelId: "test", ...(now ? { now } : {}) });
const data = (replies: Partial<Activity>[]) => replies.map((r) => r.channelData as Record<string, any>);
const estimateOf = (replies: Partial<Activity>[]) => data(replies).find((d) => d?.estimate)?.estimate;

describe("fee and time requests in customers' words", () => {
  it("prices 20 local numbers in Ontario with expedite at once, with the advice for many numbers", async () => {
    const replies = await chat().send("price for 20 local numbers in Ontario with expedite");
    const estimate = estimateOf(replies);
    expect(estimate.input).toMatchObject({ numbers: { local: 20 }, country: "CA", expedite: true });
    expect(estimate.total).toBe(250);
    expect(textOf(replies)).toContain("Porting many numbers?");
    expect(data(replies)[0]!.understood).toMatchObject({ intent: "estimate", facts: { numbers: { local: 20 }, country: "CA", region: "Ontario", expedite: true } });
  });

  it("asks where the numbers are once, with buttons, and reads 'Ontario, Canada' and 'TX' as answers", async () => {
    const c = chat();
    const asked = textOf(await c.send("price for 20 local numbers with expedite"));
    expect(asked).toContain("Where are the numbers from?");
    expect(asked).toMatch(/1\. United States\n2\. Canada\n3\. Another country/);
    expect(estimateOf(await c.send("Ontario, Canada")).input.country).toBe("CA");
    const texas = chat();
    await texas.send("how much to port 2 cell numbers with expedite");
    expect(estimateOf(await texas.send("TX")).input.country).toBe("US");
  });

  it("reads 'five' as the count it asked for", async () => {
    const c = chat();
    expect(textOf(await c.send("how much for my fax numbers in Canada"))).toContain("How many fax numbers?");
    const estimate = estimateOf(await c.send("five"));
    expect(estimate.input.numbers).toEqual({ fax: 5 });
    expect(estimate.total).toBe(75);
  });

  it("counts 'last friday' said on a Sunday from two days before", async () => {
    const sunday = new Date("2026-03-08T15:00:00Z");
    const estimate = estimateOf(await chat(sunday).send("how long to port 1 local US number submitted last friday"));
    expect(estimate.input.submitted).toBe("2026-03-06");
    expect(estimate.completion).toBe("2026-03-13");
  });

  it("prices expected rejections and answers a time question about a Canadian cell number", async () => {
    const rejected = estimateOf(await chat().send("how much if my port gets rejected twice and I have 4 toll free US numbers"));
    expect(rejected.input).toMatchObject({ numbers: { "toll-free": 4 }, country: "US", rejections: 2 });
    expect(rejected.lines.some((l: { event: string }) => l.event === "resubmission")).toBe(true);
    const c = chat();
    const asked = textOf(await c.send("how long for a canadian cell number"));
    expect(asked).toContain("When will you submit the port request?");
    expect(estimateOf(await c.send("tmrw")).input).toMatchObject({ numbers: { wireless: 1 }, country: "CA", submitted: "2026-03-06" });
  });

  it("prices nothing for what is no option: avoiding a rejection, cancelling another account", async () => {
    const estimate = estimateOf(await chat().send("how much to port 3 US landlines so my port doesn't get rejected? I'll cancel my Bell account after"));
    expect(estimate.input).toMatchObject({ rejections: 0, cancel: false, expedite: false });
  });

  it("asks which Georgia is meant when nothing else says", async () => {
    const c = chat();
    const asked = textOf(await c.send("how much for 2 landlines in Georgia"));
    expect(asked).toContain("Which one do you mean?");
    expect(asked).toContain("Georgia (US state)");
    expect(estimateOf(await c.send("1")).input.country).toBe("US");
    expect(estimateOf(await chat().send("how much for 2 landlines in Atlanta, Georgia")).input.country).toBe("US");
  });

  it("routes French and Spanish requests the same way", async () => {
    expect(estimateOf(await chat().send("Combien coûte le transfert de 3 numéros de fax au Québec ?")).input).toMatchObject({ numbers: { fax: 3 }, country: "CA" });
    expect(estimateOf(await chat().send("¿Cuánto cuesta portar 2 números móviles de Miami?")).input).toMatchObject({ numbers: { wireless: 2 }, country: "US" });
  });
});

describe("rejections and people in customers' words", () => {
  it.each(["Mi portabilidad fue rechazada, ¿qué hago?", "😡😡😡 my port failed", "LSR reject - PIN invalid"])("'%s' starts the diagnosis", async (text) => {
    const replies = await chat().send(text);
    expect(textOf(replies)).toMatch(/why your port was rejected|rejection notice points to/);
    expect(data(replies)[0]!.understood.intent).toBe("diagnosis");
  });

  it("a pasted rejection e-mail with an order number, a callback number and a resubmission deadline is diagnosed, not priced", async () => {
    const email =
      "Hello,\n\nYour port request PON 88812 for the telephone number(s) 514-555-0199 has been REJECTED by the losing carrier.\n\nReject code: 6P\nReason: ACCOUNT NUMBER INVALID - the account number on the LOA does not match our records.\n\nPlease correct and resubmit within 7 days, or call 1-800-555-0100.\n\nLNP Operations";
    const replies = await chat().send(email);
    expect(data(replies)[0]!.understood.intent).toBe("diagnosis");
    expect(textOf(replies)).toMatch(/points to .Account Number, Reseller Mismatch/);
    expect(textOf(replies)).not.toContain("88812");
  });

  it.each(["ok bye", "goodbye"])("'%s' closes the exchange without an apology or a hand-off", async (text) => {
    const replies = await chat().send(text);
    expect(data(replies)[0]!.understood.intent).toBe("thanks");
    expect(textOf(replies)).not.toMatch(/Sorry|don't know/);
  });

  it.each(["I want to talk to a human", "can I speak with a real person", "quiero hablar con una persona"])("'%s' gives the hand-off details", async (text) => {
    const replies = await chat().send(text);
    expect(data(replies)[0]!.understood.intent).toBe("person");
    expect(textOf(replies)).not.toContain("Sorry");
    expect(textOf(replies)).toMatch(/LNP|support|contact/i);
  });
});

describe("flows never trap", () => {
  it("answers 'what is a BTN anyway?' in a diagnosis, and 'ok' asks the step again instead of ending it", async () => {
    const c = chat();
    await c.send("my port was rejected");
    const aside = textOf(await c.send("wait, what is a BTN anyway?"));
    expect(aside).toContain("Billing Telephone Number");
    expect(aside).toContain("Back to your diagnosis:");
    const ok = textOf(await c.send("ok"));
    expect(ok).toContain("Back to your diagnosis:");
    expect(ok).not.toMatch(/summary|hand-off|ticket/i);
  });

  it("starts an estimate asked after a diagnosis result", async () => {
    const c = chat();
    await c.send("LSR rejected: address does not match CSR");
    await c.send("yes");
    await c.send("port in");
    await c.send("Canada");
    const outcome = await c.send("I don't know the date");
    expect(textOf(outcome)).toContain("Reply within 7 days of the rejection.");
    const causes = data(outcome).find((d) => d?.diagnosis)?.diagnosis.causes as Array<{ id: string; probability: number }>;
    expect(kb.byId.get(causes[0]!.id)?.title).toContain("Mismatch Information");
    const next = textOf(await c.send("how much to port 3 fax numbers and 2 toll free if I submit next Tuesday"));
    expect(next).toContain("Where are the numbers from?");
    expect(estimateOf(await c.send("US")).input).toMatchObject({ numbers: { fax: 3, "toll-free": 2 }, submitted: "2026-03-10" });
  });

  it("leaves an estimate for the diagnosis when the customer drops the price and says the port was rejected", async () => {
    const c = chat();
    await c.send("how much to port 3 fax numbers");
    const replies = await c.send("actually never mind the price, my port got rejected");
    expect(data(replies)[0]!.understood.intent).toBe("diagnosis");
    expect(textOf(replies)).toContain("find out why your port was rejected");
    expect(textOf(replies)).not.toContain("Where are the numbers from?");
  });

  it("asks an unclear reply again with its buttons twice, then offers the menu and a person", async () => {
    const c = chat();
    await c.send("how much to port 3 fax numbers");
    for (let i = 0; i < 2; i++) {
      const again = textOf(await c.send("blorp"));
      expect(again).toContain("Where are the numbers from?");
      expect(again).toContain("1. United States");
    }
    const out = textOf(await c.send("blorp"));
    expect(out).toContain("I still can't read that");
    expect(out).toMatch(/Talk to a person|person/);
    expect(textOf(await c.send("how long does a port take"))).not.toContain("Where are the numbers from?");
  });

  it.each(["forget it", "pls cancel", "annuler"])("'%s' stops a flow", async (text) => {
    const c = chat();
    await c.send("how much to port 3 fax numbers");
    expect(textOf(await c.send(text))).toContain('Okay, I stopped "Fees and timing"');
  });

  it("gives the hand-off mid-flow in any wording and asks the step again", async () => {
    const c = chat();
    await c.send("how much to port 3 fax numbers");
    const replies = textOf(await c.send("je veux parler à un humain"));
    expect(replies).toContain("Back to your estimate:");
    expect(replies).toContain("Where are the numbers from?");
  });
});

describe("results as data", () => {
  it("puts the answer's id and what was understood in channelData", async () => {
    const replies = await chat().send("what is a BTN?");
    expect(data(replies)[0]).toMatchObject({ status: "answered", answer: { id: "btn" }, understood: { intent: "question" } });
  });
});
