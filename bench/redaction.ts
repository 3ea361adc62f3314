import { redact } from "../src/privacy/redact.js";

/** Inputs built to make a backtracking pattern slow: long runs without the character a match needs. */
const ADVERSARIAL: Array<[string, string]> = [
  ["letters, no @", "a"],
  ["a.a.a. (dots, no @)", "a."],
  ["a@a@a@", "a@"],
  ["a@a.a@a.", "a@a."],
  ["digits and spaces", "1 "],
  ["digits and dashes", "1-"],
  ["pin pin pin", "pin "],
  ["pin 1 pin 1", "pin 1 "],
  ["####", "#"],
  ["full-width digits", "５"],
];

/** Time to redact each 100,000-character adversarial input (median of 5), in ms. */
export function benchRedaction(length = 100_000): void {
  console.log(`Redaction of ${length.toLocaleString("en-US")}-character adversarial inputs (median of 5 runs):`);
  for (const [name, unit] of ADVERSARIAL) {
    const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    redact(text);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      redact(text);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(24)} ${times[2]!.toFixed(1).padStart(7)} ms`);
  }
}
