import { beforeAll, describe, expect, it } from "vitest";
import { directionWords, readDirection, type DirectionWords } from "../../src/reading/direction.js";
import { tokenize } from "../../src/reading/text.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";

let w: DirectionWords;

beforeAll(async () => {
  const kb = await loadKnowledgeBase(knowledgeDir({}));
  w = directionWords(kb.reading!.intents.direction, kb.reading!.places.carriers);
});

const direction = (text: string) => readDirection(w, tokenize(text));

describe("the port's direction, read once for the reader and the answer engine", () => {
  it.each(["my port to voip.ms got rejected, PIN incorrect", "switching to VoIP.ms from Bell", "can you port it?"])("'%s' is a port in", (text) => {
    expect(direction(text)).toBe("in");
  });

  it.each([
    "I'm leaving voip.ms and want to take my number with me",
    "I'm switching to Rogers, how do I take my number",
    "port my number from voip.ms to another provider",
    "how do I port my number to T-Mobile",
    "the new carrier wants my PIN to port away",
  ])("'%s' is a port out", (text) => {
    expect(direction(text)).toBe("out");
  });

  it.each(["move my number from Bell to voip.ms", "how to transfer my number from spectrum to voip.ms", "bring my cell from Telus over to voip.ms"])(
    "'%s' is a port in: a phrase out of voip.ms is not matched across another carrier or a 'to'",
    (text) => {
      expect(direction(text)).toBe("in");
    },
  );

  it("still reads a port out whose words have filler between them", () => {
    expect(direction("move my number from voip.ms to Rogers")).toBe("out");
    expect(direction("transfer the two numbers away from voip.ms")).toBe("out");
  });

  it.each(["I'm leaving Comcast for voip.ms", "how long to port my numbers out of Rogers", "can you take over my number from Bell", "transfer my number from Rogers to you", "switching from Verizon, what do you need"])(
    "'%s' is a port in: the number leaves another carrier",
    (text) => {
      expect(direction(text)).toBe("in");
    },
  );

  it("reads a port out of voip.ms even when another carrier is named after 'from'", () => {
    expect(direction("Rogers says my port out from voip.ms was rejected")).toBe("out");
    expect(direction("I want to port out, the new carrier is from Bell")).toBe("out");
  });

  it.each(["I talked to Bell and they need my account number", "what is a PIN", "how long does a port take", "I got an email from voip.ms about my port"])(
    "'%s' names no direction",
    (text) => {
      expect(direction(text)).toBeUndefined();
    },
  );
});
