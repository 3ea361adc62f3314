import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { projectRoot } from "../../src/paths.js";

export const ARTIFACTS = join(projectRoot(), "test-artifacts");
export const CHROMIUM = "/usr/bin/chromium";
const PLAYGROUND = join(projectRoot(), "node_modules", ".bin", "agentsplayground");

export type Mode = "webchat" | "msteams";

export interface Playground {
  url: string;
  stop(): void;
}

/** Starts the Agents Playground for one channel, headless (no browser of its own), and waits until it listens. */
export function startPlayground(botEndpoint: string, mode: Mode): Promise<Playground> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const child: ChildProcess = spawn(PLAYGROUND, ["-e", botEndpoint, "-c", mode, "--dt", "-p", "0"], {
    cwd: ARTIFACTS,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", M365_AGENTS_PLAYGROUND_LOGFILE: join(ARTIFACTS, `playground-${mode}.log`) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () => child.kill();
  // Also when the test worker ends early, so no Playground outlives the run.
  process.once("exit", stop);
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) resolve({ url: `http://127.0.0.1:${listening[1]}`, stop });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the Playground exited (${code}) before listening:\n${output}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The Playground's chat as a user sees it, in either channel mode. */
export class Chat {
  /** How many cards the bot had sent when the user last sent or clicked something. */
  private cardsBefore = 0;

  constructor(
    readonly page: Page,
    readonly mode: Mode,
  ) {}

  /** Web chat has a text input; the Teams look-alike a rich-text editor. */
  private get input(): Locator {
    return this.mode === "webchat" ? this.page.getByPlaceholder("Type your message") : this.page.locator("[contenteditable=true][role=textbox]");
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.input.waitFor();
  }

  private get cards(): Locator {
    return this.page.locator(".ac-adaptiveCard");
  }

  async send(text: string): Promise<void> {
    this.cardsBefore = await this.cards.count();
    await this.input.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }

  /** Waits until the page shows `text` (the newest occurrence) and returns it. */
  async shows(text: string): Promise<Locator> {
    const found = this.page.getByText(text, { exact: false }).last();
    await found.waitFor();
    return found;
  }

  /** The bot's first card after the user's last message or click, once shown. */
  async reply(): Promise<Locator> {
    const card = this.cards.nth(this.cardsBefore);
    await card.waitFor();
    return card;
  }

  /** Clicks the newest button with this label (web chat posts its text as the user's message). */
  async click(label: string): Promise<void> {
    this.cardsBefore = await this.cards.count();
    await this.page.getByRole("button", { name: label, exact: true }).last().click();
  }

  /**
   * The page as it is, or only `element`. The chat scrolls inside the page, so a card taller than the window is
   * captured with the window made tall enough for it.
   */
  async screenshot(name: string, element?: Locator): Promise<string> {
    const path = join(ARTIFACTS, `${name}.png`);
    if (!element) {
      await this.page.screenshot({ path });
      return path;
    }
    const viewport = this.page.viewportSize()!;
    const height = (await element.boundingBox())?.height ?? 0;
    await this.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + 400) });
    try {
      await element.screenshot({ path });
    } finally {
      await this.page.setViewportSize(viewport);
    }
    return path;
  }
}
