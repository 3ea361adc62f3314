/**
 * Customer identifiers (phone numbers, PINs, account numbers, IMEIs, e-mail addresses) are replaced by
 * placeholders before a question is matched, logged or stored.
 */
/**
 * A run of digit groups left after the labelled patterns is an identifier (an account number without a
 * label, part of a phone number) when it holds 6 or more digits; a date ("2024-03-15") and a short list
 * of small counts ("10 20 30 numbers") are not.
 */
function maskDigitRun(run: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(run)) return run;
  const groups = run.split(/[\s-]+/);
  const counts = groups.length > 1 && groups.length < 4 && groups.every((g) => g.length <= 2);
  return groups.join("").length >= 6 && !counts ? "[number]" : run;
}

const PATTERNS: Array<[RegExp, string | ((match: string) => string)]> = [
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[email]"],
  // IMEI: 15 digits, possibly grouped.
  [/\b\d{2}[\s-]?\d{6}[\s-]?\d{6}[\s-]?\d\b/g, "[imei]"],
  // North American and international phone numbers: 10+ digits with optional +, spaces, dots, dashes, brackets.
  [/(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, "[phone]"],
  [/\+\d[\d\s.-]{7,}\d/g, "[phone]"],
  // "account 12345", "acct #: AB-1234", "account number is 998877": the value has a digit, so
  // "account number or reseller mismatch" keeps its words.
  [/\b((?:acc(?:oun)?t|acct|compte|cuenta)(?:\s*(?:n(?:o|um(?:ber)?|umero|úmero)\.?|#))?)\s*(?:is|est|es|:|=|#)?\s*(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b/gi, "$1 [account]"],
  // "PIN 1234", "pin is 12", "NIP 4321": a value with at least two digits; "password: hunter" after a colon or equals sign.
  [/\b((?:pin|nip|passcode|password|mot de passe|contraseña|clave)(?:\s*(?:code|number))?)\s*(?:is|est|es|:|=|#)?\s*(?=[^\s\d]*\d[^\s\d]*\d)\S{2,}/gi, "$1 [pin]"],
  [/\b(pin|nip|passcode|password|mot de passe|contraseña|clave)\s*[:=]\s*\S+/gi, "$1 [pin]"],
  [/\b\d+(?:[\s-]\d+)*\b/g, maskDigitRun],
];

export function redact(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => (typeof replacement === "string" ? out.replace(pattern, replacement) : out.replace(pattern, replacement)), text);
}
