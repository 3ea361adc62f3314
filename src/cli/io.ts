import type { Readable, Writable } from "node:stream";

/** Everything a command touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  /** The clock, injectable so tests can fix "today". */
  now: () => Date;
}

export const EXIT = { ok: 0, invalidKnowledge: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = "UsageError";
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

export function print(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
