import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stem, tokenize } from "../../src/answer/normalize.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { compileRejectionReader, recognizeNotice } from "../../src/diagnosis/notice.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir, projectRoot } from "../../src/paths.js";
import { TODAY } from "./drive.js";

let base: KnowledgeBase;
let kb: DiagnosisKnowledge;
beforeAll(async () => {
  base = await loadKnowledgeBase(knowledgeDir({}));
  kb = diagnosisKnowledge(base, TODAY);
});

const first = (text: string) => kb.reader.read(text).causes[0]?.cause.id;

describe("reading a carrier's notice", () => {
  it.each([
    ["BTN does not match", "incorrect-billing-telephone-number-btn"],
    ["btn doesnt match", "incorrect-billing-telephone-number-btn"],
    ["Jeopardy: Invalid BTN", "incorrect-billing-telephone-number-btn"],
    ["billing telephone number is WRONG", "incorrect-billing-telephone-number-btn"],
    ["Account number invalid", "account-number-reseller-mismatch"],
    ["ACCT # DOESNT MATCH", "account-number-reseller-mismatch"],
    ["invalid acct no.", "account-number-reseller-mismatch"],
    ["RJCT 4F - CUST ADDR DOES NOT AGREE W/ CSR", "rejection-for-mismatch-information"],
    ["mismatch: end user name", "rejection-for-mismatch-information"],
    ["ERR 12: hunt group, members would be stranded", "hunt-members-stranded-services"],
    ["TN not in service", "disconnected-inactive-numbers"],
    ["account frozen - service order pending", "freeze-on-the-account-pending-order"],
    ["SMS approval not received in time", "rejection-for-sms-not-answered"],
  ])("%s → %s, whatever the word order, case, contractions and abbreviations", (notice, id) => {
    expect(first(notice)).toBe(id);
  });

  it("a PIN refused on an LSR (a port-in order) is the losing account's PIN, not the port-out article", () => {
    const reading = kb.reader.read("LSR reject - PIN invalid");
    expect(reading.direction).toBe("in");
    expect(reading.causes[0]!.cause.id).toBe("account-number-reseller-mismatch");
  });

  it("a PIN refused on the way to another carrier is the port-out cause", () => {
    const reading = kb.reader.read("Your transfer to T-Mobile was rejected: PIN required");
    expect(reading.direction).toBe("out");
    expect(reading.causes[0]!.cause.id).toBe("port-out-rejection-for-pin");
  });

  it("the direction the caller knows removes the causes of the other direction", () => {
    const ids = kb.reader.read("PIN invalid", { direction: "out" }).causes.map((c) => c.cause.id);
    expect(ids).toEqual(["port-out-rejection-for-pin"]);
  });

  it("prefers the cause whose pattern holds another's ('disconnect order' over 'disconnected')", () => {
    expect(first("rejected: open disconnect order on the account")).toBe("freeze-on-the-account-pending-order");
  });

  it.each([
    "LSR returned: the due date requested is a weekend",
    "Reject 12Q: PON must be unique per request",
    "System outage at the losing carrier, please resend tomorrow",
    "what is a BTN",
    "how long does a port take?",
    "the old company never told me anything",
    "I got a text from you saying the port is scheduled",
    "I need to port my fax line",
    "my new carrier says the port is rejected, please help",
    "the port to Verizon was rejected twice",
  ])("names no cause for a text that names none: %s", (text) => {
    expect(kb.reader.read(text).causes).toEqual([]);
  });

  it("ranks causes with scores between 0 and 1, best first", () => {
    const causes = kb.reader.read("Rejected: BTN mismatch and address mismatch").causes;
    const named = causes.filter((c) => c.via === "notice");
    expect(named.map((c) => c.cause.id).sort()).toEqual(["incorrect-billing-telephone-number-btn", "rejection-for-mismatch-information"]);
    for (const c of named) expect(c.score).toBeGreaterThan(0.6);
    for (const c of causes) expect(c.score).toBeLessThanOrEqual(1);
    for (let i = 1; i < causes.length; i++) expect(causes[i - 1]!.score).toBeGreaterThanOrEqual(causes[i]!.score);
    expect(causes.slice(0, 2)).toEqual(named);
  });
});

describe("reading a customer's story", () => {
  it.each([
    ["I put a PO box as our address on the port form", "rejection-for-mismatch-information"],
    ["I never answered the text message the carrier sent to approve it", "rejection-for-sms-not-answered"],
    ["we already cancelled the service with the old company", "disconnected-inactive-numbers"],
    ["I'm moving my number away from voip.ms and the new carrier wants a PIN", "port-out-rejection-for-pin"],
    ["I copied the address straight from the bill, not from the service record", "rejection-for-mismatch-information"],
    ["we're keeping our DSL with the phone company and moving only the voice line", "partial-port"],
    ["I called off the port with my old provider", "more-recent-authorization"],
    ["the acount numbr on my bil isnt what the reseler has", "account-number-reseller-mismatch"],
  ])("%s → %s", (story, id) => {
    const reading = kb.reader.read(story);
    expect(reading.kind).toBe("story");
    expect(reading.causes[0]?.cause.id).toBe(id);
  });

  it("corrects a customer's typos only with the knowledge base's speller", () => {
    expect(kb.reader.read("the acount numbr on my bil isnt what the reseler has").causes[0]?.cause.id).toBe("account-number-reseller-mismatch");
    expect(compileRejectionReader(kb.causes, base.vocabulary).read("the acount numbr on my bil isnt what the reseler has").causes).toEqual([]);
  });

  it("a story example does not point to its cause through one rare word or through 'rejected' alone", () => {
    expect(kb.reader.read("I have a question about my BTN").causes).toEqual([]);
    expect(kb.reader.read("my new mobile carrier rejected the port").causes).toEqual([]);
  });

  it("a lone 'J' is an initial in a notice, while French 'j'' tells a story", () => {
    expect(kb.reader.read("REJECT: END USER NAME J SMITH DOES NOT MATCH CSR").kind).toBe("notice");
    expect(kb.reader.read("j'ai envoyé la demande et elle a été rejetée, le nom ne correspond pas").kind).toBe("story");
  });

  it("a story naming no cause is rejection talk with no cause", () => {
    const reading = kb.reader.read("my port was rejected, what now?");
    expect(reading).toMatchObject({ rejection: true, kind: "story", causes: [] });
  });
});

describe("rejection talk", () => {
  it.each(["Mi portabilidad fue rechazada, ¿qué hago?", "mon transfert de numéro a été refusé", "😡😡😡 my port failed", "the port didn't go through", "Jeopardy on my order"])(
    "%s is about a rejected port",
    (text) => {
      expect(kb.reader.read(text).rejection).toBe(true);
    },
  );

  it.each(["how much does a port cost?", "I want to talk to a human", "what is a CSR"])("%s is not", (text) => {
    expect(kb.reader.read(text).rejection).toBe(false);
  });
});

describe("recognizeNotice", () => {
  it("gives the causes with the pattern or story that matched, from the knowledge or from bare causes", () => {
    const found = recognizeNotice(kb, "Rejected - BTN mismatch");
    expect(found[0]).toMatchObject({ cause: { id: "incorrect-billing-telephone-number-btn" }, pattern: "BTN mismatch" });
    expect(recognizeNotice(kb.causes, "Rejected - BTN mismatch")[0]?.cause.id).toBe("incorrect-billing-telephone-number-btn");
  });

  it("a reader over no causes names none", () => {
    expect(compileRejectionReader([]).read("BTN mismatch").causes).toEqual([]);
  });
});

describe("the patterns and stories in the knowledge base", () => {
  it("every pattern holds a word that tells its cause apart (not only words most causes use)", () => {
    const reader = compileRejectionReader(kb.causes, base.vocabulary);
    for (const cause of kb.causes) {
      for (const pattern of cause.diagnosis.notice_patterns) {
        const found = reader.read(`Rejected - ${pattern}`).causes.map((c) => c.cause.id);
        expect(found, `${cause.id}: "${pattern}"`).toContain(cause.id);
        expect(found.length, `${cause.id}: "${pattern}" names ${found.join(", ")}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it("no story example or pattern copies or nearly copies a line of a diagnosis evaluation set", () => {
    const root = projectRoot();
    const sets = [join(root, "..", "shared", "eval", "diagnosis-dev.jsonl"), ...readdirSync(join(root, "eval")).filter((f) => /diagnosis.*\.jsonl$/.test(f)).map((f) => join(root, "eval", f))];
    const words = (text: string) => new Set(tokenize(text).map(stem));
    const lines = sets.flatMap((file) => readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => words((JSON.parse(l) as { text: string }).text)));
    expect(lines.length).toBeGreaterThan(20);
    const copies: string[] = [];
    for (const cause of kb.causes) {
      for (const example of [...cause.diagnosis.stories, ...cause.diagnosis.notice_patterns]) {
        const own = words(example);
        for (const line of lines) {
          const shared = [...own].filter((w) => line.has(w)).length;
          if (shared / (own.size + line.size - shared) >= 0.5) copies.push(`${cause.id}: "${example}"`);
        }
      }
    }
    expect(copies).toEqual([]);
  });
});

describe("carrier wording and customers' indirect words", () => {
  it.each([
    ["SUPP REQ: BTN FIELD BLANK", "incorrect-billing-telephone-number-btn"],
    ["why was my port rejected for the BTN?", "incorrect-billing-telephone-number-btn"],
    ["Jeopardy - end user withdrew auth", "more-recent-authorization"],
    ["LSR REJ: TN is in a hunting sequence", "hunt-members-stranded-services"],
    ["Rejected for the address", "rejection-for-mismatch-information"],
    ["ADDRESS VALIDATION FAILED", "rejection-for-mismatch-information"],
    ["Reject: ATN not valid", "incorrect-billing-telephone-number-btn"],
    ["Invalid billing tel no.", "incorrect-billing-telephone-number-btn"],
    ["acct # req'd", "account-number-reseller-mismatch"],
    ["Rechazo: el numero de cuenta no coincide", "account-number-reseller-mismatch"],
    ["NUMBER VACANT", "disconnected-inactive-numbers"],
    ["TN is MLH pilot", "hunt-members-stranded-services"],
    ["Reject: every TN on the BAN must port or be disconnected", "partial-port"],
    ["Port-in declined: customer did not validate via SMS", "rejection-for-sms-not-answered"],
  ])("the notice '%s' names %s", (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each([
    ["calls hop to the next phone when the first is busy and the carrier turned us down", "hunt-members-stranded-services"],
    ["we asked them to add caller id a day before the port", "freeze-on-the-account-pending-order"],
    ["a plan change was not finished when we asked you to move the number", "freeze-on-the-account-pending-order"],
    ["the line belongs to my mother and I put my name", "rejection-for-mismatch-information"],
    ["they said the name on the account doesn't match what I sent", "rejection-for-mismatch-information"],
    ["our old provider closed the account already", "disconnected-inactive-numbers"],
    ["the number got turned off before you could port it", "disconnected-inactive-numbers"],
    ["our service comes from a company that rents lines from a bigger carrier and they say the account is wrong", "account-number-reseller-mismatch"],
    // "another provider" and "a second company" are one other carrier, so the example "signed up with a second company" covers it.
    ["my sister also signed me up with another provider the same week", "more-recent-authorization"],
  ])("the story '%s' points to %s", (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each([
    ["our burglar alarm panel dials out over that number and the old carrier would not let it go", "hunt-members-stranded-services"],
    ["I had a repair ticket open with them for the line", "freeze-on-the-account-pending-order"],
  ])("a story no example covers points to the cause whose own words it shares most: %s", (text, id) => {
    const found = kb.reader.read(text).causes[0]!;
    expect(found.cause.id).toBe(id);
    expect(found.via).toBe("story");
    expect(found.score).toBeLessThan(0.5);
  });

  it("a validation that failed for want of an SMS reply is no port-out ('port … to SMS')", () => {
    expect(kb.reader.read("Port validation failed: customer did not reply to SMS").direction).toBeUndefined();
  });

  it("a story sharing only words about the port itself (new carrier, mobile) points to no cause", () => {
    expect(kb.reader.read("my new mobile carrier turned the port down").causes).toEqual([]);
  });
});

describe("notices about the port request itself, or about something else", () => {
  it.each([
    "LSR status: order received, pending FOC",
    "Your transfer is on hold while the losing carrier looks at it",
    "Port still in progress, no changes to the account please",
    "Account verification pending for your port request",
    "my port has been stuck for three weeks now",
    "The old line will be cancelled when the port completes",
    "We'll text you once the transfer is complete",
    "Voicemail PIN reset successfully",
    "The password for your online account has changed",
    "Account locked out after five failed sign-ins",
    "Your temporary PIN has been texted to you",
    "The hunt group will be set up again on the new platform",
    "Lines left on the account will stay in service",
  ])("'%s' names no cause", (text) => {
    expect(kb.reader.read(text).causes).toEqual([]);
  });

  it.each([
    ["my port has been on hold since they found an open order on my account", "freeze-on-the-account-pending-order"],
    ["while the port was in progress I changed my plan with them", "freeze-on-the-account-pending-order"],
    ["Billing TN not valid for this account", "incorrect-billing-telephone-number-btn"],
    ["Reject: BTN will not match the CSR", "incorrect-billing-telephone-number-btn"],
    ["ACCOUNT NAME WON'T MATCH", "rejection-for-mismatch-information"],
    ["the old carrier wants the PIN for my account before it lets the port in", "account-number-reseller-mismatch"],
  ])("a cause told beside the request's state is still read: '%s' names %s", (text, id) => {
    expect(first(text)).toBe(id);
  });
});

describe("notices reporting a confirmed detail, a step done or a bounced e-mail", () => {
  it.each([
    "Port-out PIN validated, request sent on to the new provider",
    "Billing number confirmed; FOC set for 01/12, nothing further needed",
    "The customer's SMS approval was received; porting continues",
    "Open order closed out by the old carrier, FOC reissued",
    "Address checked against the CSR and validated",
    "Hunt group rebuilt after activation, every member rings",
    "Reminder: please keep your current service until the port date",
    "The account number was updated per your supplement",
    "El PIN fue verificado, la portabilidad continúa",
    "Undeliverable: mailbox full for the porting desk",
    "Delivery to the following recipient failed permanently: address not found",
    "Ticket 4410 - Status: Closed - numbers ported on 03/02, calls working",
    "here's my PIN: 7310, and the line is 438 555 0142",
    "my port out pin is [pin]",
  ])("'%s' names no cause", (text) => {
    expect(kb.reader.read(text).causes).toEqual([]);
  });

  it.each([
    ["Received: a newer LOA for this TN from another provider; your FOC is cancelled", "more-recent-authorization"],
    ["Order held: a pending feature change on the account must be completed first", "freeze-on-the-account-pending-order"],
    ["Reject - BTN confirmed by the customer does not match the CSR", "incorrect-billing-telephone-number-btn"],
    ["my phone was off all day and I never saw the approval text", "rejection-for-sms-not-answered"],
  ])("a cause told beside a confirmation is still read: '%s' names %s", (text, id) => {
    expect(first(text)).toBe(id);
  });

  it("a PIN given with its value and said to be wrong still names the PIN causes", () => {
    const causes = kb.reader.read("the PIN is 7310 but the carrier says it is not the right one").causes.map((c) => c.cause.id);
    expect(causes.slice(0, 2)).toContain("port-out-rejection-for-pin");
  });
});

describe("French and Spanish wording, and causes told indirectly", () => {
  it.each([
    ["Refusé : ce numéro est dans un groupe de recherche avec d'autres lignes", "hunt-members-stranded-services"],
    ["J'ai laissé le forfait expirer et le transfert a été refusé", "disconnected-inactive-numbers"],
    ["Cancelaron la portabilidad porque mi hermano pidió el cambio a otra compañía después de mí", "more-recent-authorization"],
    ["I got a text to confirm the port, deleted it thinking it was spam, and the port was rejected", "rejection-for-sms-not-answered"],
  ])("'%s' names %s", (text, id) => {
    expect(first(text)).toBe(id);
  });

  it("a later date asked for is no newer request", () => {
    expect(first("Port rejected: pick a later due date, the one asked for is inside the interval")).toBeUndefined();
  });
});

describe("general questions and trouble after a port", () => {
  it.each(["what is a hunt group", "what's a partial port?", "is a PO box allowed as the address?", "how do I find my BTN"])(
    "the question '%s' is no rejection and names no cause, so it reaches the answer engine",
    (text) => {
      expect(kb.reader.read(text)).toMatchObject({ rejection: false, causes: [] });
    },
  );

  it("a question about the customer's own rejection still names its cause", () => {
    expect(first("the old company says my account has an open order, is that why it failed?")).toBe("freeze-on-the-account-pending-order");
  });

  it.each(["my number still isn't working with you after the port", "calls stopped coming in since the port was completed", "since we ported the number to you nobody can reach us"])(
    "'%s' is a problem after the port, not a rejection",
    (text) => {
      expect(kb.reader.read(text)).toMatchObject({ rejection: false, causes: [] });
    },
  );

  it("what happened before the port finished is still read as a cause", () => {
    expect(first("we shut off the old service before the transfer was done")).toBe("disconnected-inactive-numbers");
  });
});

describe("direction and ranking", () => {
  it.each(["bring my number over", "can you bring our numbers in", "you tried to port my number"])("'%s' is a port-in", (text) => {
    expect(kb.reader.read(text).direction).toBe("in");
  });

  it("a PIN refused while bringing the number over is the losing account's PIN, with the port-out cause behind it", () => {
    const ids = kb.reader.read("Sprint rejected it, the PIN was wrong when you tried to bring my number over").causes.map((c) => c.cause.id);
    expect(ids[0]).toBe("account-number-reseller-mismatch");
    expect(ids).toContain("port-out-rejection-for-pin");
  });

  it("ranks up to three causes: those the text names first, then the causes closest in words, scored lower", () => {
    const causes = kb.reader.read("Jeopardy - end user withdrew auth").causes;
    expect(causes.length).toBeGreaterThan(1);
    expect(causes.length).toBeLessThanOrEqual(3);
    expect(causes[0]!.via).toBe("notice");
    for (const c of causes.slice(1)) {
      expect(c.via).toBe("related");
      expect(c.score).toBeLessThan(causes[0]!.score / 2);
    }
  });

  it("a text naming no cause gets no related ones either", () => {
    expect(kb.reader.read("Reject 12Q: PON must be unique per request").causes).toEqual([]);
  });
});

describe("rejections whose stated reason the knowledge lists no cause for, told in a cause's words", () => {
  it.each([
    "REJ: customer still within the 24-month contract term, early cancellation fee applies",
    "Port denied - port protection is active on this line, customer must remove it",
    "Reject: SIM lock enabled on the mobile account",
    "Rejected, LSR routed to an incorrect provider for this NPA-NXX",
    "Reject - text enabled toll-free number, release the texting first",
    "Port order rejected. To learn more, raise a ticket with our desk.",
    "my transfer got refused and the agent wouldn't tell me why",
    "rejected again and there was no reason given at all",
  ])("'%s' names no cause", (text) => {
    expect(kb.reader.read(text).causes).toEqual([]);
  });
});

describe("causes told in other words, in French and in Spanish", () => {
  it.each([
    ["Reject: no active service found for this TN", "disconnected-inactive-numbers"],
    ["we had them switch the old line off last spring and now the transfer is refused", "disconnected-inactive-numbers"],
    ["we let the bills on that line slide for months and the port got rejected", "disconnected-inactive-numbers"],
    ["Rechazado: el número ya no está activo con el operador", "disconnected-inactive-numbers"],
    ["Refusé : numéro de compte non valide", "account-number-reseller-mismatch"],
    ["Rechazo: hay una orden de cambio todavía abierta en la cuenta", "freeze-on-the-account-pending-order"],
    ["the old company was still moving our phones to the new house when the port was refused", "freeze-on-the-account-pending-order"],
    ["calls go through to the warehouse extension when it's busy and the port came back over the group", "hunt-members-stranded-services"],
    ["Rejected: reassign the numbers not ported off this account first", "partial-port"],
    ["Rechazo: todos los números de la cuenta deben ser portados o dados de baja", "partial-port"],
    ["Refus : une autorisation plus récente a été reçue", "more-recent-authorization"],
    ["we went with Bell first and only then asked you, and your port was denied", "more-recent-authorization"],
    ["rejected - the line the entire account is billed under is not the one on the order", "incorrect-billing-telephone-number-btn"],
    ["Port refusé, j'avais écrit bd au lieu de boulevard", "abbreviations"],
  ])("'%s' names %s", (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each(["me cambio a Telcel y me piden un NIP para la portabilidad", "nous partons chez Fizz et ils demandent un NIP"])("'%s' leaves for another provider: a port-out", (text) => {
    expect(kb.reader.read(text).direction).toBe("out");
    expect(first(text)).toBe("port-out-rejection-for-pin");
  });
});
