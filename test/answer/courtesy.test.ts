import { describe, expect, it } from "vitest";
import { withoutCourtesy } from "../../src/answer/courtesy.js";

describe("courtesies before a question", () => {
  it.each([
    ["Thanks for the help earlier. Can I port a toll free number?", "Can I port a toll free number?"],
    ["Hi there! thanks so much for your help earlier, can I port a fax line", "can I port a fax line"],
    ["Hello, how long does a port take?", "how long does a port take?"],
    ["Thank you, my port was rejected", "my port was rejected"],
    ["Merci! Combien de temps prend un transfert?", "Combien de temps prend un transfert?"],
  ])("'%s' is matched as '%s'", (text, question) => {
    expect(withoutCourtesy(text)).toBe(question);
  });

  it.each(["thanks", "Hi there!", "Hi Bell rejected my port", "thanks to the FOC date I know when it ports"])(
    "'%s' keeps what it says",
    (text) => {
      expect(withoutCourtesy(text)).toBe(text);
    },
  );
});
