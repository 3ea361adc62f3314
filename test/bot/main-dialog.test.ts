import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { BOT, buttons, cardOf, cardText, clickIn, fixtureKnowledge, joined, labels, scriptedEngine, testBot, type Scripted } from "./harness.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await fixtureKnowledge();
});

const SCRIPT: Record<string, Scripted> = {
  "how long does a port take": { status: "answered", ids: ["how-long-does-a-port-take"], confidence: 0.93 },
  "what is an incorrect btn": { status: "answered", ids: ["incorrect-btn"] },
  "port faster": { status: "clarify", ids: ["expedite-a-port", "how-long-does-a-port-take", "weekend-ports", "cost-of-a-port"] },
  "comment accélérer mon transfert ?": { status: "clarify", ids: ["expedite-a-port", "incorrect-btn"], language: "fr" },
  "archived question": { status: "answered", ids: ["archived-prices"] },
  "combien de temps pour un transfert": { status: "answered", ids: ["how-long-does-a-port-take"], language: "fr", translation: "https://wiki.example.test/article/FAQ_fr" },
};

function bot(channelId = "webchat") {
  const asked: string[] = [];
  return { ...testBot({ kb, engine: scriptedEngine(kb, SCRIPT, asked), channelId }), asked };
}

describe("welcome", () => {
  it("greets a user who joins, says what the bot does and offers the three starting points", async () => {
    const b = bot();
    const [welcome, ...rest] = await b.send(joined());
    expect(rest).toHaveLength(0);
    expect(cardText(welcome!)).toContain("porting");
    expect(cardText(welcome!)).toContain("[Porting FAQ](https://wiki.example.test/article/Porting_FAQ)");
    expect(labels(welcome!)).toEqual(["Ask a question", "My port was rejected", "Check before I port", "Fees and timing"]);
  });

  it("greets a conversation once, not on every membership change", async () => {
    const b = bot();
    await b.send(joined());
    expect(await b.send(joined("webchat", [{ id: "user-2", name: "Other" }]))).toHaveLength(0);
  });

  it("does not greet when only the bot joins outside Teams", async () => {
    const b = bot();
    expect(await b.send(joined("webchat", [BOT]))).toHaveLength(0);
  });

  it("greets in Teams when the bot is installed (Teams reports the bot's own arrival)", async () => {
    const b = bot("msteams");
    const replies = await b.send(joined("msteams", [BOT]));
    expect(cardText(replies[0]!)).toContain("porting");
  });
});

describe("an answered question", () => {
  it("shows the entry's title, answer, last update, source link, related entries and Did this help?", async () => {
    const [reply] = await bot().send("How long does a port take");
    const card = cardOf(reply!);
    expect(card.version).toBe("1.5");
    const text = cardText(reply!);
    expect(text).toContain("How long does the port process take?");
    expect(text).toContain("On average a port takes **5 business days**");
    expect(text).toContain("Last updated August 27, 2019");
    expect(text).toContain("Did this help?");
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Source: Porting FAQ: How long does the port process take?", url: "https://wiki.example.test/article/Porting_FAQ#how-long-does-a-port-take" },
    ]);
    // three related entries at most, never an archived one; the entry has durations, so an estimate is offered
    expect(labels(reply!)).toEqual([
      "How can I expedite my port request?",
      "How much does it cost to port a number?",
      "Can my number be ported on a weekend?",
      "Estimate my fees and dates",
      "Yes",
      "No",
    ]);
  });

  it("turns links to other entries into links to their wiki sections", async () => {
    const [reply] = await bot().send("How long does a port take");
    expect(cardText(reply!)).toContain("[expedite](https://wiki.example.test/article/Porting_FAQ#expedite-a-port)");
    expect(cardText(reply!)).not.toContain("kb:");
  });

  it("links the article in the question's language when it is French or Spanish", async () => {
    const [reply] = await bot().send("Combien de temps pour un transfert");
    expect(cardOf(reply!).actions).toContainEqual({ type: "Action.OpenUrl", title: "Lire en français", url: "https://wiki.example.test/article/FAQ_fr" });
  });

  it("offers the diagnosis under a rejection entry", async () => {
    const [reply] = await bot().send("What is an incorrect BTN");
    expect(labels(reply!)).toContain("Diagnose my rejection");
  });

  it("opens a related entry when its button is clicked", async () => {
    const b = bot();
    const [answer] = await b.send("How long does a port take");
    const [related] = await b.send(clickIn(answer!, "Can my number be ported on a weekend?"));
    expect(cardText(related!)).toContain("No, ports happen on business days only.");
  });

  it("never shows an archived entry to a customer, even if the engine names one", async () => {
    const b = bot();
    const [reply] = await b.send("archived question");
    expect(cardText(reply!)).toContain("I don't know that one");
    expect(cardText(reply!)).not.toContain("fixed price");
  });
});

describe("clarify", () => {
  async function clarified() {
    const b = bot();
    const [reply] = await b.send("port faster");
    return { b, reply: reply! };
  }

  it("offers at most three choices as buttons", async () => {
    const { reply } = await clarified();
    expect(cardText(reply)).toContain("Which one did you mean?");
    expect(labels(reply)).toEqual(["How can I expedite my port request?", "How long does the port process take?", "Can my number be ported on a weekend?"]);
  });

  it("is resolved by a click", async () => {
    const { b, reply } = await clarified();
    const [answer] = await b.send(clickIn(reply, "How long does the port process take?"));
    expect(cardText(answer!)).toContain("5 business days");
  });

  it("is resolved by the choice's number", async () => {
    const { b } = await clarified();
    const [answer] = await b.send("3");
    expect(cardText(answer!)).toContain("No, ports happen on business days only.");
  });

  it("is resolved by the title typed back, whatever the case and punctuation", async () => {
    const { b } = await clarified();
    const [answer] = await b.send("how can i expedite my port request");
    expect(cardText(answer!)).toContain("ports@example.test");
  });

  it("treats anything else as a new question", async () => {
    const { b } = await clarified();
    const [answer] = await b.send("How long does a port take");
    expect(cardText(answer!)).toContain("How long does the port process take?");
    expect(b.asked).toEqual(["port faster", "How long does a port take"]);
  });

  it("treats a number beyond the choices as a new question", async () => {
    const { b } = await clarified();
    await b.send("7");
    expect(b.asked.at(-1)).toBe("7");
  });

  it("links the chosen entry's article in the question's language, as an answered question does", async () => {
    const b = bot();
    const [reply] = await b.send("Comment accélérer mon transfert ?");
    const [clicked] = await b.send(clickIn(reply!, "How can I expedite my port request?"));
    expect(cardOf(clicked!).actions).toContainEqual({ type: "Action.OpenUrl", title: "Lire en français", url: "https://wiki.example.test/article/FAQ_fr" });
    await b.send("Comment accélérer mon transfert ?");
    const [typed] = await b.send("1");
    expect(cardOf(typed!).actions).toContainEqual({ type: "Action.OpenUrl", title: "Lire en français", url: "https://wiki.example.test/article/FAQ_fr" });
  });

  it("links no translation when the chosen entry's article has none, or the question was in English", async () => {
    const b = bot();
    await b.send("Comment accélérer mon transfert ?");
    const [untranslated] = await b.send("2");
    expect(cardOf(untranslated!).actions?.map((a) => a.title)).toEqual(["Source: Port Rejection: Incorrect Billing Telephone Number (BTN)"]);
    await b.send("port faster");
    const [english] = await b.send("1");
    expect(cardOf(english!).actions?.map((a) => a.title)).toEqual(["Source: Porting FAQ: How can I expedite my port request?"]);
  });

  it("carries the original question and the candidate's score into the feedback", async () => {
    const { b } = await clarified();
    const [answer] = await b.send("1");
    await b.send(clickIn(answer!, "No"));
    expect(b.feedback).toEqual([
      expect.objectContaining({ question: "port faster", entry: "expedite-a-port", score: 0.5, status: "unhelpful" }),
    ]);
  });
});

describe("fallback", () => {
  it("says it does not know, offers the topics and how to reach a person, and records the question", async () => {
    const b = bot();
    const [reply] = await b.send("Can you call me at 514-555-0199 about pizza?");
    const text = cardText(reply!);
    expect(text).toContain("I don't know that one");
    expect(text).toContain("rather not guess");
    expect(text).toContain("[ports@example.test](mailto:ports@example.test)");
    expect(labels(reply!)).toEqual(["Ask a question", "My port was rejected", "Check before I port", "Fees and timing", "Talk to a person"]);
    expect(cardOf(reply!).actions?.map((a) => a.title)).toEqual(["Porting FAQ", "Port Rejection"]);
    expect(b.feedback).toEqual([
      { at: "2026-03-05T15:00:00.000Z", channel: "webchat", question: "Can you call me at [phone] about pizza?", entry: null, score: 0.1, status: "fallback" },
    ]);
  });
});

describe("global commands", () => {
  it("help lists what the bot does, each flow the menu offers, and the commands", async () => {
    const [reply] = await bot().send("help");
    expect(cardText(reply!)).toContain("What I can do");
    expect(cardText(reply!)).toContain("why a port was rejected");
    expect(cardText(reply!)).toContain("ready to port, before you request it");
    expect(cardText(reply!)).toContain("Estimate the fees");
    expect(cardText(reply!)).toContain('"cancel"');
    expect(labels(reply!)).toContain("Talk to a person");
  });

  it("menu shows the options, and a typed number picks one", async () => {
    const b = bot();
    const [menu] = await b.send("Menu");
    expect(labels(menu!)[0]).toBe("Ask a question");
    const [ask] = await b.send("1");
    expect(cardText(ask!)).toContain("Type your question in your own words");
  });

  it("a bare greeting gets the menu, like 'menu': not asked, not logged as a fallback", async () => {
    for (const greeting of ["hi", "Hello!", "hey", "Bonjour", "hola", "good morning"]) {
      const b = bot();
      const [reply] = await b.send(greeting);
      expect(labels(reply!)).toEqual(["Ask a question", "My port was rejected", "Check before I port", "Fees and timing", "Talk to a person"]);
      expect(b.asked).toEqual([]);
      expect(b.feedback).toEqual([]);
    }
  });

  it("cancel, never mind or no thanks with nothing going on offers more help and the menu, refusing nothing", async () => {
    for (const text of ["cancel", "never mind", "no thanks"]) {
      const [reply] = await bot().send(text);
      expect(cardText(reply!)).toContain("Okay. Anything else I can help with?");
      expect(cardText(reply!)).not.toMatch(/nothing to cancel/i);
      expect(labels(reply!)).toContain("Ask a question");
    }
  });

  it("agent and human give the porting department's address and support, from the knowledge base", async () => {
    for (const word of ["agent", "human", "talk to a person"]) {
      const [reply] = await bot().send(word);
      const text = cardText(reply!);
      expect(text).toContain("Talk to a person");
      // ports@ is named by two entries, support@ by one: the department's address is the most named one
      expect(text).toContain("[ports@example.test](mailto:ports@example.test)");
      expect(text).toContain("Support");
      expect(text).toContain("[Where to send my Documentation?](https://wiki.example.test/article/Port_Rejection#where-to-send)");
    }
  });

  it("start over greets again", async () => {
    const [reply] = await bot().send("start over");
    expect(cardText(reply!)).toContain("Hi! I help with porting phone numbers.");
  });

  it("a word inside a longer question is not a command", async () => {
    const b = bot();
    await b.send("how do I cancel my port request");
    expect(b.asked).toEqual(["how do I cancel my port request"]);
  });
});

describe("Did this help?", () => {
  it("records a yes with the masked question, the entry, the score and the channel", async () => {
    const b = bot();
    const [answer] = await b.send("How long does a port take");
    const [thanks] = await b.send(clickIn(answer!, "Yes"));
    expect(cardText(thanks!)).toContain("Glad it helped");
    expect(b.feedback).toEqual([
      { at: "2026-03-05T15:00:00.000Z", channel: "webchat", question: "How long does a port take", entry: "how-long-does-a-port-take", score: 0.93, status: "helpful" },
    ]);
  });

  it("records a no and offers a person", async () => {
    const b = bot();
    const [answer] = await b.send("How long does a port take");
    const [reply] = await b.send(clickIn(answer!, "No"));
    expect(labels(reply!)).toEqual(["Talk to a person"]);
    expect(b.feedback.map((f) => f.status)).toEqual(["unhelpful"]);
  });

  it("accepts yes or no typed instead of clicked", async () => {
    const b = bot();
    await b.send("How long does a port take");
    await b.send("no");
    expect(b.feedback).toEqual([expect.objectContaining({ entry: "how-long-does-a-port-take", status: "unhelpful" })]);
  });

  it("ignores a click whose payload is not one of the bot's actions", async () => {
    const b = bot();
    const replies = await b.send({ type: "message", text: "", value: { action: "feedback", helpful: "maybe", entry: "../etc/passwd" } });
    expect(b.feedback).toEqual([]);
    expect(cardText(replies[0]!)).toContain("Type your question");
  });
});

describe("a web chat click on an older card (web chat posts only the label)", () => {
  it("an old Did this help? 'Yes' is acknowledged: not asked, not logged, not counted as feedback", async () => {
    const b = bot();
    const [answer] = await b.send("How long does a port take");
    await b.send("help");
    const [reply, ...rest] = await b.send(clickIn(answer!, "Yes"));
    expect(rest).toHaveLength(0);
    expect(cardText(reply!)).toContain("Noted.");
    expect(labels(reply!)).toContain("Ask a question");
    expect(b.asked).toEqual(["How long does a port take"]);
    expect(b.feedback).toEqual([]);
  });

  it("a bare 'no' or a finished flow's 'That's it' with no choice pending is acknowledged, not logged as a fallback", async () => {
    const b = bot();
    for (const text of ["No", "That's it", "that's all", "thanks"]) {
      const [reply] = await b.send(text);
      expect(cardText(reply!)).toContain("Noted.");
    }
    expect(b.asked).toEqual([]);
    expect(b.feedback).toEqual([]);
  });

  it("an old card's command or flow button still does what it says", async () => {
    const b = bot();
    const [welcome] = await b.send(joined());
    await b.send("How long does a port take");
    const [ask] = await b.send(clickIn(welcome!, "Ask a question"));
    expect(cardText(ask!)).toContain("Type your question");
    const flow = await b.send(clickIn(welcome!, "Fees and timing"));
    expect(flow.map(cardText).join("\n")).toMatch(/fees and the dates/i);
    expect(b.asked).toEqual(["How long does a port take"]);
  });

  it("an old card's related entry is asked as a question", async () => {
    const b = bot();
    const [answer] = await b.send("How long does a port take");
    await b.send("help");
    const related = labels(answer!).find((l) => !["Yes", "No", "Talk to a person"].includes(l))!;
    await b.send(clickIn(answer!, related));
    expect(b.asked).toEqual(["How long does a port take", related]);
  });
});

describe("Teams", () => {
  const mention = (text: string) => ({
    type: "message",
    text: `<at>Porting help</at> ${text}`,
    entities: [{ type: "mention", mentioned: BOT, text: "<at>Porting help</at>" }],
  });

  for (const conversationType of ["personal", "groupChat", "channel"]) {
    it(`removes the bot's @mention before matching (${conversationType})`, async () => {
      const asked: string[] = [];
      const b = testBot({ kb, engine: scriptedEngine(kb, SCRIPT, asked), channelId: "msteams", conversation: { conversationType, isGroup: conversationType !== "personal" } });
      const [reply] = await b.send(mention("How long does a port take"));
      expect(asked).toEqual(["How long does a port take"]);
      expect(cardText(reply!)).toContain("5 business days");
    });
  }

  it("uses messageBack buttons so Teams shows the click as the user's message", async () => {
    const b = bot("msteams");
    const [answer] = await b.send("How long does a port take");
    const yes = buttons(answer!).find((x) => x.title === "Yes")!;
    expect(yes.data).toMatchObject({ action: "feedback", helpful: true, msteams: { type: "messageBack", text: "Yes", displayText: "Yes" } });
    await b.send(clickIn(answer!, "Yes"));
    expect(b.feedback).toEqual([expect.objectContaining({ channel: "msteams", status: "helpful" })]);
  });

  it("a command works with the mention too", async () => {
    const b = bot("msteams");
    const [reply] = await b.send(mention("help"));
    expect(cardText(reply!)).toContain("What I can do");
  });

  it("keeps serving a message that is only the mention", async () => {
    const b = bot("msteams");
    const [reply] = await b.send(mention(""));
    expect(cardText(reply!)).toContain("Type your question");
  });

  it("ignores a mention of someone else", async () => {
    const asked: string[] = [];
    const b = testBot({ kb, engine: scriptedEngine(kb, SCRIPT, asked), channelId: "msteams" });
    await b.send({ type: "message", text: "<at>Sam</at> how long", entities: [{ type: "mention", mentioned: { id: "sam" }, text: "<at>Sam</at>" }] });
    expect(asked).toEqual(["<at>Sam</at> how long"]);
  });
});

describe("Slack and other text channels", () => {
  it("Slack gets mrkdwn and choices as a numbered list answered by number", async () => {
    const b = bot("slack");
    const [reply] = await b.send("port faster");
    expect(reply!.attachments ?? []).toHaveLength(0);
    expect(reply!.text).toContain("1. How can I expedite my port request?\n2. How long does the port process take?\n3. Can my number be ported on a weekend?");
    expect(reply!.text).toContain("Reply with a number.");
    const [answer] = await b.send("2");
    expect(answer!.text).toContain("*How long does the port process take?*");
    expect(answer!.text).toContain("*5 business days*");
    expect(answer!.text).toContain("<https://wiki.example.test/article/Porting_FAQ#how-long-does-a-port-take|Source: Porting FAQ: How long does the port process take?>");
  });

  it("Slack numbers the answer's related entries and Did this help? in one list", async () => {
    const b = bot("slack");
    const [answer] = await b.send("How long does a port take");
    expect(answer!.text).toMatch(/Did this help\?\n5\. Yes\n6\. No/);
    await b.send("5");
    expect(b.feedback.map((f) => f.status)).toEqual(["helpful"]);
  });

  it("another channel gets plain text with numbered choices", async () => {
    const b = bot("telegram");
    const [answer] = await b.send("How long does a port take");
    expect(answer!.text).toContain("On average a port takes 5 business days; see expedite (https://wiki.example.test/article/Porting_FAQ#expedite-a-port)");
    expect(answer!.text).toContain("1. How can I expedite my port request?");
    expect(answer!.text).not.toContain("**");
  });
});

describe("turn errors", () => {
  it("tells the user, logs without customer identifiers, and the next message is served", async () => {
    let fail = true;
    const engine = scriptedEngine(kb, SCRIPT);
    const b = testBot({
      kb,
      engine: {
        ask(question, options) {
          if (fail) throw new Error(`index broken while reading ${question}`);
          return engine.ask(question, options);
        },
      },
    });
    const [sorry] = await b.send("my number is 514-555-0199, what is a BTN");
    expect(sorry!.text).toContain("something went wrong");
    expect(b.logs.join("\n")).toContain("index broken while reading my number is [phone]");
    expect(b.logs.join("\n")).not.toContain("555-0199");
    fail = false;
    const [answer] = await b.send("How long does a port take");
    expect(cardText(answer!)).toContain("5 business days");
  });
});
