import { ConversationState, TestAdapter, type TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { TurnGuardedStorage } from "../../bot/etag-storage.js";
import { createLogger } from "../../bot/log.js";
import { BoundedMemoryStorage } from "../../bot/memory-storage.js";
import { BotMetrics } from "../../bot/metrics.js";
import { fixedKnowledge } from "../../bot/services.js";
import { BUSY_REPLY, turnMiddleware } from "../../bot/turn-middleware.js";
import { LocalTurnLock, TurnLockTimeout, type TurnLock } from "../../bot/turn-lock.js";
import { fixtureKnowledge } from "./harness.js";

const KEY = "test/conversations/c/";

async function setup(lock: TurnLock, logic: (context: TurnContext, state: ConversationState, inner: BoundedMemoryStorage) => Promise<void>) {
  const metrics = new BotMetrics();
  const inner = new BoundedMemoryStorage({ ttlMs: 60_000, maxItems: 10, onConflict: () => metrics.storageConflicts.inc() });
  const state = new ConversationState(new TurnGuardedStorage(inner));
  const logs: string[] = [];
  const failures: Error[] = [];
  const adapter = new TestAdapter((context) => logic(context, state, inner), { channelId: "test", conversation: { id: "c" } as never });
  adapter.onTurnError = async (_context, error) => {
    failures.push(error);
  };
  adapter.use(turnMiddleware({ lock, knowledge: fixedKnowledge(await fixtureKnowledge()), conversationState: state, metrics, log: createLogger((l) => logs.push(l)) }));
  const send = async (text: string) => {
    await adapter.receiveActivity(text);
    return adapter.activeQueue.splice(0).map((a) => a.text);
  };
  return { send, metrics, inner, logs, failures };
}

const count = async (metrics: BotMetrics, outcome: string) =>
  (await metrics.turns.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;

describe("the turn middleware", () => {
  it("keeps the other writer's state when a turn's save conflicts, without failing the turn or clearing the conversation", async () => {
    const { send, metrics, inner, logs, failures } = await setup(new LocalTurnLock(), async (context, state, inner) => {
      const step = state.createProperty<number>("step");
      const current = await step.get(context, 0);
      if (context.activity.text === "race") await inner.write({ [KEY]: { step: 99 } });
      await step.set(context, current + 1);
      await context.sendActivity(`step ${current + 1}`);
      await state.saveChanges(context);
    });
    expect(await send("go")).toEqual(["step 1"]);
    expect(await send("race")).toEqual(["step 2"]);
    expect((await inner.read([KEY]))[KEY]).toMatchObject({ step: 99 });
    expect(await send("go")).toEqual(["step 100"]);
    expect(failures).toEqual([]);
    expect(logs.join("\n")).toContain("turn not saved");
    expect((await metrics.storageConflicts.get()).values[0]!.value).toBe(1);
    expect(await count(metrics, "conflict")).toBe(1);
  });

  it("asks for the message again when the conversation stays busy past the lock's wait", async () => {
    const busy: TurnLock = { run: async () => Promise.reject(new TurnLockTimeout()) };
    let ran = false;
    const { send, metrics, failures } = await setup(busy, async () => {
      ran = true;
    });
    expect(await send("hello")).toEqual([BUSY_REPLY]);
    expect(ran).toBe(false);
    expect(failures).toEqual([]);
    expect(await count(metrics, "busy")).toBe(1);
  });

  it("lets any other failure reach the adapter's error handler, counted as an error", async () => {
    const { send, metrics, failures } = await setup(new LocalTurnLock(), async () => {
      throw new Error("boom");
    });
    await send("hello");
    expect(failures.map((e) => e.message)).toEqual(["boom"]);
    expect(await count(metrics, "error")).toBe(1);
  });
});
