import { describe, expect, it } from "vitest";
import { createLogger, withRequestId } from "../../bot/log.js";

describe("the logger", () => {
  it("writes one JSON object a line, masking identifiers in the message", () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).warn("could not read my pin is 4 8 2 1 from 514-555-0199");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", msg: "could not read my pin is [pin] from [phone]" });
  });

  it("never writes tokens or what a customer typed, whatever the field", () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.info({ authorization: "Bearer eyJhbGci", activity: { text: "my account is 99887766", value: { question: "q" } }, question: "call 5145550199" }, "turn");
    expect(lines[0]).not.toMatch(/eyJ|99887766|5145550199/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ authorization: "[redacted]", activity: { text: "[redacted]", value: "[redacted]" }, question: "[redacted]" });
  });

  it("tags every line written during a turn with its request id", async () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    await withRequestId("request-1", async () => {
      await Promise.resolve();
      log.info("inside");
    });
    log.info("outside");
    expect(lines.map((l) => JSON.parse(l).requestId)).toEqual(["request-1", undefined]);
  });
});
