import { MemoryStorage } from "botbuilder";
import { describe, expect, it } from "vitest";
import { TranscriptStore, UnknownConversationError } from "../../../bot/directline/transcript.js";

const HOUR = 3_600_000;

describe("TranscriptStore", () => {
  it("numbers activities from 1 and returns those after a watermark", async () => {
    const store = new TranscriptStore(new MemoryStorage(), { maxActivities: 100, maxAgeMs: HOUR });
    expect(await store.start("c1", "dl_u")).toBe(true);
    expect(await store.start("c1", "dl_u")).toBe(false);
    const kept = await store.append("c1", [{ type: "message", text: "a" }, { type: "message", text: "b" }]);
    expect(kept.map((a) => a.id)).toEqual(["c1|0000001", "c1|0000002"]);
    expect(await store.since("c1", 1)).toMatchObject({ activities: [{ id: "c1|0000002", text: "b" }], watermark: "2" });
    expect(await store.since("c1", undefined)).toMatchObject({ activities: kept.map((a) => ({ id: a.id })), watermark: "2" });
  });

  it("drops activities older than the age bound, and a conversation idle past it", async () => {
    let now = 0;
    const store = new TranscriptStore(new MemoryStorage(), { maxActivities: 100, maxAgeMs: HOUR }, () => now);
    await store.start("c1", "dl_u");
    await store.append("c1", [{ type: "message", text: "old" }]);
    now = 0.75 * HOUR;
    await store.append("c1", [{ type: "message", text: "newer" }]);
    now = 1.5 * HOUR;
    await store.append("c1", [{ type: "message", text: "newest" }]);
    expect((await store.since("c1", undefined))!.activities.map((a) => a.text)).toEqual(["newer", "newest"]);
    now = 2.6 * HOUR;
    expect(await store.since("c1", undefined)).toBeUndefined();
    expect(await store.exists("c1")).toBe(false);
    await expect(store.append("c1", [{ type: "message" }])).rejects.toThrow(UnknownConversationError);
  });

  it("loses nothing when two instances append to one conversation at once (eTags)", async () => {
    const storage = new MemoryStorage();
    const bounds = { maxActivities: 1000, maxAgeMs: HOUR };
    const [a, b] = [new TranscriptStore(storage, bounds), new TranscriptStore(storage, bounds)];
    await a.start("c1", "dl_u");
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append("c1", [{ type: "message", text: String(i) }])));
    const all = (await a.since("c1", undefined))!;
    expect(all.watermark).toBe("20");
    expect(all.activities.map((x) => Number(x.text)).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(all.activities.map((x) => x.id)).size).toBe(20);
  });

  it("announces each append to the streams of this process", async () => {
    const store = new TranscriptStore(new MemoryStorage(), { maxActivities: 100, maxAgeMs: HOUR });
    await store.start("c1", "dl_u");
    const heard: unknown[] = [];
    store.events.on("c1", (set) => heard.push(set));
    const kept = await store.append("c1", [{ type: "message", text: "a" }]);
    expect(heard).toEqual([{ activities: kept, watermark: "1" }]);
  });
});
