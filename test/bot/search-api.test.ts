import type { AddressInfo } from "node:net";
import restify, { type Server } from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answer/engine.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { createApp } from "../../bot/app.js";
import { loadAgentConfig } from "../../bot/agent-config.js";
import { loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { registerSearchApi } from "../../bot/search-api.js";
import { realKnowledge } from "./harness.js";

const KEY = "test-key-0123456789abcdef";
const OTHER_KEY = "other-key-0123456789abcdef";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string, path: string, key?: string) {
  return fetch(`${url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
}

describe("the search API", () => {
  let kb: KnowledgeBase;
  let server: Server;
  let url: string;
  const logs: string[] = [];
  beforeAll(async () => {
    kb = await realKnowledge();
    server = createApp({
      config: loadConfig({}),
      kb,
      feedbackFile: "/dev/null",
      log: createLogger((line) => logs.push(line)),
      agents: loadAgentConfig({ SEARCH_API_KEYS: `${KEY}, ${OTHER_KEY}` }),
    });
    url = await listen(server);
  });
  afterAll(() => server.close());

  it("returns the best entries with their canned answers, archived ones labelled and after the current one", async () => {
    const res = await get(url, "/api/search?q=what%20is%20a%20NASC%20procedure&limit=5", KEY);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Array<Record<string, any>> };
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    const archived = results.find((r) => r.id === "what-is-a-nasc-procedure-until-2019-08-27")!;
    expect(archived).toMatchObject({ status: "archived", label: "Archived: removed from the wiki on 2019-08-27", url: "https://wiki.voip.ms/article/Porting_FAQ#What_is_a_NASC_procedure.3F" });
    expect(archived.answer.text).toContain("Number Administration Service Center");
    expect(archived.answer.markdown).toContain("**Archived: removed from the wiki on 2019-08-27**");
    for (const r of results) expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(["answer", "id", "score", "status", "title", "url"]));
  });

  it("answers the default of five results at most", async () => {
    const res = await get(url, "/api/search?q=port%20fees", OTHER_KEY);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: unknown[] };
    expect(results.length).toBe(5);
  });

  it("refuses a request without a key, with an unknown key, or with a key that is not a Bearer token (401)", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer not-a-key-at-all-xxxxxx" }, { authorization: KEY }, { authorization: `Basic ${KEY}` }]) {
      const res = await fetch(`${url}/api/search?q=fees`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.text()).not.toContain("fee");
    }
  });

  it("refuses a missing, empty or oversized question and a bad limit (400), naming the field", async () => {
    for (const [query, field] of [["", "q"], ["?q=%20%20", "q"], [`?q=${"a".repeat(501)}`, "q"], ["?q=fees&limit=0", "limit"], ["?q=fees&limit=21", "limit"], ["?q=fees&limit=two", "limit"]] as const) {
      const res = await get(url, `/api/search${query}`, KEY);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(`${field}:`);
    }
  });

  it("finds nothing for a question outside porting, and never echoes the question", async () => {
    const res = await get(url, "/api/search?q=weather%20on%20Mars%20call%20514%20555%200199", KEY);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ results: [] });
    expect(logs.join("\n")).not.toContain("555 0199");
  });

  it("says at start-up that it is on, never printing a key", () => {
    expect(logs.some((l) => l.includes("search API on at /api/search (2 keys)"))).toBe(true);
    expect(logs.join("\n")).not.toContain(KEY);
  });
});

describe("the search API's limits", () => {
  it("is off without keys, and says so", async () => {
    const logs: string[] = [];
    const server = createApp({ config: loadConfig({}), kb: await realKnowledge(), feedbackFile: "/dev/null", log: createLogger((l) => logs.push(l)) });
    const url = await listen(server);
    try {
      expect((await get(url, "/api/search?q=fees", KEY)).status).toBe(404);
      expect(logs.some((l) => l.includes("search API off: set SEARCH_API_KEYS"))).toBe(true);
    } finally {
      server.close();
    }
  });

  it("limits each key on its own: past its burst a key gets 429, another key still gets answers", async () => {
    const kb = await realKnowledge();
    const server = restify.createServer();
    registerSearchApi(server, { kb, search: createAnswerEngine(kb), keys: [KEY, OTHER_KEY], log: createLogger(() => {}), rate: { perSecond: 0.01, burst: 2 } });
    const url = await listen(server);
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(url, "/api/search?q=fees", KEY)).status);
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses.slice(2)).toEqual([429, 429]);
      expect((await get(url, "/api/search?q=fees", OTHER_KEY)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it("rejects keys too short to be secret at start-up", () => {
    expect(() => loadAgentConfig({ SEARCH_API_KEYS: "short" })).toThrow(/SEARCH_API_KEYS.*16 characters/s);
  });
});
