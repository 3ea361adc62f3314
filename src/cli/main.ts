#!/usr/bin/env node
import { pathToFileURL } from "node:url";
import { realpathSync } from "node:fs";
import { EXIT, UsageError, print, type CliIo, type Command } from "./io.js";
import { KnowledgeBaseError } from "../knowledge/loader.js";

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  kb: { summary: "kb validate | list | show <id> | stats | import <feed>", load: () => import("./kb.js") },
  ask: { summary: 'ask [--json | --jsonl | --copy] [--audience agent] [--engine-only] "question"', load: () => import("./ask.js") },
  eval: { summary: "eval [--misses] [--engine-only] [file.jsonl ...]", load: () => import("./eval.js") },
  diagnose: { summary: "diagnose: guided rejection diagnosis in the terminal", load: () => import("./diagnose.js") },
  estimate: { summary: "estimate --fax 3 --toll-free 2 --country US --submitted 2026-12-22 [--json]", load: () => import("./estimate.js") },
  feedback: { summary: "feedback report [--file path]", load: () => import("./feedback.js") },
};

function usage(): string {
  return ["usage: porting-bot <command> [options]", "", ...Object.values(COMMANDS).map((c) => `  porting-bot ${c.summary}`)].join("\n");
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    print(io.stderr, name && name !== "--help" ? `unknown command '${name}'\n\n${usage()}` : usage());
    return name === "--help" ? EXIT.ok : EXIT.usage;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      print(io.stderr, `porting-bot ${name}: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof KnowledgeBaseError) {
      print(io.stderr, error.message);
      return EXIT.invalidKnowledge;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: () => new Date() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      print(process.stderr, `porting-bot: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
