import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";

/** How instances tell each other to reload their knowledge (POST /admin/reload reaches one of them). */
export interface ReloadAnnouncements {
  /** Tells every other instance to reload; resolves to how many instances heard it. */
  announce(): Promise<number>;
  /** Calls `reload` each time another instance announces a reload. */
  listen(reload: () => void): void;
  close(): Promise<void>;
}

/** One instance alone: nobody to tell. */
export const aloneAnnouncements: ReloadAnnouncements = {
  announce: async () => 0,
  listen: () => {},
  close: async () => {},
};

const Announcement = z.object({ reload: z.string(), from: z.string() });

/**
 * Reload announcements on a Redis pub/sub channel: each instance reloads its own knowledge folder when it hears one.
 * Listening takes a connection of its own (a subscribed connection can do nothing else). An instance ignores its
 * own announcements; a malformed message is ignored.
 */
export class RedisReloadAnnouncements implements ReloadAnnouncements {
  private readonly instance = randomUUID();
  private subscriber: Redis | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly onProblem: (message: string) => void,
    private readonly channel = "porting-bot:reload",
  ) {}

  async announce(): Promise<number> {
    const heard = await this.redis.publish(this.channel, JSON.stringify({ reload: randomUUID(), from: this.instance }));
    return this.subscriber ? Math.max(0, heard - 1) : heard;
  }

  listen(reload: () => void): void {
    const subscriber = (this.subscriber ??= this.redis.duplicate());
    subscriber.on("message", (channel: string, text: string) => {
      if (channel !== this.channel) return;
      let parsed;
      try {
        parsed = Announcement.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) return this.onProblem("ignored a malformed reload announcement");
      if (parsed.data.from !== this.instance) reload();
    });
    subscriber.subscribe(this.channel).catch((error: unknown) => this.onProblem(`cannot listen for reload announcements: ${(error as Error).message}`));
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
