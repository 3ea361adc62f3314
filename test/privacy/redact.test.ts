import { describe, expect, it } from "vitest";
import { redact } from "../../src/privacy/redact.js";

describe("redact", () => {
  it("masks phone numbers in the usual forms", () => {
    expect(redact("call 514-555-1234 or (438) 555 9876")).toBe("call [phone] or [phone]");
    expect(redact("my number is +44 20 7946 0958")).toBe("my number is [phone]");
    expect(redact("port 5145551234 please")).toBe("port [phone] please");
  });

  it("masks PINs and passwords but keeps the word, so the question still reads", () => {
    expect(redact("my pin is 4321")).toBe("my pin [pin]");
    expect(redact("PIN: 0000")).toBe("PIN [pin]");
    expect(redact("mon NIP est 1234")).toBe("mon NIP [pin]");
    expect(redact("password: hunter")).toBe("password [pin]");
    expect(redact("my pin is 12")).toBe("my pin [pin]");
  });

  it("masks account numbers", () => {
    expect(redact("my account number is 99887766")).toBe("my account number [account]");
    expect(redact("acct #: AB-12345")).toBe("acct # [account]");
    expect(redact("mi cuenta 123456")).toBe("mi cuenta [account]");
  });

  it("masks IMEIs, e-mail addresses and long digit runs", () => {
    expect(redact("imei 490154203237518")).toBe("imei [imei]");
    expect(redact("write to jane.doe@example.com")).toBe("write to [email]");
    expect(redact("order 12345678")).toBe("order [number]");
    expect(redact("ref 123 456")).toBe("ref [number]");
    expect(redact("call me at 06 12 34 56 78")).toBe("call me at [number]");
  });

  it("keeps dates, small counts and a single digit after a PIN label", () => {
    for (const q of ["ported on 2024-03-15", "port 10 20 30 numbers", "is the pin 4 digits", "pin 1 please", "a 5 day wait for 12 numbers"]) {
      expect(redact(q)).toBe(q);
    }
  });

  it("leaves questions about PINs and accounts that hold no identifier alone", () => {
    for (const q of ["what is my PIN for porting out", "why are you asking for my PIN and IMEI", "account number or reseller mismatch", "my account status is inactive", "a 30 day notice", "port 3 numbers"]) {
      expect(redact(q)).toBe(q);
    }
  });
});
