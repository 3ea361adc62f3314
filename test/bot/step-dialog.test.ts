import { MemoryStorage } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { realKnowledge, testBot, textOf } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

interface StoredDialog {
  id: string;
  state: { dialogs?: { dialogStack: StoredDialog[] }; state?: unknown };
}

/** Overwrites the running flow's saved state in the store, as an older version of the bot could have left it. */
async function corruptFlowState(storage: MemoryStorage): Promise<void> {
  const key = "test/conversations/conversation-1/";
  const stored = (await storage.read([key]))[key] as { dialogState: { dialogStack: StoredDialog[] } };
  const flow = stored.dialogState.dialogStack[0]!.state.dialogs!.dialogStack[0]!;
  flow.state.state = { version: "from another time" };
  await storage.write({ [key]: { ...stored, eTag: "*" } });
}

describe("every guided flow", () => {
  it.each([
    ["my port was rejected", "diagnosis", "Are you porting the number in"],
    ["check before I port", "checklist", "Is it a US or a Canadian number?"],
    ["estimate", "estimate", "Which kind of number do you want to port?"],
  ])("'%s': a saved %s state that no longer reads starts the flow again, saying so and logging it", async (opening, topic, first) => {
    const storage = new MemoryStorage();
    const chat = testBot({ kb, channelId: "test", storage });
    expect(textOf(await chat.send(opening))).toContain(first);
    await corruptFlowState(storage);
    const text = textOf(await chat.send("1"));
    expect(text).toContain(`Sorry, I lost track of your ${topic}. Let's start again.`);
    expect(text).toContain(first);
    expect(chat.logs.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ level: "warn", msg: expect.stringContaining(`${topic} state unreadable, starting again`) }));
    expect(textOf(await chat.send("help"))).toContain(`Back to your ${topic}:`);
  });
});
