import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labels, realKnowledge } from "./harness.js";
import { channelData, conversations, start, type Posted, type Running } from "./http.js";

/**
 * A bare "no" typed through the bot's HTTP server: after an answer it is that answer's "Did this help? No", which
 * offers the next closest answers and a person; at a flow's step whose buttons are not yes and no, the step is asked
 * again saying so, with its buttons.
 */
let app: Running;
beforeAll(async () => {
  app = await start(await realKnowledge(), { SECOND_OPINION: "off" });
});
afterAll(() => app.close());

const chat = conversations(() => app, "typed-yes-no");
const lastButtons = (res: Posted) => labels(res.json().activities.at(-1)!);
const answered = (res: Posted) => channelData(res).find((d) => d.answer)?.answer?.id as string | undefined;

describe("a typed no after an answer", () => {
  it.each(["no", "nope", "not really", "nah"])("'%s' is the answer's 'Did this help? No': other close answers and a person are offered", async (no) => {
    const say = chat();
    const entry = answered(await say("how long does a port take?"));
    expect(entry).toBeDefined();
    const reply = await say(no);
    expect(reply.replies()).toContain("Sorry that didn't help");
    const offered = channelData(reply).find((d) => d.status === "unhelpful");
    expect(offered.alternatives.length).toBeGreaterThan(0);
    expect(offered.alternatives).not.toContain(entry);
    const buttons = lastButtons(reply);
    expect(buttons.at(-1)).toBe("Talk to a person");
    expect(buttons.length).toBe(offered.alternatives.length + 1);
  });

  it("an offered answer opens with its own 'Did this help?'", async () => {
    const say = chat();
    await say("how long does a port take?");
    const reply = await say("nope");
    const [first] = lastButtons(reply);
    const opened = await say(first!);
    expect(opened.replies()).toContain("Did this help?");
    expect(opened.replies()).not.toContain("Sorry that didn't help");
  });

  it("'yes it did' is the answer's 'Did this help? Yes'", async () => {
    const say = chat();
    await say("how long does a port take?");
    expect((await say("yes it did")).replies()).toContain("Glad it helped");
  });

  it("'nope' with no answer before it is only acknowledged", async () => {
    const reply = await chat()("nope");
    expect(reply.replies()).toContain("Noted.");
    expect(reply.replies()).not.toContain("Sorry that didn't help");
  });
});

describe("a yes or no at a step whose buttons are neither", () => {
  it.each(["no", "sí", "nope"])("'%s' at 'US or Canadian?' asks the step again with its buttons, saying a yes or no does not answer it", async (reply) => {
    const say = chat();
    const asked = await say("check before I port");
    const again = await say(reply);
    expect(again.replies()).toContain("rather than a yes or a no");
    expect(again.replies()).not.toContain("Back to your checklist:");
    expect(again.replies()).toContain("Is it a US or a Canadian number?");
    expect(lastButtons(again)).toEqual(lastButtons(asked));
    // The step still takes its answer.
    expect((await say("US")).replies()).toContain("What kind of number is it");
  });

  it("'sí' at a yes-or-no check answers it", async () => {
    const say = chat();
    await say("check before I port");
    await say("US");
    await say("landline");
    expect((await say("sí")).replies()).toContain("Check 2 of");
  });
});
