import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Next, Request, Response, Server } from "restify";
import { projectRoot } from "../../src/paths.js";
import type { WebChatSettings } from "./settings.js";

interface Asset {
  body: Buffer;
  type: string;
  /** Seconds a browser may keep it without asking again. */
  maxAge: number;
}

function asset(path: string, type: string, maxAge = 0): Asset {
  return { body: readFileSync(path), type, maxAge };
}

/**
 * The customer page at GET /, its script and style under /webchat/, Web Chat's prebuilt bundle from the
 * botframework-webchat package (nothing from a CDN), and /embed.js for the provider's own pages.
 */
export function registerWebChatPage(server: Server, settings: WebChatSettings): void {
  const root = projectRoot();
  const page = join(root, "bot", "webchat", "public");
  const assets = new Map<string, Asset>([
    ["/", asset(join(page, "index.html"), "text/html; charset=utf-8")],
    ["/embed.js", asset(join(page, "embed.js"), "text/javascript; charset=utf-8", 300)],
    ["/webchat/chat.js", asset(join(page, "chat.js"), "text/javascript; charset=utf-8", 300)],
    ["/webchat/chat.css", asset(join(page, "chat.css"), "text/css; charset=utf-8", 300)],
    ["/webchat/webchat.js", asset(join(root, "node_modules", "botframework-webchat", "dist", "webchat.js"), "text/javascript; charset=utf-8", 86_400)],
    ["/webchat/config.json", { body: Buffer.from(JSON.stringify(settings)), type: "application/json; charset=utf-8", maxAge: 0 }],
  ]);

  for (const [path, { body, type, maxAge }] of assets) {
    server.get(path, (_req: Request, res: Response, next: Next) => {
      res.writeHead(200, {
        "Content-Type": type,
        "Content-Length": body.length,
        "Cache-Control": maxAge ? `public, max-age=${maxAge}` : "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(body);
      return next();
    });
  }
}
