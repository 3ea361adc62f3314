import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

const TODAY = "2026-03-05";
let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const intent = (text: string) => reader.read(text, { today: TODAY }).intent;

describe("what a message asks for", () => {
  it.each([
    ["My port was rejected", "diagnosis"],
    ["why was my port rejected?", "diagnosis"],
    ["our port request got rejected again", "diagnosis"],
    ["Rejected - BTN mismatch", "diagnosis"],
    ["LSR rejected: address does not match CSR", "diagnosis"],
    ["LSR reject - PIN invalid", "diagnosis"],
    ["actually never mind the price, my port got rejected", "diagnosis"],
    ["Your port request PON 88812 for the telephone number(s) 514-555-0199 has been REJECTED.\nReason: ACCOUNT NUMBER INVALID. Please correct and resubmit within 7 days or call 1-800-555-0100.", "diagnosis"],
    ["😡😡😡 my port failed", "diagnosis"],
    ["my port got rejectd", "diagnosis"],
    ["Mi portabilidad fue rechazada, ¿qué hago?", "diagnosis"],
    ["Ma demande de portage a été rejetée", "diagnosis"],
    ["Diagnose my rejection", "diagnosis"],
    ["Sprint rejected my port, the PIN was wrong when you tried to bring my number over", "diagnosis"],
    ["they turned down the port because of the address", "diagnosis"],
    ["we thought the port was done and now it got rejected", "diagnosis"],
    ["Reject: desired due date falls on a weekend", "diagnosis"],
    ["my port got rejected last friday, how long do I have to fix it?", "diagnosis"],
    ["check before I port", "checklist"],
    ["I'd like to port my number", "checklist"],
    ["Hi, I'd like to make sure my port won't get rejected before I send it in", "checklist"],
    ["I don't want my port to get rejected", "checklist"],
    ["je ne veux pas que mon portage soit rejeté", "checklist"],
    ["my port wasn't rejected, it's stuck", "question"],
    ["our transfers weren't rejected, nothing is happening", "question"],
    ["no idea why my port was rejected", "diagnosis"],
    ["I don't know why my port was rejected", "diagnosis"],
    ["Quiero verificar mi portabilidad antes de enviarla", "checklist"],
    ["je veux vérifier ma portabilité avant de l'envoyer", "checklist"],
    ["Fees and timing", "estimate"],
    ["Another estimate", "estimate"],
    ["Estimate my fees and dates", "estimate"],
    ["how much to port 3 fax numbers and 2 toll free", "estimate"],
    ["how long for a canadian cell number", "estimate"],
    ["how much to port a French mobile number", "estimate"],
    ["porting a single Japanese fax number, cost?", "estimate"],
    ["how much if my port gets rejected twice and I have 4 toll free US numbers", "estimate"],
    ["Combien coûte le transfert de 3 numéros de fax au Québec ?", "estimate"],
    ["¿Cuánto cuesta portar 2 números móviles de Miami?", "estimate"],
    ["whats the damage for a couple of cellphones from Phoenix?", "estimate"],
    ["ETA for 2 DIDs in Toronto if we file tmrw?", "estimate"],
    ["what would it run me to port three toll-free lines from the states", "estimate"],
    ["Rush job please: 1 cell in Honolulu, ballpark?", "estimate"],
    ["how soon could 4 landlines in Ohio be ported, sending monday", "estimate"],
    ["is it free to port 3 DIDs from Texas", "estimate"],
    ["I'd like to know the fees to transfer 6 lines from Rogers in Ottawa", "estimate"],
    ["what's the timing for 3 cells in Ohio", "estimate"],
    ["c'est gratuit pour 2 lignes fixes à Montréal?", "estimate"],
    ["¿es gratis portar 2 celulares de Texas?", "estimate"],
    ["I want to talk to a human", "person"],
    ["THIS IS RIDICULOUS. WHO DO I TALK TO", "person"],
    ["can i speak with a real person pls", "person"],
    ["je veux parler à un humain", "person"],
    ["quiero hablar con una persona", "person"],
    ["agent", "person"],
  ])("'%s' asks for %s", (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it.each([
    "what happens if my port is rejected",
    "how much does it cost to port a number",
    "how long does a port take",
    "how long does it take to port a fax number",
    "can a port be rejected for the PIN?",
    "what does check before you port mean in the rejection article",
    "what should I do so my port doesn't get rejected",
    "wait, what is a BTN anyway?",
    "hi, how long does a port take",
    "how do I cancel my port",
    "my agent said the port is done",
    "old carrier charges a port out fee and 30 day notice",
    "how much to port out my number to another carrier",
    "combien coûte le transfert de mon numéro",
    "¿cuánto tiempo tarda la portabilidad de mi número?",
    "what is a hunt group",
    "my number still isn't working with you after the port",
    "how much if the carrier rejects my port twice",
  ])("'%s' is a question for the answer engine", (text) => {
    expect(intent(text)).toBe("question");
  });

  it.each([
    ["help", "help"],
    ["?", "help"],
    ["MENU", "menu"],
    ["Hello!", "greeting"],
    ["Bonjour", "greeting"],
    ["¡Hola!", "greeting"],
    ["start over", "start-over"],
    ["Cancel.", "cancel"],
    ["pls cancel this", "cancel"],
    ["never mind", "cancel"],
    ["cancle", "cancel"],
    ["mneu", "menu"],
    ["hlep", "help"],
    ["sotp", "cancel"],
    ["forget it", "cancel"],
    ["stop asking me", "cancel"],
    ["enough questions!", "cancel"],
    ["I don't know", "acknowledgement"],
    ["je ne sais pas", "acknowledgement"],
    ["annuler", "cancel"],
    ["Ask a question", "ask"],
    ["thanks!", "thanks"],
    ["ok thx", "thanks"],
    ["muchas gracias", "thanks"],
    ["ok bye", "thanks"],
    ["goodbye", "thanks"],
    ["au revoir", "thanks"],
    ["ok", "acknowledgement"],
    ["got it", "acknowledgement"],
    ["nah", "acknowledgement"],
    ["dunno", "acknowledgement"],
    ["no sé", "acknowledgement"],
  ])("'%s' is the command or courtesy %s", (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it.each(["fiev", "on", "form", "step"])("'%s' is no command: only a swap of two letters in a word of four or more is forgiven", (text) => {
    expect(intent(text)).toBe("question");
  });

  it("reads 'je veux parler à quelqu'un' with its apostrophe as asking for a person", () => {
    expect(intent("je veux parler à quelqu'un")).toBe("person");
  });

  it("reads a count alone as a count, not as a courtesy", () => {
    const five = reader.read("five", { today: TODAY });
    expect(five.intent).toBe("question");
    expect(five.facts.count).toBe(5);
  });
});

describe("orders told rather than asked", () => {
  const MONDAY = "2026-11-30";
  const on = (text: string) => reader.read(text, { today: MONDAY }).intent;

  it.each([
    "we need to move 6 lines from Bell in Toronto, submitting Monday",
    "Switching 4 office lines over from Rogers in Mississauga, we'll send the LOA thursday",
    "3 local numbers from Ohio, submitting Friday",
    "need to port our 2 toll free numbers, we're in Nova Scotia, rushing it",
    "port 50 DIDs from Montreal, rush please, submitting monday",
    "Moncton office line, 1 number, rushed, we submit wednesday",
    "3 fax lines out of Winnipeg going in next tuesday, we expect a rejection since the old bills are a mess",
    "porting 2 DIDs from Reno, if we submit on new year's day will it be delayed",
  ])("'%s' is an estimate request", (text) => {
    expect(on(text)).toBe("estimate");
  });

  it.each([
    ["I got a FOC date, can I cancel the port?", "question"],
    ["I got a FOC date for my 3 numbers, can I cancel the port?", "question"],
    ["we submitted 3 numbers on monday", "question"],
    ["ok i signed up, now how do i get my old comcast number onto this account", "question"],
    ["halfway through the port my old provider killed my line, is my number with you now?", "question"],
    ["can we port 6 lines from Bell in Toronto on Monday?", "question"],
    ["our 3 numbers were rejected, resubmitting monday", "diagnosis"],
    ["porting out 4 numbers to Telus on friday", "question"],
    ["my cell was off when the approval text came in the evening, now the transfer is rejected", "diagnosis"],
    ["L'opérateur dit que le numéro de compte est invalide", "question"],
  ])("'%s' is no order told: %s", (text, expected) => {
    expect(on(text)).toBe(expected);
  });
});

