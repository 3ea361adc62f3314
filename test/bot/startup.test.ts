import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const root = projectRoot();

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs bot/index.ts until it exits, or until `until` appears on stderr (then stops it). */
function startBot(env: NodeJS.ProcessEnv, until?: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bot/index.ts"], {
      cwd: root,
      // No .env from the developer's machine: dotenv never overrides variables already set.
      env: { PATH: process.env.PATH, MicrosoftAppId: "", KNOWLEDGE_DIR: "", FEEDBACK_LOG: join(root, "test-artifacts", "startup-feedback.jsonl"), ...env },
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
      if (until && stderr.includes(until)) child.kill();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

// Each case starts the bot in a child process that compiles its TypeScript on the fly: seconds, more on a busy machine.
describe("start-up", { timeout: 90_000 }, () => {
  it("fails fast with the loader's messages when the knowledge base is invalid", async () => {
    const { code, stderr } = await startBot({ KNOWLEDGE_DIR: join(root, "test/fixtures/kb/bad/missing-field") });
    expect(code).toBe(1);
    expect(stderr).toContain("cannot start: the knowledge base is invalid");
    expect(stderr).toContain("no-title.md: title:");
  });

  it("fails fast naming a wrong setting", async () => {
    const { code, stderr } = await startBot({ PORT: "http" });
    expect(code).toBe(1);
    expect(stderr).toContain("cannot start: invalid configuration");
    expect(stderr).toContain("PORT:");
  });

  it("warns loudly in local mode and serves", async () => {
    const { stderr } = await startBot({ PORT: "0" }, "porting bot listening");
    expect(stderr).toContain("LOCAL MODE: MicrosoftAppId is not set, so requests are NOT authenticated.");
    expect(stderr).toMatch(/"messages":"http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/api\/messages","webChat":"http:\/\/[^"]+\/","msg":"porting bot listening"/);
  });
});
