import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { resolveKbLink, toPlainText } from "../../src/render/markdown.js";
import { realKnowledge } from "./harness.js";
import { say, start, type Running } from "./http.js";

let bot: Running;
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
  bot = await start(kb, { SECOND_OPINION: "off" });
});
afterAll(() => bot.close());

const WHERE = "https://wiki.voip.ms/article/Port_Rejection#Where_to_send_my_Documentation.3F";

function customer() {
  const conversation = `links-${Math.random()}`;
  return async (text: string) => {
    const posted = await say(bot.url, conversation, { text });
    expect(posted.status).toBe(200);
    return { text: posted.replies(), raw: posted.text, data: posted.json().activities.map((a) => a.channelData ?? {}) as Array<Record<string, any>> };
  };
}

describe("a customer pasting a link to a wiki article", () => {
  it("gets the linked section's answer, not a rejection diagnosis read from the address", async () => {
    const entry = kb.entries.find((e) => e.source.url === WHERE)!;
    const reply = await customer()(WHERE);
    expect(reply.text).toContain(entry.title);
    expect(reply.text).not.toContain("Let's find out why your port was rejected");
    expect(reply.data.find((d) => d.status)).toMatchObject({ status: "answered", answer: { id: entry.id }, linked: true });
  });

  it("gets the answer to the question typed beside a link to a whole article", async () => {
    const reply = await customer()("https://wiki.voip.ms/article/Porting_FAQ how much does it cost to port a fax number?");
    expect(reply.text).toContain("$15");
  });

  it("is asked what to know from a whole article linked alone", async () => {
    const reply = await customer()("https://wiki.voip.ms/article/Porting_a_Number");
    expect(reply.text).toContain(`That link is the wiki's "Porting a Number" article`);
    expect(reply.raw).toContain("Fees and timing");
  });

  it("mid-diagnosis, is shown the linked answer and the diagnosis goes on where it was", async () => {
    const turn = customer();
    const asked = await turn("my port was rejected");
    expect(asked.raw).toContain("Port in");
    const reply = await turn(WHERE);
    expect(reply.text).toContain("Back to your diagnosis");
    expect((await turn("port in")).text).toContain("Which of these reasons does the rejection give?");
  });
});

describe("a customer copying the bot's answer back to it", () => {
  it("is shown that answer again, with how to ask about it, instead of a flow its facts would start", async () => {
    const turn = customer();
    const answered = await turn("how long does porting take");
    const id = answered.data.find((d) => d.answer)?.answer.id;
    const copied = toPlainText(kb.byId.get(id)!.body, resolveKbLink(kb)).split(/\s+/).slice(0, 40).join(" ");
    const reply = await turn(copied);
    expect(reply.text).toContain(`That's from the answer "${kb.byId.get(id)!.title}"`);
    expect(reply.text).not.toContain("Let's work out the fees");
    expect(reply.data.find((d) => d.status)).toMatchObject({ status: "answered", answer: { id }, quoted: true });
  });
});
