import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SEARCH_COMMAND, SEARCH_PARAMETER } from "../../bot/extension/search-extension.js";

const dir = join(import.meta.dirname, "../../bot/appPackage");

const Manifest = z.object({
  manifestVersion: z.string(),
  id: z.literal("${{MicrosoftAppId}}"),
  icons: z.object({ color: z.string(), outline: z.string() }),
  bots: z.array(z.object({ botId: z.literal("${{MicrosoftAppId}}"), scopes: z.array(z.string()) })).length(1),
  composeExtensions: z
    .array(
      z.object({
        botId: z.literal("${{MicrosoftAppId}}"),
        commands: z.array(z.object({ id: z.string(), type: z.string(), initialRun: z.boolean(), parameters: z.array(z.object({ name: z.string() })) })),
      }),
    )
    .length(1),
});

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(join(dir, file));
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("Teams app package", () => {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));

  it("installs the bot in personal chat, group chats and team channels", () => {
    expect(manifest.bots[0]!.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
  });

  it("uses a current manifest version", () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.22);
  });

  it("declares the search message extension the bot answers, run as soon as it opens", () => {
    const [command] = manifest.composeExtensions[0]!.commands;
    expect(command).toMatchObject({ id: SEARCH_COMMAND, type: "query", initialRun: true });
    expect(command!.parameters.map((p) => p.name)).toEqual([SEARCH_PARAMETER]);
  });

  it("ships the icon sizes Teams requires", () => {
    expect(pngSize(manifest.icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32 });
  });
});
