import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { channelData, conversations, start, type Running } from "./http.js";

/**
 * Commands typed in a conversation: "go back" in a guided flow undoes the last answer and asks its question again
 * (outside one it says there is none); an escalation or a ticket handed over asks for a person.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge());
});
afterAll(() => app.close());

const chat = conversations(() => app, "navigation");

describe("going back", () => {
  it("in the checklist asks the question before again, takes a new answer to it, and never counts as an unclear reply", async () => {
    const say = chat();
    await say("check before I port");
    expect((await say("go back")).replies()).toContain("This is the first question");
    await say("US number");
    await say("Landline");
    expect((await say("yes")).replies()).toContain("Check 2 of");
    const back = await say("go back");
    expect(back.replies()).toContain("Back one question");
    expect(back.replies()).toContain("Check 1 of");
    const backAgain = await say("previous question");
    expect(backAgain.replies()).toContain("What kind of number is it");
    expect((await say("Fax")).replies()).toContain("Check 1 of");
    expect((await say("no")).replies()).toContain("Check 2 of");
  });

  it("in the diagnosis returns to the direction question after it was answered", async () => {
    const say = chat();
    expect((await say("my port was rejected")).replies()).toContain("Are you porting the number in");
    expect((await say("port in")).replies()).toContain("Which of these reasons");
    const back = await say("go back");
    expect(back.replies()).toContain("Are you porting the number in");
    expect(back.replies()).not.toContain("Sorry, I didn't get that");
  });

  it("outside a flow says there is nothing to go back to, with the menu, rather than that it knows no answer", async () => {
    const say = chat();
    await say("what is a CSR?");
    const res = await say("go back");
    expect(res.replies()).toContain("no question of mine to go back to");
    expect(res.replies()).not.toContain("I don't know that one");
    expect(channelData(res).find((d) => d.status)).toBeUndefined();
  });
});

describe("asking for a person with a ticket", () => {
  it.each(["please escalate ticket #458213, it's been stuck a week", "I need a human, ticket 99812 has had no reply for 5 days", "can you escalate it?"])(
    "'%s' gets the ways to reach a person, not 'I don't know that one'",
    async (text) => {
      const res = await chat()(text);
      expect(res.replies()).toContain("To reach a person");
      expect(res.replies()).not.toContain("I don't know that one");
    },
  );
});
