import { beforeAll, describe, expect, it } from "vitest";
import { normalize } from "../../src/answer/normalize.js";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { rewriteNoticeWords } from "../../src/diagnosis/notice-words.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { drive, TODAY } from "./drive.js";

let kb: DiagnosisKnowledge;
beforeAll(async () => {
  kb = diagnosisKnowledge(await loadKnowledgeBase(knowledgeDir({})), TODAY);
});

const ids = (text: string) => kb.reader.read(text).causes.map((c) => c.cause.id);
const words = (text: string) => rewriteNoticeWords(normalize(text));

describe("counts in a story", () => {
  it.each(["we are porting 3 of our 8 lines", "only two of my four numbers are moving", "1 out of the 6 phone numbers comes over"])(
    "fewer numbers than the account holds is a partial port: %s",
    (text) => {
      expect(words(text)).toContain("partial port");
      expect(ids(text)[0]).toBe("partial-port");
    },
  );

  it.each(["all 4 of our 4 lines are moving", "5 of our 3 lines"])("a count that is not a part names no partial port: %s", (text) => {
    expect(words(text)).not.toContain("partial port");
  });

  it("French and Spanish counts read the same way", () => {
    expect(words("on transfère 2 de nos 5 lignes")).toContain("partial port");
    expect(words("portamos 1 de nuestras 3 lineas")).toContain("partial port");
  });
});

describe("stories in plain words", () => {
  it.each([
    ["I had them schedule the disconnect of my old line for the end of next month", "freeze-on-the-account-pending-order"],
    ["we quit paying that bill in March", "disconnected-inactive-numbers"],
    ["the prepaid balance expired weeks ago", "disconnected-inactive-numbers"],
    ["we downgraded our package with them the day before", "freeze-on-the-account-pending-order"],
    ["the phone contract is under my uncle's name and I signed the form", "rejection-for-mismatch-information"],
  ])("%s → %s", (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });

  it("a number the customer no longer holds points to both an inactive number and another account holder", () => {
    const found = ids("this number is not mine anymore but I need it back");
    expect(found).toContain("disconnected-inactive-numbers");
    expect(found).toContain("rejection-for-mismatch-information");
  });

  it("an expired reply window is still the SMS, not a lapsed plan", () => {
    expect(ids("port request expired, the subscriber never answered the text")[0]).toBe("rejection-for-sms-not-answered");
  });
});

describe("French and Spanish stories", () => {
  it("French 'on' is a story teller's 'we'", () => {
    expect(kb.reader.read("on garde la télé chez l'ancien fournisseur").kind).toBe("story");
    expect(kb.reader.read("port rejected on 5/12").kind).toBe("notice");
  });

  it.each([
    ["nunca contestamos el mensaje de texto del operador", "rejection-for-sms-not-answered"],
    ["nous n'avons pas répondu au texto de l'ancien fournisseur", "rejection-for-sms-not-answered"],
    ["le numéro principal de facturation que j'ai mis est erroné", "incorrect-billing-telephone-number-btn"],
  ])("%s → %s", (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });
});

describe("the causes ranked behind the first", () => {
  it("a notice naming one cause still ranks three, the ones behind it scored far lower", () => {
    const causes = kb.reader.read("REJECT: MORE RECENT AUTHORIZATION ON FILE").causes;
    expect(causes).toHaveLength(3);
    for (const c of causes.slice(1)) expect(c.score).toBeLessThan(causes[0]!.score / 2);
  });

  it("behind a port-in cause, only port-in causes: a port-in notice never asks port in or out", () => {
    const causes = kb.reader.read("Partial port: remaining lines on account").causes;
    expect(causes[0]!.cause.id).toBe("partial-port");
    for (const c of causes) expect(c.cause.diagnosis.when?.directions ?? ["in"]).toContain("in");
  });

  it("the first cause's neighbours in the knowledge come before other common causes", () => {
    const causes = kb.reader.read("Reject: hunt group pilot").causes;
    expect(causes[0]!.cause.id).toBe("hunt-members-stranded-services");
    const neighbours = causes.filter((c) => c.via === "neighbour").map((c) => c.cause.id);
    if (neighbours.length) expect(neighbours[0]).toBe("partial-port");
    expect(causes.map((c) => c.cause.id)).toContain("partial-port");
  });

  it("a text naming no cause gets no neighbours", () => {
    expect(ids("LSR REJECT 44: PON format not accepted")).toEqual([]);
  });

  it("neighbours are not put to the customer one by one: the causes offered to confirm are those the text names", () => {
    const text = "Rejected - BTN mismatch";
    const neighbours = kb.reader.read(text).causes.filter((c) => c.via === "neighbour").map((c) => c.cause.id);
    expect(neighbours.length).toBeGreaterThan(0);
    const [first] = drive(kb, [], text).steps;
    if (first?.kind !== "confirm") throw new Error(`expected a confirmation, got ${first?.kind}`);
    for (const id of neighbours) expect(first.ranked).not.toContain(id);
  });
});

describe("the people on the account", () => {
  it.each([
    "rejected because I'm not the account owner",
    "the number belonged to my late husband",
    "ACCOUNT HOLDER DOES NOT MATCH",
  ])("%s → rejection-for-mismatch-information", (text) => {
    expect(ids(text)[0]).toBe("rejection-for-mismatch-information");
  });

  it("asking who the account holder is names no cause", () => {
    expect(ids("who is the account holder?")).toEqual([]);
  });
});

describe("a notice wrapped in an e-mail or a ticket", () => {
  it("'do not reply' boilerplate is no unanswered SMS", () => {
    const text = "FW: Port Order 88812 -- Status: REJECTED -- Remarks: Service address does not match CSR. This is an automated message, do not reply.";
    expect(ids(text)[0]).toBe("rejection-for-mismatch-information");
    expect(ids(text)).not.toContain("rejection-for-sms-not-answered");
  });

  it("an order or ticket number is no pending order, and 'Sent from my iPhone' no customer's story", () => {
    const reading = kb.reader.read("Re: port 4471 >> Ticket #5521: BTN invalid. Sent from my iPhone");
    expect(reading.kind).toBe("notice");
    expect(reading.causes[0]!.cause.id).toBe("incorrect-billing-telephone-number-btn");
    expect(words("Port Order 88812 rejected")).not.toMatch(/order/);
  });

  it("a customer who believed the port was through when cancelling the old line tells of a disconnect, not trouble after a port", () => {
    expect(ids("I cancelled my AT&T service yesterday thinking the port was done")[0]).toBe("disconnected-inactive-numbers");
  });

  it("a count of lines before and after: 'we have 4 numbers and we're bringing 2'", () => {
    expect(ids("my port was rejected, we have 4 numbers and we're bringing 2")[0]).toBe("partial-port");
    expect(words("we have 2 numbers and we are porting 2")).not.toContain("partial port");
  });
});

describe("a story that relays what the carrier said", () => {
  it.each([
    ["the losing carrier says a newer port request came in for that number", "more-recent-authorization"],
    ["according to the old provider the account behind the number is closed", "disconnected-inactive-numbers"],
    ["el operador dice que hay una orden pendiente en la cuenta", "freeze-on-the-account-pending-order"],
  ])("is read as a story, with the story threshold: %s", (text, id) => {
    const reading = kb.reader.read(text);
    expect(reading.kind).toBe("story");
    expect(reading.causes[0]?.cause.id).toBe(id);
  });

  it("a carrier's notice in its own wording stays a notice", () => {
    expect(kb.reader.read("REJECT: BTN mismatch on LSR").kind).toBe("notice");
  });

  it("relaying a notice that names no cause still gives none", () => {
    expect(kb.reader.read("the old carrier said it could not be processed and gave no reason").causes).toEqual([]);
  });
});

describe("plain words for a cause, in English, French and Spanish", () => {
  it.each([
    ["calls to the front desk go to extension 2 when nobody picks up", "rollover next"],
    ["the others stay with Rogers", "other lines staying"],
    ["les autres restent chez Vidéotron", "other lines staying"],
    ["je voulais changer de forfait", "change order"],
    ["llegó otra solicitud para ese número", "newer request"],
    ["una autorización más reciente", "newer"],
    ["me cortaron el servicio", "inactive"],
    ["ya no tengo servicio con Movistar", "service inactive"],
    ["I told them we were staying with them after all", "withdrawn the port"],
    ["we signed up with a second company", "othercarrier"],
    ["that number is the lead of our ring group", "hunt pilot group"],
  ])("%s reads as %s", (text, rewritten) => {
    expect(words(text)).toContain(rewritten);
  });

  it("lines left behind are part of a partial port, not stranded services", () => {
    expect(words("two lines would be left behind")).not.toContain("stranded");
  });

  it("telling the old carrier one stays points to a newer authorization, not to a partial port", () => {
    expect(ids("my brother told the old phone company we were staying")[0]).toBe("more-recent-authorization");
  });
});

describe("words about the request itself or the message carrying it", () => {
  it.each([
    "the carrier put our transfer on hold pending a manual review, nothing else",
    "we were told the submission was deemed incomplete, no detail given",
    "refus reçu, le message dit seulement erreur de traitement",
    "the error message says request could not be processed",
    "they pushed our date back four times and gave no reason",
  ])("names no cause: %s", (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe("more plain words for a cause", () => {
  it.each([
    ["the name on our order is not equal to the one they have", "rejection-for-mismatch-information"],
    ["the lines are listed in my landlord's name, not mine", "rejection-for-mismatch-information"],
    ["we keep the alarm line on the existing account and move only the office number", "partial-port"],
    ["a tech visit is booked with them next week to rewire the building", "freeze-on-the-account-pending-order"],
    ["their reply mentioned an open service order on the account", "freeze-on-the-account-pending-order"],
    ["the cable company started a port of the same number as well", "more-recent-authorization"],
    ["pusimos Avda. en lugar de avenida y lo rechazaron", "abbreviations"],
    ["LSR returned: pilot TN in hunt grp, remaining members not addressed", "hunt-members-stranded-services"],
    ["the front desk number overflows to 2 other lines and we only ported the front desk one, it got rejected", "hunt-members-stranded-services"],
    ["if the shop line is busy it rolls to the phones in the stockroom, and only the shop line was on the order", "hunt-members-stranded-services"],
    ["my business partner phoned Bell and asked them not to release the number, and the request was killed", "more-recent-authorization"],
  ])("%s → %s", (text, cause) => {
    expect(ids(text)[0]).toBe(cause);
  });

  it("a tie between a port-in and a port-out cause, with no direction in the text, goes to porting in", () => {
    expect(ids("my old prepaid phone needed a PIN and I did not put one")[0]).toBe("account-number-reseller-mismatch");
  });

  it("leaving for another carrier is a port out", () => {
    expect(ids("switching to another carrier and they say the PIN for my number with you is wrong")[0]).toBe("port-out-rejection-for-pin");
  });
});

describe("another carrier that got the number first", () => {
  it.each([
    "my daughter signed up with Freedom last month and they took the number over first",
    "we switched the shop line to another cable provider while your port sat there",
    "looks like the wireless company's transfer beat yours",
    "we put in duplicate port requests with two companies by mistake",
    "Rejected: subscriber has authorized another wireless carrier for this number",
    "I went elsewhere before the port was done",
    "our accountant phoned Bell and asked them to hold on to the line, now the port is rejected",
  ])("%s → a newer authorization", (text) => {
    expect(ids(text)[0]).toBe("more-recent-authorization");
  });

  it("a supplement or a later version of the request, or the requester's own latest request, names no cause", () => {
    for (const text of [
      "Order replaced by supplement 3",
      "LSR superseded by version 2; continue with the latest",
      "Rejected: your most recent request is missing the remarks",
      "please submit a new request once the issue is fixed",
    ]) {
      expect(ids(text), text).toEqual([]);
    }
  });

  it("an order sent to a different carrier still names no cause", () => {
    expect(ids("rejected: order sent to a different carrier, wrong SPID")).toEqual([]);
  });
});

describe("rival causes told apart", () => {
  it("services stranded on the remaining account are the hunt and stranded-services cause, not a partial port", () => {
    expect(words("would strand voicemail on the remaining account")).toContain("stranded account");
    expect(ids("REJ - port would strand the alarm and features on the remaining account")[0]).toBe("hunt-members-stranded-services");
  });

  it("an alarm on the line, and calls passed to the other phones when nobody answers, are a hunt group", () => {
    expect(ids("we were refused because the building's security alarm dials out on that number")[0]).toBe("hunt-members-stranded-services");
    expect(ids("calls ring through to our other desk phones if no one picks up, and the port was rejected")[0]).toBe("hunt-members-stranded-services");
  });

  it("a number back in the carrier's pool or in aging is disconnected, not a pending order", () => {
    expect(ids("Rejected: TN released to spare pool")[0]).toBe("disconnected-inactive-numbers");
    expect(ids("REJ: number in aging")[0]).toBe("disconnected-inactive-numbers");
  });

  it("a move of the service asked of the old provider is an order open on the account", () => {
    expect(ids("the port failed, we had asked them to relocate our lines to the new premises that week")[0]).toBe("freeze-on-the-account-pending-order");
  });

  it("a port-out PIN in a notice tells the direction: the port-out cause comes first", () => {
    const read = kb.reader.read("REJECTED - port-out PIN incorrect");
    expect(read.direction).toBe("out");
    expect(read.causes[0]?.cause.id).toBe("port-out-rejection-for-pin");
    expect(kb.reader.read("Outbound transfer declined: PIN missing").direction).toBe("out");
  });
});

describe("carrier wording for stranded members, open orders, addresses and wireless PINs", () => {
  it.each([
    ["REJ: hunt members would be left without the pilot at the OSP", "hunt-members-stranded-services"],
    ["Rejected: porting this TN would leave the alarm circuit with no working number", "hunt-members-stranded-services"],
    ["our port bounced, we had added a new line with them last week and it had not been installed yet", "freeze-on-the-account-pending-order"],
    ["Reject: acct number given is the wholesale provider's", "account-number-reseller-mismatch"],
    ["LSR REJ - street number not found on CSR", "rejection-for-mismatch-information"],
    ["the port failed because my sister moved the number onto her own mobile plan", "more-recent-authorization"],
    ["our new alarm company also submitted a request to port our line, and now yours is rejected", "more-recent-authorization"],
  ])("%s → %s", (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });

  it("a line that was not installed yet is an open order, not a detail ruled out", () => {
    expect(words("the line was not installed yet")).toContain("order pending");
  });

  it("the PIN of a wireless account is the losing account's: the port-in cause comes first", () => {
    const read = kb.reader.read("REJ - mobile account PIN incorrect");
    expect(read.direction).toBe("in");
    expect(read.causes[0]?.cause.id).toBe("account-number-reseller-mismatch");
  });

  it("the requester's own newer submission names no cause", () => {
    expect(ids("Rejected: your later request lacks the signed LOA")).toEqual([]);
  });
});

describe("notices whose words two causes share", () => {
  it.each([
    ["REJ: port would strand the DSL, which remains on the account", "hunt-members-stranded-services"],
    ["Rejected: TN is the hunt pilot, the other lines would lose their hunting", "hunt-members-stranded-services"],
    ["REJ: TN disconnected at customer's request last week", "disconnected-inactive-numbers"],
    ["Rejected - disconnect order completed 09/14, TN not portable", "disconnected-inactive-numbers"],
    ["Rejected: TN not working (terminated by subscriber before port)", "disconnected-inactive-numbers"],
    ["Rejected: other numbers on the account - keep or disconnect?", "partial-port"],
    ["REJ: street suffix on LSR does not match CSR", "abbreviations"],
    ["REJ: competing LSR for this TN received from another LSP", "more-recent-authorization"],
    ["the old carrier offered a better deal and we decided to stay, so the port was rejected", "more-recent-authorization"],
    ["I didn't notice the approval text until the next day and the port got rejected", "rejection-for-sms-not-answered"],
  ])("%s → %s", (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });

  it("a conflicting order on the account is still an open order, not another carrier", () => {
    expect(ids("Conflicting order: plan change in progress on the account, port cannot be processed")[0]).toBe("freeze-on-the-account-pending-order");
  });

  it("a request superseded by its own supplement names no cause; a cancellation that supersedes it still does", () => {
    expect(ids("Order superseded: new due date requested by supplement")).toEqual([]);
    expect(ids("Port superseded: the account holder cancelled the port with the losing carrier")[0]).toBe("more-recent-authorization");
  });

  it("a service cancelled by the customer is no newer authorization unless the port was cancelled", () => {
    expect(ids("Rejected: service cancelled by customer before port")[0]).toBe("disconnected-inactive-numbers");
  });
});

describe("newer authorizations told in other words", () => {
  it.each([
    "my partner moved our landline to her office's phone system the same week, and the port failed",
    "we had already signed with Vonage for that number, the port was rejected",
    "I asked both you and Lucky Mobile to bring the number over",
    "my brother undid the transfer with the old carrier behind my back",
    "Rejected: the losing carrier accepted a different carrier's port after yours",
  ])("%s → a newer authorization", (text) => {
    expect(ids(text)[0]).toBe("more-recent-authorization");
  });

  it("a newer or duplicate request from the requester itself names no cause", () => {
    expect(ids("Rejected: newer order from your company on file for this TN")).toEqual([]);
    expect(ids("Duplicate transfer request from the same SPID, rejected")).toEqual([]);
  });

  it("a typo or an address that is not where the line is, is a mismatch of information", () => {
    expect(ids("the port was refused, my last name is misspelled on their account")[0]).toBe("rejection-for-mismatch-information");
    expect(ids("rejected: the address on the request is not where the service is installed")[0]).toBe("rejection-for-mismatch-information");
  });
});

describe("more wordings of newer authorizations, open orders and abbreviations", () => {
  it.each([
    ["the old company says somebody else already requested that number, so our port was rejected", "more-recent-authorization"],
    ["my port was refused since I also had a pending port request with Vonage", "more-recent-authorization"],
    ["REJ: change in flight on the account", "freeze-on-the-account-pending-order"],
    ["Rejected: the request says 'E' where the CSR has 'East'", "abbreviations"],
    ["the port failed, the card machine at the till is tied to our main number", "hunt-members-stranded-services"],
  ])("%s → %s", (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });

  it("a fresher LOA asked for, or a later port date, names no newer authorization", () => {
    expect(ids("Rejected: updated LOA required, the one on file is older than 30 days")).toEqual([]);
    expect(ids("Rejected: end user asked for a later porting date")).toEqual([]);
  });

  it("the port order itself in flight is no order on the account", () => {
    expect(words("port order in flight")).not.toContain("pending order");
  });
});
