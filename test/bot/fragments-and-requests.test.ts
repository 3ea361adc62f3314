import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labels, realKnowledge } from "./harness.js";
import { channelData, conversations, estimateOf, say, start, type Posted, type Running } from "./http.js";

/**
 * What a new customer types that the reading used to lose, through the bot's HTTP server: fragments after an
 * estimate, a port-out rejection, French and Spanish directions, a day the port is needed by, a misspelt country, a
 * notice pasted in reply to a question, and two requests in one message.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge());
});
afterAll(() => app.close());

const chat = conversations(() => app, "fragments-and-requests");
const understoodOf = (res: Posted) => channelData(res).find((d) => d.understood)?.understood;
const nextOf = (res: Posted) => channelData(res).find((d) => d.nextRequest)?.nextRequest;

describe("fragments after an estimate", () => {
  it("'what about 3 more of the same' adds three numbers of the kind ordered, and 'what if I cancel' prices the cancellation", async () => {
    const say = chat();
    expect(estimateOf(await say("how much to port 2 local numbers in Texas"))).toMatchObject({ input: { numbers: { local: 2 }, cancel: false }, total: 0 });
    expect(estimateOf(await say("what about 3 more of the same"))).toMatchObject({ input: { numbers: { local: 5 }, country: "US" } });
    const cancelled = estimateOf(await say("what if I cancel"));
    expect(cancelled).toMatchObject({ input: { numbers: { local: 5 }, cancel: true }, completion: null });
    expect(cancelled.lines.map((l: { event: string }) => l.event)).toContain("cancellation");
  });

  it("a message sent twice (Enter pressed twice, Web Chat's stamps 300 ms apart) is applied once: '2 more' adds two; the copy gets no reply", async () => {
    const id = `double-send-${Math.random()}`;
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 15, 0, 0) + ms).toISOString();
    const send = (text: string, ms: number) => say(app.url, id, { text, localTimestamp: at(ms) });
    expect(estimateOf(await send("how much to port 3 toll free numbers from Texas", 0))).toMatchObject({ input: { numbers: { "toll-free": 3 } } });
    const first = await send("what about 2 more", 10_000);
    const copy = await send("what about 2 more", 10_300);
    expect(estimateOf(first)).toMatchObject({ input: { numbers: { "toll-free": 5 } } });
    expect(copy.status).toBe(200);
    expect(copy.json().activities).toEqual([]);
    const concurrent = await Promise.all([send("and 1 more", 20_000), send("and 1 more", 20_000)]);
    expect(concurrent.map(estimateOf).filter(Boolean).map((e) => e.input.numbers["toll-free"])).toEqual([6]);
    // The same words asked again later are a new request.
    expect(estimateOf(await send("what about 2 more", 30_000))).toMatchObject({ input: { numbers: { "toll-free": 8 } } });
  });

  it("'what if I cancel' with no estimate before it starts no estimate", async () => {
    const res = await chat()("what if I cancel");
    expect(estimateOf(res)).toBeUndefined();
  });
});

describe("the direction, place and day read from the first message", () => {
  it("a port-out rejection is not asked whether it is a port in or out", async () => {
    const res = await chat()("I'm porting out to Rogers, they rejected it");
    expect(understoodOf(res)).toMatchObject({ intent: "diagnosis", facts: { direction: "out" } });
    expect(res.replies()).toContain("Let's find out why your port was rejected");
    expect(res.replies()).not.toContain("Are you porting the number in");
  });

  it("a Spanish port-in with landlines in Toronto is estimated with no question", async () => {
    const res = await chat()("portabilidad entrante de 2 números fijos en Toronto, ¿cuánto cuesta?");
    expect(understoodOf(res)).toMatchObject({ intent: "estimate", facts: { direction: "in", country: "CA" } });
    expect(estimateOf(res)).toMatchObject({ input: { numbers: { local: 2 }, country: "CA" }, total: 0 });
  });

  it("'Canda' is Canada", async () => {
    const res = await chat()("how much to port 3 local numbers in Canda");
    expect(estimateOf(res)).toMatchObject({ input: { numbers: { local: 3 }, country: "CA" } });
  });

  it("'need it done by tomorrow' is the day it is needed by, not the submission day: the estimate says it is late", async () => {
    const say = chat();
    const asked = await say("how long to port 2 local numbers in Ohio, need it done by tomorrow");
    expect(understoodOf(asked).facts.deadline).toBeDefined();
    expect(understoodOf(asked).facts.submitted).toBeUndefined();
    expect(asked.replies()).toContain("When will you submit");
    const done = await say("today");
    const estimate = estimateOf(done);
    expect(estimate.deadline).toEqual({ date: understoodOf(asked).facts.deadline, inTime: false });
    expect(done.replies()).toContain("but the expected completion is later");
  });
});

describe("a notice pasted in reply to a question", () => {
  it("is said to be read before the question it leaves open", async () => {
    const say = chat();
    expect((await say("my port was rejected")).replies()).toContain("Are you porting the number in");
    const res = await say("REJECT: INVALID PASSCODE");
    expect(res.replies()).toContain("Thanks, I've read the notice.");
  });
});

describe("two requests in one message", () => {
  it("starts the estimate, says the diagnosis comes next, and offers it once the estimate is given", async () => {
    const say = chat();
    const first = await say("how much for 2 local and also why was my port rejected");
    expect(first.replies()).toContain("You asked two things");
    expect(first.replies()).toContain("Where are the numbers from?");
    const estimated = await say("Ohio");
    expect(estimateOf(estimated)).toMatchObject({ input: { numbers: { local: 2 }, country: "US" } });
    expect(nextOf(estimated)).toBe("why was my port rejected");
    const offer = estimated.json().activities.find((a) => a.channelData?.nextRequest);
    expect(offer).toBeDefined();
    expect(labels(offer!)).toEqual(["why was my port rejected"]);
    const diagnosis = await say("why was my port rejected");
    expect(understoodOf(diagnosis)).toMatchObject({ intent: "diagnosis" });
  });

  it("answers the first of two porting questions and offers the second", async () => {
    const res = await chat()("what is a FOC date? and how long does a port take?");
    expect(channelData(res).find((d) => d.status)).toMatchObject({ status: "answered", answer: { id: "foc" } });
    expect(nextOf(res)).toBe("how long does a port take?");
  });

  it("takes the offered second request on a typed 'yes' or 'ok', and only acknowledges a 'no'", async () => {
    const say = chat();
    expect(nextOf(await say("what is a FOC date? and why was my port rejected?"))).toBe("why was my port rejected?");
    const taken = await say("yes please");
    expect(understoodOf(taken)).toMatchObject({ intent: "diagnosis" });
    expect(taken.replies()).toContain("Let's find out why your port was rejected");

    const okay = chat();
    await okay("what is a FOC date? and why was my port rejected?");
    const taken2 = await okay("ok");
    expect(understoodOf(taken2)).toMatchObject({ intent: "diagnosis" });
    expect(taken2.replies()).not.toContain("Noted.");

    const other = chat();
    await other("what is a FOC date? and why was my port rejected?");
    const declined = await other("no");
    expect(declined.replies()).toContain("Noted.");
    expect(declined.replies()).not.toContain("Let's find out why your port was rejected");
  });

  it("forgets the second request when the customer cancels", async () => {
    const say = chat();
    await say("how much for 2 local and also why was my port rejected");
    await say("cancel");
    const res = await say("how much to port 2 local numbers in Texas");
    expect(estimateOf(res)).toBeDefined();
    expect(nextOf(res)).toBeUndefined();
  });

  it("masks a phone number in the request it repeats", async () => {
    const res = await chat()("what is a FOC date? and why was 514-555-0199 rejected?");
    expect(JSON.stringify(res.json().activities)).not.toContain("555-0199");
  });
});
