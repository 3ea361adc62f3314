import { beforeAll, describe, expect, it } from "vitest";
import { diagnosisKnowledge, type DiagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { TODAY } from "./drive.js";

let knowledge: DiagnosisKnowledge;
beforeAll(async () => {
  knowledge = diagnosisKnowledge(await loadKnowledgeBase(knowledgeDir({})), TODAY);
});

const causes = (text: string) => knowledge.reader.read(text).causes.map((c) => c.cause.id);

describe("a notice whose reason is outside every cause is given none", () => {
  it.each([
    "LSR REJ: CUSTOMER NAME FIELD CONTAINS INVALID CHARACTERS",
    "Rejected: invalid characters in address field",
    "Rejected: the remarks field exceeds 120 characters",
    "Rechazado: caracteres no permitidos en el campo de dirección",
    "REJ - ORDER ALREADY IN PROGRESS BY THE SAME NEW SERVICE PROVIDER",
    "Reject: duplicate order, a port for this number is already open with your company",
    "Rejected: e-mail address of the requester is missing",
    "Rejet : l'adresse courriel du demandeur est invalide",
    "Rechazado: formato de dirección no válido para el 911",
    "REJ: INVALID SERVICE ADDRESS FORMAT FOR E911 VALIDATION",
    "Rejected: customer must call to confirm the port, no answer at the callback number",
    "REJ: OLD SPID MISMATCH - TN BELONGS TO A DIFFERENT SERVICE PROVIDER",
    "Rejected: the LOA is more than 30 days old, please send a newer LOA",
    "Rejected: requested activity (change) not valid for a port-in order",
  ])("'%s' names no cause", (text) => {
    expect(causes(text)).toEqual([]);
  });

  it("an order still open with the customer's current provider is still the pending-order cause", () => {
    expect(causes("REJ: a change order is already in progress with your current provider")[0]).toBe("freeze-on-the-account-pending-order");
  });
});

describe("a pattern's words are said in one sentence of a notice", () => {
  it.each([
    "Customer name: John Smith. Reject reason: invalid PON",
    "Account number 55512. Reason: duplicate request, invalid",
    "End user name: JOHN SMITH; Address: 12 MAIN; Reject: due date invalid",
  ])("'%s' echoes the order's fields in one sentence and gives another reason: no cause", (text) => {
    expect(causes(text)).toEqual([]);
  });

  it.each([
    ["BTN: 5145550199 - invalid", "incorrect-billing-telephone-number-btn"],
    ["Rej code 6P - acct no. invalid for this customer", "account-number-reseller-mismatch"],
    ["REJ: SA ON LSR SHOWS 'RD'. CSR SHOWS 'ROAD'.", "abbreviations"],
    ["Reject: P.O. Box not accepted as service address. Resubmit.", "rejection-for-mismatch-information"],
  ])("'%s' still names %s: a label and its value, a short form's dot, words only the whole notice yields", (text, id) => {
    expect(causes(text)[0]).toBe(id);
  });
});

describe("details said to differ from the account's", () => {
  it.each([
    ["Address must match CSR exactly – no abbreviations", "abbreviations"],
    ["authorized name on LOA not on account", "rejection-for-mismatch-information"],
    ["Rejected: person authorizing the LOA is not listed on the account", "rejection-for-mismatch-information"],
    ["billing TN on LSR not billing TN of account", "incorrect-billing-telephone-number-btn"],
  ])("'%s' names %s", (text, id) => {
    expect(causes(text)[0]).toBe(id);
  });
});
