/**
 * Customer identifiers (phone numbers, PINs, account numbers, IMEIs, e-mail addresses) are replaced by
 * placeholders before a question is matched, logged or stored.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[email]"],
  // IMEI: 15 digits, possibly grouped.
  [/\b\d{2}[\s-]?\d{6}[\s-]?\d{6}[\s-]?\d\b/g, "[imei]"],
  // North American and international phone numbers: 10+ digits with optional +, spaces, dots, dashes, brackets.
  [/(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, "[phone]"],
  [/\+\d[\d\s.-]{7,}\d/g, "[phone]"],
  // "account 12345", "acct #: AB-1234", "account number is 998877": the value has a digit, so
  // "account number or reseller mismatch" keeps its words.
  [/\b((?:acc(?:oun)?t|acct|compte|cuenta)(?:\s*(?:n(?:o|um(?:ber)?|umero|úmero)\.?|#))?)\s*(?:is|est|es|:|=|#)?\s*(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b/gi, "$1 [account]"],
  // "PIN 1234", "pin is 0000", "NIP 4321": a value with a digit; "password: hunter" after a colon or equals sign.
  [/\b((?:pin|nip|passcode|password|mot de passe|contraseña|clave)(?:\s*(?:code|number))?)\s*(?:is|est|es|:|=|#)?\s*(?=[^\s\d]*\d)\S{3,}/gi, "$1 [pin]"],
  [/\b(pin|nip|passcode|password|mot de passe|contraseña|clave)\s*[:=]\s*\S+/gi, "$1 [pin]"],
  // Any remaining run of 6+ digits (account numbers without a label, partial phone numbers).
  [/\b\d[\d\s-]{4,}\d\b/g, "[number]"],
];

export function redact(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
