import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger as PinoLogger } from "pino";
import { redact } from "../src/privacy/redact.js";

/** The bot's logger: one JSON object a line. */
export type Logger = PinoLogger;

const turn = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` (one request's turn) so that every line logged inside it, dialogs included, carries `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return turn.run({ requestId }, work);
}

/**
 * Fields that may hold a token or what a customer typed are never written; free-text messages pass through
 * redact(), so a phone number, PIN or account number quoted in a message is masked.
 */
const REDACTED_PATHS = [
  "authorization",
  "token",
  "password",
  "text",
  "question",
  "value",
  "*.authorization",
  "*.token",
  "*.password",
  "*.text",
  "*.question",
  "*.value",
  "headers.authorization",
  "req.headers.authorization",
];

/** JSON lines to stderr, or to `write` (tests collect them). */
export function createLogger(write?: (line: string) => void, level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: () => turn.getStore() ?? {},
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? redact(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    write ? { write: (line: string) => write(line.trimEnd()) } : pino.destination({ fd: 2, sync: false }),
  );
}
