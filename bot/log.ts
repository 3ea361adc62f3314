import { redact } from "../src/privacy/redact.js";

/** Every message is redacted before it is written: logs never hold phone numbers, PINs or account numbers. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const at = (level: string) => (message: string) => write(`${level} ${redact(message)}`);
  return { info: at("info"), warn: at("WARN"), error: at("ERROR") };
}
