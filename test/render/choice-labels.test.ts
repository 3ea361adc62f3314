import { describe, expect, it } from "vitest";
import { choiceLabels } from "../../src/render/choice-labels.js";

const choice = (title: string, article: string) => ({ title, source: { article, section: title, url: "https://wiki.example/a" } });

describe("choiceLabels", () => {
  it("names the article of choices whose titles are the same, and leaves distinct titles alone", () => {
    expect(choiceLabels([choice("Port Rejection (overview)", "Port Rejection"), choice("Port Rejection", "Porting FAQ"), choice("Port Rejection", "Porting a Number"), choice("Partial Port", "Port Rejection")])).toEqual([
      "Port Rejection (overview)",
      "Port Rejection (Porting FAQ)",
      "Port Rejection (Porting a Number)",
      "Partial Port",
    ]);
  });

  it("calls the colliding section named like its own article its main section, instead of repeating the name", () => {
    expect(choiceLabels([choice("Port Rejection (overview)", "Port Rejection"), choice("Port Rejection", "Port Rejection"), choice("Port Rejection", "Porting a Number")])).toEqual([
      "Port Rejection (overview)",
      "Port Rejection (main section)",
      "Port Rejection (Porting a Number)",
    ]);
  });

  it("leaves a title named like its article alone when nothing collides with it", () => {
    expect(choiceLabels([choice("Port Rejection", "Port Rejection"), choice("Partial Port", "Port Rejection")])).toEqual(["Port Rejection", "Partial Port"]);
  });
  it("offers an entry by its own choice label where it has one", () => {
    expect(choiceLabels([{ ...choice("IMPORTANT", "Port Rejection"), label: "How long do I have to answer a rejection?" }, choice("Port Rejection", "Port Rejection")])).toEqual([
      "How long do I have to answer a rejection?",
      "Port Rejection",
    ]);
  });
});
