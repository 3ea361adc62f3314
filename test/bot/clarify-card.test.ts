import { describe, expect, it } from "vitest";
import { clarifyCard } from "../../bot/cards/clarify-card.js";
import type { Choice } from "../../src/answer/result.js";

const choice = (id: string, title: string, label?: string): Choice => ({
  id,
  title,
  type: "faq",
  source: { article: "Port Rejection", section: title, url: "https://wiki.example/a" },
  score: 0.5,
  ...(label ? { label } : {}),
});

describe("the clarify card", () => {
  it("shows a choice by its entry's label, and opens the entry by its id", () => {
    const card = clarifyCard([choice("important", "IMPORTANT", "How long do I have to answer a rejection?"), choice("partial-port", "Partial Port")], "rejection", "en");
    const choices = card.groups![0]!.choices;
    expect(choices.map((c) => c.label)).toEqual(["How long do I have to answer a rejection?", "Partial Port"]);
    expect(choices[0]!.action).toMatchObject({ action: "open", id: "important" });
  });
});
