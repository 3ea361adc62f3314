import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../bot/config.js";
import { createLogger } from "../../bot/log.js";
import { createStateStore } from "../../bot/storage.js";

describe("state settings", () => {
  it("default to memory, a 24-hour time-to-live, 10,000 conversations, no admin key", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ STATE_TTL_HOURS: 24, MEMORY_STATE_MAX: 10_000 });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.ADMIN_API_KEY).toBeUndefined();
    expect(createStateStore(config, { log: createLogger(() => {}) }).kind).toBe("memory");
  });

  it("choose Redis when REDIS_URL is set, plain or TLS", async () => {
    for (const url of ["redis://127.0.0.1:1", "rediss://:secret@cache.example.net:6380/0"]) {
      const config = loadConfig({ REDIS_URL: url, STATE_TTL_HOURS: "0.5" });
      expect(config.STATE_TTL_HOURS).toBe(0.5);
      const state = createStateStore({ ...config, REDIS_URL: "redis://127.0.0.1:1" }, { log: createLogger(() => {}) });
      expect(state.kind).toBe("redis");
      await state.close();
    }
  });

  it("name the setting that is wrong, without echoing its value", () => {
    const wrong: Array<[NodeJS.ProcessEnv, string]> = [
      [{ REDIS_URL: "http://user:hunter2@cache:6379" }, "REDIS_URL: must be a redis:// or rediss:// URL"],
      [{ STATE_TTL_HOURS: "0" }, "STATE_TTL_HOURS:"],
      [{ MEMORY_STATE_MAX: "lots" }, "MEMORY_STATE_MAX:"],
      [{ ADMIN_API_KEY: "hunter2" }, "ADMIN_API_KEY: must be at least 16 characters"],
    ];
    for (const [env, message] of wrong) {
      const error = (() => {
        try {
          loadConfig(env);
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.message).toContain(message);
      expect(error!.message).not.toContain("hunter2");
    }
  });
});
