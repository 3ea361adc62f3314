import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { conversations, start, type Running } from "./http.js";

let bot: Running;
beforeAll(async () => {
  bot = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => bot.close());

const chat = conversations(() => bot, "changed-minds");
function customer() {
  const say = chat();
  return async (text: string) => {
    const posted = await say(text);
    expect(posted.status).toBe(200);
    return posted.replies();
  };
}

/** The check a reply asks, "Check N of M: …", or the last line shown. */
function asked(reply: string): string {
  return /Check \d+ of \d+: [^*?]+\?/.exec(reply)?.[0] ?? reply.split("\n").at(-1)!;
}

describe("a customer hedging and changing their mind in the pre-port checklist", () => {
  it("takes the last answer after a correction, hedges as 'not sure', and foreign or full-sentence answers as theirs", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("US");
    expect(asked(await turn("it's a cell phone"))).toContain("Check 1 of 11");
    expect(asked(await turn("Yes, the address I have is the one on the CSR"))).toContain("Check 2 of 11");
    expect(asked(await turn("no wait, actually yes"))).toContain("Check 3 of 11");
    expect(asked(await turn("yes but only for one of them"))).toContain("Check 4 of 11");
    expect(asked(await turn("nope!!"))).toContain("Check 5 of 11");
    expect(asked(await turn("not sure, probably not"))).toContain("Check 6 of 11");
    expect(asked(await turn("si"))).toContain("Check 7 of 11");
    expect(asked(await turn("no"))).toContain("Check 8 of 11");
    expect(asked(await turn("yeah I think so"))).toContain("Check 9 of 11");
    expect(asked(await turn("oui"))).toContain("Check 10 of 11");
    await turn("no");
    const result = await turn("We don't, just this one");
    expect(result).toContain("Your pre-port checklist");
    // BTN known after the correction; account number only partly, services not sure: not checked; PIN missing: at risk.
    expect(result).toMatch(/OK: [^\n]*Incorrect Billing Telephone Number/);
    expect(result).toMatch(/- \*\*Account Number[^\n]*:\*\* Not checked yet\./);
    expect(result).toMatch(/- \*\*Partial Port:\*\* Not checked yet\./);
    expect(result).toMatch(/- \*\*I am being asked for my PIN[^\n]*:\*\* Ask your current carrier for the PIN/);
    expect(result).toMatch(/- \*\*Hunt Members[^\n]*:\*\* Detach it/);
  });

  it("takes 'actually no, we're keeping the internet' three checks later as changing the services answer, and asks that one again", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("US");
    await turn("landline");
    await turn("yes");
    await turn("yes");
    expect(asked(await turn("yes"))).toContain("Will other numbers or services (internet");
    await turn("no");
    const pending = await turn("no");
    expect(asked(pending)).toContain("Is there any open or pending order");
    const reopened = await turn("actually no, we're keeping the internet");
    expect(reopened).toContain("changing an earlier answer");
    expect(asked(reopened)).toContain("Will other numbers or services (internet");
    // Answered again, the checklist goes on where it was: the pending-order check, not the ones answered since.
    expect(asked(await turn("yes"))).toContain("Is there any open or pending order");
  });

  it("does not take a reply that asks a question first as the answer: the same check is asked again", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("US");
    await turn("landline");
    await turn("yes");
    expect(asked(await turn("yes"))).toContain("Check 3 of");
    expect(asked(await turn("I have the account number from the bill, is that the same?"))).toContain("Check 3 of");
  });

  it("takes a Spanish customer's answers through the whole checklist", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("Estados Unidos");
    expect(asked(await turn("es un celular"))).toContain("Check 1 of 11");
    const answers = ["sí", "no estoy seguro", "sí, tengo el número de cuenta", "no, no tengo el PIN", "no", "no", "no, ninguna orden pendiente", "sí, está activo", "sí, puedo recibir el SMS", "no"];
    for (const [i, answer] of answers.entries()) expect(asked(await turn(answer))).toContain(`Check ${i + 2} of 11`);
    const result = await turn("no, solo un número");
    expect(result).toContain("Your pre-port checklist");
    expect(result).toMatch(/- \*\*Incorrect Billing Telephone Number \(BTN\):\*\* Not checked yet\./);
    expect(result).toMatch(/- \*\*I am being asked for my PIN[^\n]*:\*\* Ask your current carrier for the PIN/);
  });

  it("still reads 'actually no' as the answer to the current check when it names nothing asked before", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("US");
    await turn("landline");
    expect(asked(await turn("actually no"))).toContain("Check 2 of");
  });
});

describe("a customer typing the number or PIN itself in the checklist", () => {
  it("takes 'my BTN is …' as knowing the BTN, says it need not be typed, and never echoes it", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("US");
    await turn("cell");
    await turn("yes");
    const btn = await turn("my BTN is 514-555-0199");
    expect(btn).toContain("Noted: Yes. No need to type numbers, PINs or account numbers here");
    expect(asked(btn)).toContain("Check 3 of");
    expect(btn).not.toContain("0199");
    // A PIN given at the account-number check answers nothing: asked again, with the same advice.
    const pin = await turn("the PIN is 4821");
    expect(pin).toContain("No need to type numbers, PINs or account numbers here");
    expect(asked(pin)).toContain("Check 3 of");
    expect(pin).not.toContain("4821");
    expect(bot.logs.join("\n")).not.toMatch(/0199|4821/);
  });
});

describe("a customer correcting a diagnosis answer a few questions later", () => {
  it("clears that answer and asks it again, rather than reading the correction as a rejection story", async () => {
    const turn = customer();
    await turn("my port was rejected");
    await turn("port in");
    expect(await turn("not sure")).toContain("Is the address on the port request a PO box?");
    await turn("yes");
    const corrected = await turn("wait, I was wrong about the PO box, it's not a PO box");
    expect(corrected).toContain("changing an earlier answer");
    expect(corrected).not.toContain("I've read the notice");
    expect(corrected).toContain("Is the address on the port request a PO box?");
  });
});
