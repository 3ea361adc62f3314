import { describe, expect, it } from "vitest";
import { redact } from "../../src/privacy/redact.js";

describe("redact", () => {
  it("masks phone numbers in the usual forms", () => {
    expect(redact("call 514-555-1234 or (438) 555 9876")).toBe("call [phone] or [phone]");
    expect(redact("my number is +44 20 7946 0958")).toBe("my number is [phone]");
    expect(redact("port 5145551234 please")).toBe("port [phone] please");
    expect(redact("call me at 06 12 34 56 78")).toBe("call me at [phone]");
  });

  it("masks phone numbers spelled with spaced dashes, slashes or full-width digits", () => {
    expect(redact("514 - 555 - 0199")).toBe("[phone]");
    expect(redact("514/555/0199")).toBe("[phone]");
    expect(redact("call ５１４５５５０１９９ today")).toBe("call [phone] today");
  });

  it("masks PINs however the customer spells them, keeping the words around them", () => {
    expect(redact("my pin is 4321")).toBe("my pin is [pin]");
    expect(redact("PIN: 0000")).toBe("PIN: [pin]");
    expect(redact("mon NIP est 1234")).toBe("mon NIP est [pin]");
    expect(redact("my pin is 12")).toBe("my pin is [pin]");
    expect(redact("my pin is 4 8 2 1")).toBe("my pin is [pin]");
    expect(redact("my pin's 4821")).toBe("my pin's [pin]");
    expect(redact("the PIN for my port-out is 4821")).toBe("the PIN for my port-out is [pin]");
    expect(redact("PIN 48 21")).toBe("PIN [pin]");
  });

  it("masks passwords as passwords", () => {
    expect(redact("password: hunter")).toBe("password: [password]");
    expect(redact("my password is hunter2")).toBe("my password is [password]");
    expect(redact("mot de passe: soleil")).toBe("mot de passe: [password]");
  });

  it("masks account numbers as accounts, even when they look like phone numbers", () => {
    expect(redact("my account number is 99887766")).toBe("my account number is [account]");
    expect(redact("acct #: AB-12345")).toBe("acct #: [account]");
    expect(redact("mi cuenta 123456")).toBe("mi cuenta [account]");
    expect(redact("my account is 5145550199")).toBe("my account is [account]");
  });

  it("masks IMEIs, e-mail addresses (accented ones too) and long digit runs", () => {
    expect(redact("imei 490154203237518")).toBe("imei [imei]");
    expect(redact("write to jane.doe@example.com.")).toBe("write to [email].");
    expect(redact("jöne.doe@exämple.com")).toBe("[email]");
    expect(redact("order 12345678")).toBe("order [number]");
    expect(redact("ref 123 456")).toBe("ref [number]");
  });

  it("keeps dates, times, prices, small counts and a single digit after a PIN label", () => {
    for (const q of ["ported on 2024-03-15", "submit on 12/25/2026 at 10:30", "it costs $1.50 per number", "port 10 20 30 numbers", "is the pin 4 digits", "pin 1 please", "a 5 day wait for 12 numbers"]) {
      expect(redact(q)).toBe(q);
    }
  });

  it("leaves questions about PINs and accounts that hold no identifier alone", () => {
    for (const q of ["what is my PIN for porting out", "why are you asking for my PIN and IMEI", "account number or reseller mismatch", "my account status is inactive", "my password is wrong", "a 30 day notice", "port 3 numbers"]) {
      expect(redact(q)).toBe(q);
    }
  });

  it("returns adversarial text without identifiers unchanged (its cost is measured by the benchmark)", () => {
    for (const unit of ["a", "a.", "a@", "a@a.", "#", "pin ", "pin 1 "]) {
      const text = unit.repeat(Math.ceil(10_000 / unit.length));
      expect(redact(text)).toBe(text);
    }
  });
});
