import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { conversations, start, type Running } from "./http.js";

let bot: Running;
beforeAll(async () => {
  bot = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => bot.close());

const chat = conversations(() => bot, "flow-asides");
function customer() {
  const say = chat();
  return async (text: string) => {
    const posted = await say(text);
    expect(posted.status).toBe(200);
    return posted.replies();
  };
}

/** The bold question a reply asks. */
function question(reply: string): string | undefined {
  return /\*\*([^*]+\?)\*\*/.exec(reply)?.[1];
}

describe("'why?' and 'thanks, bye' in the middle of a flow", () => {
  it("'why?' gets the reason the diagnosis asks its question, and the same question, not 'I didn't get that'", async () => {
    const turn = customer();
    await turn("my port got rejected");
    await turn("port in");
    const asked = await turn("not sure");
    const why = await turn("why?");
    expect(why).toContain("I ask because:");
    expect(why).not.toContain("Sorry, I didn't get that");
    expect(question(why)).toBe(question(asked));
    const reason = why.slice(why.indexOf("I ask because: ") + "I ask because: ".length).split(" If a word")[0]!;
    expect(why.split(reason)).toHaveLength(2);
    const meaning = await turn("what does that mean?");
    expect(meaning).toContain("I ask because:");
    expect(question(meaning)).toBe(question(asked));
    // Neither counted as an unclear reply: the answer still moves on.
    expect(question(await turn("no"))).not.toBe(question(asked));
  });

  it("'why do you ask' at a checklist check gives that check's reason", async () => {
    const turn = customer();
    await turn("check before I port");
    await turn("US");
    await turn("landline");
    const why = await turn("why do you ask that?");
    expect(why).toContain("I ask because: A name or address that differs from the carrier's record");
    expect(why).toContain("Check 1 of");
    // Said once: the check below the reason goes without its own note of it.
    expect(why.split("A name or address that differs from the carrier's record")).toHaveLength(2);
  });

  it("'thanks, bye' keeps the diagnosis where it was, politely, however often it is said", async () => {
    const turn = customer();
    await turn("my port got rejected");
    const asked = await turn("port in");
    for (let i = 0; i < 3; i++) {
      const bye = await turn("thanks, bye");
      expect(bye).toContain("You're welcome!");
      expect(bye).not.toContain("I stopped here");
      expect(question(bye)).toBe(question(asked));
    }
  });
});
