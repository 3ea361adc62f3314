import { MemoryStorage } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "../harness.js";
import { call, newConversation, say, startBot, type ActivitySet, type Running } from "./running.js";

const storage = new MemoryStorage();
let bot: Running;
beforeAll(async () => {
  bot = await startBot(await realKnowledge(), { SECOND_OPINION: "off" }, storage);
});
afterAll(() => bot.close());

const IDENTIFIERS = ["514-555-0199", "4821", "jane.doe@example.com", "123456789"];

describe("the customer's messages kept in the Direct Line transcript", () => {
  it("keep phone numbers, PINs, account numbers and e-mail addresses masked, in storage and when replayed", async () => {
    const c = await newConversation(bot.api);
    const typed = "my port was rejected: number 514-555-0199, PIN 4821, account 123456789, jane.doe@example.com";
    expect((await say(bot.api, c, typed)).status).toBe(200);
    const replayed = await call<ActivitySet>(`${bot.api}/conversations/${c.conversationId}/activities`, { token: c.token });
    const mine = replayed.body.activities.filter((a) => a.from?.role === "user" && a.type === "message");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toContain("[phone]");
    expect(mine[0]!.text).toContain("[pin]");
    const everything = JSON.stringify(replayed.body) + JSON.stringify((storage as unknown as { memory: unknown }).memory);
    for (const identifier of IDENTIFIERS) expect(everything).not.toContain(identifier);
    // The bot still read the message as typed: it started the rejection diagnosis.
    expect(JSON.stringify(replayed.body.activities.filter((a) => a.from?.role === "bot"))).toContain("why your port was rejected");
  });

  it("keep any other text exactly as typed", async () => {
    const c = await newConversation(bot.api);
    const typed = "How much to port 20 local numbers in 416, submitted 12/22?";
    await say(bot.api, c, typed);
    const replayed = await call<ActivitySet>(`${bot.api}/conversations/${c.conversationId}/activities`, { token: c.token });
    expect(replayed.body.activities.find((a) => a.from?.role === "user")?.text).toBe(typed);
  });
});
