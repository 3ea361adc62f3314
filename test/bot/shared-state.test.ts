import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge } from "./harness.js";
import { say, startChildBot, startInstance, textOf, yesterday, type Instance } from "./instances.js";
import { startRedis, type RedisProcess } from "./redis-server.js";

let redis: RedisProcess;
let kb: KnowledgeBase;
let a: Instance;
let b: Instance;
beforeAll(async () => {
  [redis, kb] = await Promise.all([startRedis(), realKnowledge()]);
  [a, b] = await Promise.all([startInstance({ kb, env: { REDIS_URL: redis.url } }), startInstance({ kb, env: { REDIS_URL: redis.url } })]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

let conversations = 0;
const newConversation = () => `conversation-${++conversations}-${Date.now()}`;

/** The diagnosis of a BTN rejection, each message with what its reply must say. */
const DIAGNOSIS: Array<[string, string]> = [
  ["my port was rejected", "Are you porting the number in"],
  ["1", "Which of these reasons does the rejection give?"],
  ["not sure", "Is the address on the port request a PO box?"],
  ["no", "Did you confirm the Billing Telephone Number (BTN)"],
  ["no", "What kind of number is it"],
  ["landline", "Are you porting more than one number"],
  ["yes", "On what date was the port rejected?"],
];

describe("several instances sharing one Redis", () => {
  it("complete a diagnosis whose turns alternate between two instances", async () => {
    const conversation = newConversation();
    const instances = [a, b];
    for (const [i, [message, expected]] of DIAGNOSIS.entries()) {
      const turn = await say(instances[i % 2]!.url, conversation, message);
      expect(turn.status).toBe(200);
      expect(textOf(turn)).toContain(expected);
    }
    const outcome = textOf(await say(b.url, conversation, yesterday()));
    expect(outcome).toContain("The likely reason for your rejection");
    expect(outcome).toContain("Incorrect Billing Telephone Number (BTN)");
  });

  it("keep a conversation's state in Redis with the time-to-live", async () => {
    const conversation = newConversation();
    await say(a.url, conversation, "my port was rejected");
    const ttl = await redis.client().ttl(`porting-bot:state:test/conversations/${conversation}/`);
    expect(ttl).toBeGreaterThan(24 * 3600 - 60);
    expect(ttl).toBeLessThanOrEqual(24 * 3600);
  });

  it("continue a conversation on another instance after the first is killed (SIGKILL) mid-flow", async () => {
    const conversation = newConversation();
    const first = await startChildBot({ REDIS_URL: redis.url });
    try {
      for (const [message, expected] of DIAGNOSIS.slice(0, 4)) expect(textOf(await say(first.url, conversation, message))).toContain(expected);
    } finally {
      first.child.kill("SIGKILL");
    }
    expect(await first.exited).toBeNull();
    for (const [message, expected] of DIAGNOSIS.slice(4)) expect(textOf(await say(b.url, conversation, message))).toContain(expected);
    expect(textOf(await say(b.url, conversation, yesterday()))).toContain("Incorrect Billing Telephone Number (BTN)");
  }, 120_000);

  it("run ten simultaneous turns of one conversation one after the other, as if they had been sent in turn", async () => {
    const messages = ["my port was rejected", ...Array.from({ length: 10 }, () => "1")];
    // Reference: the same messages one at a time.
    const sequential = newConversation();
    const expected: string[] = [];
    for (const message of messages) expected.push(textOf(await say(a.url, sequential, message)));

    const concurrent = newConversation();
    const got = [textOf(await say(a.url, concurrent, messages[0]!))];
    const turns = await Promise.all(messages.slice(1).map((m, i) => say([a, b][i % 2]!.url, concurrent, m)));
    expect(turns.map((t) => t.status)).toEqual(Array(10).fill(200));
    got.push(...turns.map(textOf));
    // Each turn saw the state the previous one left: the same replies as one at a time, in some order, none lost
    // or repeated, and the conversation goes on from where ten turns in sequence would have left it.
    expect([...got].sort()).toEqual([...expected].sort());
    expect(textOf(await say(b.url, concurrent, "2"))).toBe(textOf(await say(a.url, sequential, "2")));
    expect(a.logs.concat(b.logs).join("\n")).not.toMatch(/turn failed|not saved|not run/);
  }, 120_000);
});

describe("an instance without Redis", () => {
  it("keeps state in memory and serves (npm start needs no Redis)", async () => {
    const solo = await startInstance({ kb });
    try {
      expect(solo.state.kind).toBe("memory");
      const conversation = newConversation();
      for (const [message, expected] of DIAGNOSIS.slice(0, 3)) expect(textOf(await say(solo.url, conversation, message))).toContain(expected);
    } finally {
      await solo.stop();
    }
  });
});
