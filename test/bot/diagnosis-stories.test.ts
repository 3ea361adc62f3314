import type { Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

const chat = () => testBot({ kb, channelId: "test" });
const diagnosisOf = (replies: Partial<Activity>[]) =>
  replies.map((r) => r.channelData as Record<string, any> | undefined).find((d) => d?.diagnosis)?.diagnosis as { causes: Array<{ id: string }> } | undefined;

describe("a rejection told as a story in plain words", () => {
  it.each([
    ["our port got rejected, we're only porting 3 of our 6 lines", "partial-port"],
    ["port rejected again. we quit paying that bill back in March", "disconnected-inactive-numbers"],
    ["Nuestra portabilidad fue rechazada, nunca contestamos el mensaje de texto", "rejection-for-sms-not-answered"],
  ])("'%s' puts %s to the customer first", async (text, id) => {
    const replies = await chat().send(text);
    expect(diagnosisOf(replies)?.causes[0]?.id).toBe(id);
    expect(textOf(replies)).not.toMatch(/Sorry/);
  });
});

describe("a rejection told without saying it was rejected", () => {
  it.each([
    ["our prepaid plan ran out weeks ago", "disconnected-inactive-numbers"],
    ["the lines are all in my landlord's name, not mine", "rejection-for-mismatch-information"],
  ])("'%s', which no article answers, starts the diagnosis with %s first", async (text, id) => {
    const replies = await chat().send(text);
    expect(diagnosisOf(replies)?.causes[0]?.id).toBe(id);
    expect(textOf(replies)).not.toMatch(/don't know that one/);
  });

  it("a statement the engine would ask back about, with the cause's entry among the choices, starts the diagnosis", async () => {
    const replies = await chat().send("the name on my account is wrong on the port");
    expect(diagnosisOf(replies)?.causes[0]?.id).toBe("rejection-for-mismatch-information");
    expect(textOf(replies)).not.toMatch(/Which one did you mean/);
  });

  it.each([
    ["I wrote our trading name but the account is under the legal name", "rejection-for-mismatch-information"],
    ["our lines ring one after the other and we're moving the first one", "hunt-members-stranded-services"],
    ["the losing carrier says the name on the account is different from ours", "rejection-for-mismatch-information"],
  ])("'%s', which the articles answer only in part or with another cause, starts the diagnosis with %s first", async (text, id) => {
    const replies = await chat().send(text);
    expect(diagnosisOf(replies)?.causes[0]?.id).toBe(id);
    expect(textOf(replies)).not.toMatch(/don't know that one|Which one did you mean/);
  });

  it("a notice whose only named details are said to be fine is given no cause, and the porting team is offered", async () => {
    const replies = await chat().send("Name and address verified against the CSR. Rejected: LOA older than 30 days.");
    expect(diagnosisOf(replies)?.causes ?? []).toEqual([]);
    expect(textOf(replies)).toMatch(/talk to a human/i);
  });

  it.each(["I forgot the password of my voicemail box", "my calls keep dropping after thirty seconds", "how do I change the pin on my account?"])(
    "'%s' tells of no rejection: no diagnosis starts",
    async (text) => {
      const replies = await chat().send(text);
      expect(diagnosisOf(replies)).toBeUndefined();
    },
  );
});

describe("a rejection of one's own port told beside a question", () => {
  it.each([
    ["Hi, my port got rejected because the number was disconnected by the old carrier. What do I do now?", "disconnected-inactive-numbers"],
    ["Bonjour, mon transfert a été refusé : une commande est toujours ouverte sur mon compte. Que faire ?", "freeze-on-the-account-pending-order"],
  ])("'%s' starts the diagnosis with %s first", async (text, id) => {
    const replies = await chat().send(text);
    expect(diagnosisOf(replies)?.causes[0]?.id).toBe(id);
  });

  it("a rejection whose stated reason names no known cause is given none, and the porting team is offered", async () => {
    const replies = await chat().send("my port was rejected: port protection is switched on for the line. what now?");
    expect(diagnosisOf(replies)?.causes[0]).toBeUndefined();
    expect(textOf(replies)).toMatch(/not for a reason I know/);
    expect(textOf(replies)).toMatch(/talk to a human/);
  });

  it("a rejection told with no reason at all starts the questions without saying the reason is unknown", async () => {
    const replies = await chat().send("my port was rejected");
    expect(textOf(replies)).not.toMatch(/not for a reason I know/);
  });
});

describe("identifiers handed over", () => {
  it("a PIN and a number given as the first message start no diagnosis, and neither is echoed", async () => {
    const replies = await chat().send("my PIN is 4821 and my number is 514-555-0199");
    expect(diagnosisOf(replies)).toBeUndefined();
    expect(textOf(replies)).not.toMatch(/4821|555-0199/);
  });
});

describe("a rejection told in the middle of an estimate", () => {
  it("'my port got rejected yesterday' leaves the estimate for the diagnosis, though 'yesterday' could be a submission day", async () => {
    const c = chat();
    expect(textOf(await c.send("how much to port 2 numbers"))).toMatch(/Which kind of number/);
    const replies = await c.send("actually wait, my port got rejected yesterday");
    expect(textOf(replies)).toMatch(/find out why your port was rejected/);
    expect(textOf(replies)).not.toMatch(/Which kind of number/);
  });

  it("a count of rejections to expect stays with the estimate", async () => {
    const c = chat();
    await c.send("how much to port 2 numbers");
    const replies = await c.send("2 rejections");
    expect(textOf(replies)).not.toMatch(/find out why your port was rejected/);
  });
});

describe("rejections whose causes share words, as the first message", () => {
  it.each([
    ["our port got rejected, my daughter had already signed up with Freedom and they took the number over first", "more-recent-authorization"],
    ["Rejected: porting this TN would strand the DSL that remains on the account", "hunt-members-stranded-services"],
    ["REJ: TN disconnected at customer's request, disconnect order completed", "disconnected-inactive-numbers"],
    ["Port out rejected: port-out PIN missing", "port-out-rejection-for-pin"],
  ])("'%s' puts %s to the customer first", async (text, id) => {
    const replies = await chat().send(text);
    expect(diagnosisOf(replies)?.causes[0]?.id).toBe(id);
  });

  it("a request superseded by its own supplement is given no newer authorization", async () => {
    const replies = await chat().send("Rejected: order superseded by supplement 2, resend as version 3");
    expect(diagnosisOf(replies)?.causes.map((c) => c.id) ?? []).not.toContain("more-recent-authorization");
  });
});
