import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { say, start, type Running } from "./http.js";

let bot: Running;
beforeAll(async () => {
  bot = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => bot.close());

/** One customer's conversation through /api/messages; each turn returns the replies' text and channelData. */
function customer() {
  const conversation = `typed-${Math.random()}`;
  return async (text: string) => {
    const posted = await say(bot.url, conversation, { text });
    expect(posted.status).toBe(200);
    const activities = posted.json().activities;
    return { text: posted.replies(), raw: posted.text, data: activities.map((a) => a.channelData ?? {}) as Array<Record<string, any>> };
  };
}

describe("replies typed with a typo of a button's words", () => {
  it("reads 'nto sure' and 'yse' as the diagnosis buttons they misspell", async () => {
    const turn = customer();
    await turn("my port was rejected");
    expect((await turn("port in")).text).toContain("Which of these reasons does the rejection give?");
    const unsure = await turn("nto sure");
    expect(unsure.text).not.toContain("Sorry, I didn't get that");
    expect(unsure.text).not.toContain("Which of these reasons");
    const asked = unsure.text;
    const yes = await turn("yse");
    expect(yes.text).not.toContain("Sorry, I didn't get that");
    expect(yes.text).not.toBe(asked);
  });

  it("reads 'locl' and 'Canda' as the estimate's Local and Canada buttons", async () => {
    const turn = customer();
    expect((await turn("how much to port 3 numbers")).text).toContain("Which kind of number do you want to port?");
    expect((await turn("locl")).text).toContain("Where are the numbers from?");
    const estimate = (await turn("Canda")).data.find((d) => d.estimate)?.estimate;
    expect(estimate?.input).toMatchObject({ numbers: { local: 3 }, country: "CA" });
  });

  it("does not read a three-letter word one letter off a button as that button ('tax' is no 'Fax')", async () => {
    const turn = customer();
    await turn("how much to port 3 numbers");
    const reply = await turn("tax");
    expect(reply.text).toContain("Which kind of number do you want to port?");
    expect(reply.data.some((d) => d.estimate)).toBe(false);
    expect((await turn("fax")).text).toContain("Where are the numbers from?");
  });
});

describe("acknowledgements in the middle of a flow", () => {
  it("asks again after 'ok' twice, then offers the way out instead of asking forever", async () => {
    const turn = customer();
    await turn("how much to port 3 numbers");
    for (let i = 0; i < 2; i++) {
      const again = await turn("ok");
      expect(again.text).toContain("Back to your estimate:");
      expect(again.text).toContain("Which kind of number do you want to port?");
    }
    const out = await turn("ok");
    expect(out.text).toContain("I stopped here");
    expect(out.text).not.toContain("Which kind of number do you want to port?");
    expect((await turn("fax")).data.some((d) => d.estimate)).toBe(false);
  });

  it("still takes the answer after one 'ok'", async () => {
    const turn = customer();
    await turn("how much to port 3 numbers");
    await turn("ok");
    expect((await turn("fax")).text).toContain("Where are the numbers from?");
  });
});

describe("a number typed after an answer in web chat", () => {
  it("is never taken as the unnumbered 'Did this help?' button that stands at that place", async () => {
    for (const number of ["1", "2", "3", "4", "5", "6"]) {
      const turn = customer();
      expect((await turn("what is a LOA?")).text).toContain("Did this help?");
      const reply = await turn(number);
      expect(reply.text).not.toContain("Glad it helped");
      expect(reply.text).not.toContain("passed it on");
    }
  });

  it("is never taken as the related entry that stands at that place either", async () => {
    const turn = customer();
    const answer = await turn("what is a LOA?");
    const related = answer.data.find((d) => d.answer)!.answer.id as string;
    const reply = await turn("2");
    expect(reply.data.some((d) => d.answer && d.answer.id !== related)).toBe(false);
    expect(reply.text).not.toContain("Last updated");
  });

  it("starts the estimate with it, as the count, when the answer offered an estimate", async () => {
    const turn = customer();
    expect((await turn("how long does the port process take?")).raw).toContain("Estimate my fees and dates");
    const asked = await turn("3");
    expect(asked.data[0]!.understood).toMatchObject({ facts: { count: 3 } });
    expect(asked.text).toContain("Which kind of number do you want to port?");
    expect((await turn("toll free")).text).toContain("Where are the numbers from?");
  });

  it("still picks a menu button by its number", async () => {
    const turn = customer();
    await turn("menu");
    expect((await turn("2")).text).toContain("why your port was rejected");
  });
});

describe("fragments after an answer that offered an estimate", () => {
  it("start the estimate with what they state: 'cell', then only what is still missing is asked", async () => {
    const turn = customer();
    expect((await turn("what would it cost to port my numbers")).raw).toContain("Estimate my fees and dates");
    const cell = await turn("cell");
    expect(cell.text).toContain("Let's work out the fees and the dates of your port");
    expect(cell.text).toContain("Where are the numbers from?");
    const texas = await turn("TX");
    expect(texas.text).toContain("When will you submit");
    const done = await turn("next tue");
    expect(done.data.find((d) => d.estimate)?.estimate).toMatchObject({ input: { numbers: { wireless: 1 }, country: "US" } });
  });

  it("leave a question of its own, and a fragment after an answer that offered no estimate, to the answer engine", async () => {
    const turn = customer();
    await turn("what would it cost to port my numbers");
    const question = await turn("can I port a fax number to your fax service?");
    expect(question.text).not.toContain("Let's work out the fees");
    const other = customer();
    expect((await other("what is a LOA?")).raw).not.toContain("Estimate my fees and dates");
    expect((await other("TX")).text).not.toContain("Let's work out the fees");
  });
});

describe("a bare fact that answers no open question", () => {
  it("is told the bot is asking nothing, with the menu, rather than 'I don't know that one'", async () => {
    for (const text of ["TX", "3", "next tuesday"]) {
      const reply = await customer()(text);
      expect(reply.text).toContain("I'm not asking you anything right now");
      expect(reply.raw).toContain("Fees and timing");
      expect(reply.text).not.toContain("I don't know that one");
      expect(reply.data.find((d) => d.status)).toMatchObject({ status: "fallback", fragment: true });
    }
  });

  it("is what a customer coming back after the conversation's state expired is told", async () => {
    const shortLived = await start(await realKnowledge(), { SECOND_OPINION: "off", STATE_TTL_HOURS: String(0.5 / 3600) });
    try {
      const conversation = `expired-${Math.random()}`;
      const asked = await say(shortLived.url, conversation, { text: "how much to port 3 numbers" });
      expect(asked.replies()).toContain("Which kind of number do you want to port?");
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const late = await say(shortLived.url, conversation, { text: "2" });
      expect(late.replies()).toContain("I'm not asking you anything right now");
    } finally {
      await shortLived.close();
    }
  });

  it("does not hide a question the articles cannot answer", async () => {
    const reply = await customer()("can you fix my voicemail greeting");
    expect(reply.text).not.toContain("I'm not asking you anything right now");
  });
});
