import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { say } from "../../bot/channels/reply.js";
import { ShownChoices } from "../../bot/shown-choices.js";

/** Runs `turn` on one message of a conversation whose state lives in `storage`, saving the state after it. */
async function onTurn(storage: MemoryStorage, turn: (context: TurnContext, state: ConversationState) => Promise<void>): Promise<void> {
  const state = new ConversationState(storage);
  const adapter = new TestAdapter(async (context) => {
    await turn(context, state);
    await state.saveChanges(context);
  });
  await adapter.send("hello");
}

describe("the choices of the last reply", () => {
  it("are kept in conversation state between turns, the last reply's replacing earlier ones", async () => {
    const storage = new MemoryStorage();
    await onTurn(storage, async (context, state) => {
      const shown = new ShownChoices(state);
      await shown.remember(context, { blocks: [], groups: [{ choices: [say("Port in")] }] });
      await shown.remember(context, { blocks: [], groups: [{ choices: [say("Yes")] }, { choices: [say("No")] }] });
    });
    let read: string[] = [];
    await onTurn(storage, async (context, state) => {
      read = (await new ShownChoices(state).get(context)).map((c) => c.label);
    });
    expect(read).toEqual(["Yes", "No"]);
  });

  it("are none after a reply without buttons", async () => {
    const storage = new MemoryStorage();
    let read: unknown[] = ["unset"];
    await onTurn(storage, async (context, state) => {
      const shown = new ShownChoices(state);
      await shown.remember(context, { blocks: [], groups: [{ choices: [say("Port in")] }] });
      await shown.remember(context, { blocks: [{ kind: "markdown", text: "Glad it helped!" }] });
      read = await shown.get(context);
    });
    expect(read).toEqual([]);
  });

  it("are none when the store holds something unreadable, e.g. from an older version", async () => {
    const storage = new MemoryStorage();
    await onTurn(storage, async (context, state) => {
      await state.createProperty("shownChoices").set(context, [{ label: "Yes", action: { action: "explode" } }]);
    });
    let read: unknown[] = ["unset"];
    await onTurn(storage, async (context, state) => {
      read = await new ShownChoices(state).get(context);
    });
    expect(read).toEqual([]);
  });
});
