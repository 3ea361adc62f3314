import { describe, expect, it } from "vitest";
import { commandIn } from "../../bot/dialogs/commands.js";
import { flowFor } from "../../bot/dialogs/flows.js";

describe("flow trigger phrases", () => {
  it.each([
    ["My port was rejected", "diagnose"],
    ["why was my port rejected?", "diagnose"],
    ["our port request got rejected again", "diagnose"],
    ["Rejected - BTN mismatch", "diagnose"],
    ["LSR rejected: address does not match CSR", "diagnose"],
    ["Diagnose my rejection", "diagnose"],
    ["check before I port", "checklist"],
    ["I'd like to port a number", "checklist"],
    ["Fees and timing", "estimate"],
    ["how much to port 3 fax numbers and 2 toll free", "estimate"],
    ["how long for a canadian cell number if i submit friday", "estimate"],
    ["Estimate my fees and dates", "estimate"],
    ["Another estimate", "estimate"],
  ])("'%s' starts %s", (text, flow) => {
    expect(flowFor(text)).toBe(flow);
  });

  it.each([
    "what happens if my port is rejected",
    "port rejected for negative balance",
    "how much does it cost to port a number",
    "how long does a port take",
    "can a port be rejected for the PIN?",
    "what does check before you port mean in the rejection article",
  ])("'%s' is a question for the answer engine", (text) => {
    expect(flowFor(text)).toBeUndefined();
  });
});

describe("global commands", () => {
  it.each([
    ["help", "help"],
    ["Help?", "help"],
    ["?", "help"],
    ["MENU", "menu"],
    ["hi", "menu"],
    ["Hello!", "menu"],
    ["hey", "menu"],
    ["Good morning", "menu"],
    ["Bonjour", "menu"],
    ["¡Hola!", "menu"],
    ["Buenos días", "menu"],
    ["start over", "start-over"],
    ["Cancel.", "cancel"],
    ["never mind", "cancel"],
    ["agent", "handoff"],
    ["Human!", "handoff"],
    ["please talk to a person", "handoff"],
    ["Ask a question", "ask"],
  ])("'%s' is %s", (text, command) => {
    expect(commandIn(text)).toBe(command);
  });

  it.each(["how do I cancel my port", "help me port my number", "my agent said the port is done", "hi, how long does a port take", "hello I was rejected", ""])("'%s' is not a command", (text) => {
    expect(commandIn(text)).toBeUndefined();
  });
});
