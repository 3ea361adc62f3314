import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAgentConfig } from "../../bot/agent-config.js";
import { createService, type Service } from "../../bot/app.js";
import { loadConfig } from "../../bot/config.js";
import { LiveKnowledge } from "../../bot/live-knowledge.js";
import { createLogger } from "../../bot/log.js";
import { memoryState } from "../../bot/storage.js";
import { knowledgeDir } from "../../src/paths.js";

const KEY = "search-key-0123456789abcdef";
const ENTRY = "porting-faq/how-long-does-the-port-process-take.md";
const ADDED = "Seen by agents after an edit while running.";

let dir: string;
let live: LiveKnowledge;
let service: Service;
let url: string;

beforeEach(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "porting-bot-kb-")), "knowledge");
  cpSync(knowledgeDir({}), dir, { recursive: true });
  const log = createLogger(() => {});
  live = await LiveKnowledge.load(dir, log);
  const config = loadConfig({});
  service = createService({ config, knowledge: live, live, state: memoryState(config), feedbackFile: "/dev/null", log, agents: loadAgentConfig({ SEARCH_API_KEYS: KEY }) });
  await new Promise<void>((resolve) => service.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
});
afterEach(() => service.shutdown());

async function search(q: string): Promise<Array<{ id: string; answer: { text: string } }>> {
  const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ id: string; answer: { text: string } }> }).results;
}

describe("agents' tools and live knowledge", { timeout: 60_000 }, () => {
  it("the search API answers from the reloaded knowledge, without a restart", async () => {
    const before = (await search("how long does a port take")).find((r) => r.id === "how-long-does-the-port-process-take");
    expect(before?.answer.text).not.toContain(ADDED);
    const file = join(dir, ENTRY);
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\n\n${ADDED}\n`);
    expect((await live.reload()).status).toBe("reloaded");
    const after = (await search("how long does a port take")).find((r) => r.id === "how-long-does-the-port-process-take");
    expect(after?.answer.text).toContain(ADDED);
  });
});
