import { PassThrough, Readable } from "node:stream";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliSetup {
  /** What the command reads on stdin: text, or lines each ended with a newline. */
  stdin?: string | string[];
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

/** Runs `porting-bot <argv>` in-process and collects what it prints. */
export async function runCli(argv: string[], setup: CliSetup = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  const input = setup.stdin ?? [];
  const stdin = Readable.from(typeof input === "string" ? [input] : input.map((line) => `${line}\n`));
  const now = setup.now ?? new Date("2026-01-01T00:00:00Z");
  const io: CliIo = { stdout, stderr, stdin, env: setup.env ?? {}, now: () => now };
  const code = await main(argv, io);
  return { code, out, err };
}
