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

describe("a detail said to be fine or absent is no evidence for its cause", () => {
  it.each([
    "PIN accepted, BTN validated. Reject: requested due date falls on a weekend.",
    "No open orders on the account. Rejected: LOA not on letterhead.",
    "Account is active and in good standing; the port was rejected because the LSR was sent twice.",
    "We don't have a hunt group, and they still refused the port for a scanning problem",
    "Rollover group settings unchanged / rejected: too many numbers on one order",
    "Service address is a PO box for mail only, not a concern. Rejected: number type not eligible.",
    "Account PIN not required for this order type; rejected, see remarks",
    "no, ninguna orden pendiente",
    "ninguna orden pendiente",
    "Address checked, no abbreviations found. Rejected: LOA signature missing.",
    "non, aucune commande en attente",
  ])("'%s' names no cause", (text) => {
    expect(causes(text)).toEqual([]);
  });

  it.each([
    ["The BTN is correct. The end user address does not match the CSR.", "rejection-for-mismatch-information"],
    ["the name was right but the account number wasn't", "account-number-reseller-mismatch"],
    ["it's not the SMS, we replied straight away; they say the number is not in service", "disconnected-inactive-numbers"],
    ["no hunt group here, the problem is an open order on the account", "freeze-on-the-account-pending-order"],
    ["ningún grupo de salto, pero hay una orden pendiente en la cuenta", "freeze-on-the-account-pending-order"],
  ])("'%s' still names the detail that went wrong: %s", (text, id) => {
    expect(causes(text)[0]).toBe(id);
  });

  it("a clause that only says the port failed clears nothing", () => {
    expect(causes("Account number incorrect. Rejected.")[0]).toBe("account-number-reseller-mismatch");
  });
});

describe("a carrier's courtesies are no customer's story", () => {
  it("'we regret to inform you' and 'thank you for choosing us' leave a notice in the carrier's voice", () => {
    const reading = knowledge.reader.read("We regret to inform you that the transfer was rejected: the number belongs to a government contract. Thank you for choosing us.");
    expect(reading.kind).toBe("notice");
    expect(reading.causes).toEqual([]);
  });

  it("a weekday written short in an e-mail header is no French first person", () => {
    expect(knowledge.reader.read("Date: Mon 3 Nov / Reason: order split required").kind).toBe("notice");
  });
});

describe("a cause told by its effect", () => {
  it.each([
    ["they say the line hasn't had service since the summer", "disconnected-inactive-numbers"],
    ["the old carrier told us the line was cancelled in October", "disconnected-inactive-numbers"],
    ["the carrier wants to know what to do with the lines we're keeping with them", "partial-port"],
  ])("'%s' names %s", (text, id) => {
    expect(causes(text)[0]).toBe(id);
  });
});

describe("a port-out told by the number leaving", () => {
  it.each([
    "Transfer out refused by the gaining side: PIN not supplied",
    "Mint says they need a PIN from you before they can take the number",
  ])("'%s' puts the port-out PIN first", (text) => {
    const reading = knowledge.reader.read(text);
    expect(reading.direction).toBe("out");
    expect(causes(text)[0]).toBe("port-out-rejection-for-pin");
  });
});
