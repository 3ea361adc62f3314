import { describe, expect, it } from "vitest";
import { choiceLabels } from "../../src/render/choice-labels.js";

const choice = (title: string, article: string) => ({ title, source: { article, section: title, url: "https://wiki.example/a" } });

describe("choiceLabels", () => {
  it("names the article of choices whose titles are the same, and leaves distinct titles alone", () => {
    expect(
      choiceLabels([choice("Port Rejection", "Port Rejection"), choice("Port Rejection", "Porting a Number"), choice("Partial Port", "Port Rejection")]),
    ).toEqual(["Port Rejection (Port Rejection)", "Port Rejection (Porting a Number)", "Partial Port"]);
  });
});
