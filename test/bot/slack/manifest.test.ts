import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SLACK_PATH, SLASH_COMMAND } from "../../../bot/slack/app.js";

const manifest = parse(readFileSync(join(import.meta.dirname, "../../../bot/slack/manifest.yaml"), "utf8"));

describe("the Slack app manifest", () => {
  it("sends events, interactivity and the slash command to the one route the bot serves", () => {
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c: { url: string }) => c.url)];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_PATH);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("declares the command, the events and the scopes the app uses", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(["app_mention", "message.im"]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "im:history"]));
  });
});
