import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { channelData, conversations, estimateOf, start, type Posted, type Running } from "./http.js";

/**
 * After an estimate, customers change it in fragments ("and if expedited?", "what about 3 more", "for Quebec
 * instead"): through the bot's HTTP server, each fragment changes the order just estimated and gives the new estimate,
 * instead of going to the answer engine as a question of its own.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge());
});
afterAll(() => app.close());

const chat = conversations(() => app, "estimate-follow-ups");
const statusOf = (res: Posted) => channelData(res).find((d) => d.status)?.status;

describe("fragments that change the estimate just given", () => {
  it("applies 'and if expedited?', 'what about 3 more', 'for Quebec instead' and 'make it 10' to the order, keeping the rest", async () => {
    const say = chat();
    const first = estimateOf(await say("how much to port 2 local numbers in Texas"));
    expect(first).toMatchObject({ input: { numbers: { local: 2 }, country: "US", expedite: false }, total: 0 });

    const expedited = estimateOf(await say("and if expedited?"));
    expect(expedited).toMatchObject({ input: { numbers: { local: 2 }, country: "US", expedite: true, submitted: first.input.submitted }, total: 250 });

    const more = estimateOf(await say("what about 3 more"));
    expect(more).toMatchObject({ input: { numbers: { local: 5 }, country: "US", expedite: true } });

    const quebec = estimateOf(await say("for Quebec instead"));
    expect(quebec).toMatchObject({ input: { numbers: { local: 5 }, country: "CA", expedite: true } });

    const ten = estimateOf(await say("make it 10"));
    expect(ten).toMatchObject({ input: { numbers: { local: 10 }, country: "CA", expedite: true } });
  });

  it("adds 'and 2 toll free' to the order, and prices 'what if it gets rejected twice' with two resubmissions", async () => {
    const say = chat();
    await say("how much to port 3 fax numbers in Ohio");
    const added = estimateOf(await say("and 2 toll free"));
    expect(added).toMatchObject({ input: { numbers: { fax: 3, "toll-free": 2 }, country: "US" }, total: 45 });
    const rejected = estimateOf(await say("what if it gets rejected twice"));
    expect(rejected).toMatchObject({ input: { numbers: { fax: 3, "toll-free": 2 }, rejections: 2 }, total: 62.5 });
  });

  it("asks which kind a bare count is when the order had several, then estimates with it added", async () => {
    const say = chat();
    await say("price for 2 local and 1 fax in Ohio");
    const asked = await say("what about 4 more");
    expect(estimateOf(asked)).toBeUndefined();
    expect(asked.replies()).toContain("Let's redo your estimate with that change");
    const done = estimateOf(await say("fax"));
    expect(done).toMatchObject({ input: { numbers: { local: 2, fax: 5 }, country: "US" }, total: 75 });
  });

  it("still answers a question of its own after an estimate, and takes no phone number for a change of place", async () => {
    const say = chat();
    await say("how much to port 2 local numbers in Texas");
    const question = await say("what is a FOC date?");
    expect(estimateOf(question)).toBeUndefined();
    expect(statusOf(question)).toBe("answered");
    const phone = await say("514-555-0199");
    expect(estimateOf(phone)).toBeUndefined();
    // The question in between does not make the estimate stale.
    expect(estimateOf(await say("and if expedited?"))).toMatchObject({ input: { numbers: { local: 2 }, country: "US", expedite: true } });
  });

  it("forgets the estimate once another flow starts or the customer starts over: the fragment is then a question", async () => {
    const say = chat();
    await say("how much to port 2 local numbers in Texas");
    await say("my port was rejected");
    await say("cancel");
    const afterDiagnosis = await say("and if expedited?");
    expect(estimateOf(afterDiagnosis)).toBeUndefined();
    // The answer engine's, whether it answers or offers its choices.
    expect(["answered", "clarify"]).toContain(statusOf(afterDiagnosis));

    await say("how much to port 2 local numbers in Texas");
    await say("start over");
    expect(estimateOf(await say("for Quebec instead"))).toBeUndefined();
  });

  it("takes no fragment as a change before any estimate was given", async () => {
    const res = await chat()("and if expedited?");
    expect(estimateOf(res)).toBeUndefined();
    expect(res.replies()).not.toContain("Let's redo your estimate");
  });
});
