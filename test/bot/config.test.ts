import { describe, expect, it } from "vitest";
import { ConfigError, isLocalMode, loadConfig } from "../../bot/config.js";

describe("bot configuration", () => {
  it("defaults to port 3978, multi-tenant, local mode", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, MicrosoftAppType: "MultiTenant" });
    expect(isLocalMode(config)).toBe(true);
  });

  it("treats empty values from .env as unset", () => {
    const config = loadConfig({ MicrosoftAppId: "", MicrosoftAppPassword: " ", MicrosoftAppType: "", KNOWLEDGE_DIR: "" });
    expect(isLocalMode(config)).toBe(true);
    expect(config.KNOWLEDGE_DIR).toBeUndefined();
  });

  it("is authenticated once an app id is set", () => {
    expect(isLocalMode(loadConfig({ MicrosoftAppId: "abc", MicrosoftAppPassword: "secret" }))).toBe(false);
  });

  it("names the field and the reason when a value is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT: /);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: /);
    expect(() => loadConfig({ MicrosoftAppType: "Personal" })).toThrow(/MicrosoftAppType: /);
  });

  it("needs the tenant of a single-tenant bot", () => {
    expect(() => loadConfig({ MicrosoftAppId: "abc", MicrosoftAppType: "SingleTenant" })).toThrow(/MicrosoftAppTenantId: a SingleTenant bot needs its tenant id/);
  });
});
