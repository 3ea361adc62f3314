import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createAnswerEngine } from "../src/answer/engine.js";
import { createSecondOpinion } from "../src/answer/second-opinion.js";
import type { VectorCache } from "../src/answer/vector-cache.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "../src/knowledge/loader.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import type { Logger } from "./log.js";
import type { Knowledge, KnowledgeSource } from "./services.js";
import { currentTurn } from "./turn-scope.js";

export type ReloadResult =
  | { status: "reloaded"; entries: number }
  /** The files on disk are invalid: the previous knowledge keeps serving. */
  | { status: "invalid"; problems: string[] };

/**
 * Every file below the folder with its size and modification time: changes when any file is added, removed,
 * replaced or edited. Polled rather than watched, so it works alike on local disks, bind mounts and network volumes.
 */
export async function folderFingerprint(dir: string): Promise<string> {
  const items = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = items.filter((item) => item.isFile()).map((item) => join(item.parentPath, item.name)).sort();
  const parts = await Promise.all(
    files.map(async (file) => {
      try {
        const s = await stat(file);
        return `${file}\t${s.size}\t${s.mtimeMs}`;
      } catch {
        return `${file}\tgone`;
      }
    }),
  );
  return parts.join("\n");
}

/**
 * The knowledge the bot serves, reloaded from its folder while the bot runs: on demand (`reload`, behind
 * POST /admin/reload) and when a file changes (`watch`). A new base is loaded and validated whole, its engine
 * built, and only then swapped in; an invalid one changes nothing and its problems are logged. A turn keeps the
 * knowledge it started with (see turn-scope.ts).
 */
export class LiveKnowledge implements KnowledgeSource {
  private knowledge: Knowledge;
  private loading: Promise<ReloadResult> | undefined;
  private listeners: Array<(result: ReloadResult) => void> = [];

  private constructor(
    knowledge: Knowledge,
    readonly dir: string,
    private readonly log: Logger,
    /** The folder's fingerprint taken just before it was last read, valid or not. */
    private seen: string,
    private readonly vectors: VectorCache | undefined,
  ) {
    this.knowledge = knowledge;
  }

  /**
   * Throws KnowledgeBaseError when the folder is invalid: the bot does not start without valid knowledge. With a
   * vector cache, every version of the knowledge gets the sentence encoder's second opinion.
   */
  static async load(dir: string, log: Logger, vectors?: VectorCache): Promise<LiveKnowledge> {
    const seen = await folderFingerprint(dir).catch(() => "");
    const kb = await loadKnowledgeBase(dir);
    return new LiveKnowledge(await withEngine(kb, vectors, log), dir, log, seen, vectors);
  }

  current(): Knowledge {
    return currentTurn()?.knowledge ?? this.knowledge;
  }

  latest(): Knowledge {
    return this.knowledge;
  }

  onReload(listener: (result: ReloadResult) => void): void {
    this.listeners.push(listener);
  }

  /** Loads the folder again; reloads asked for while one runs share its result. */
  reload(): Promise<ReloadResult> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<ReloadResult> {
    let result: ReloadResult;
    try {
      this.seen = await folderFingerprint(this.dir);
      const kb = await loadKnowledgeBase(this.dir);
      this.knowledge = await withEngine(kb, this.vectors, this.log);
        result = { status: "reloaded", entries: kb.entries.length };
      this.log.info(`knowledge reloaded: ${kb.entries.length} entries from ${this.dir}`);
    } catch (error) {
      const problems = error instanceof KnowledgeBaseError ? error.problems : [(error as Error).message];
      result = { status: "invalid", problems };
      this.log.error(`knowledge not reloaded, the previous version keeps serving: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    for (const listener of this.listeners) listener(result);
    return result;
  }

  /**
   * Checks the folder every `intervalMs` and reloads when a file changed; returns the function that stops it.
   * A file caught half-written fails validation and is picked up again once complete, since its time changes.
   */
  watch(intervalMs = 1000): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const check = async () => {
      try {
        if ((await folderFingerprint(this.dir)) !== this.seen) await this.reload();
      } catch (error) {
        this.log.error(`cannot read the knowledge folder: ${(error as Error).message}`);
      }
      if (!stopped) timer = setTimeout(check, intervalMs).unref();
    };
    timer = setTimeout(check, intervalMs).unref();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
}

/** The engine over the base, and the second opinion when there is an encoder; a failing encoder only costs the latter. */
async function withEngine(kb: KnowledgeBase, vectors: VectorCache | undefined, log: Logger): Promise<Knowledge> {
  const engine = createAnswerEngine(kb);
  if (!vectors) return { kb, engine, search: engine };
  try {
    return { kb, engine, search: engine, opinion: await createSecondOpinion(kb, vectors) };
  } catch (error) {
    log.error(`sentence encoder failed, answering without its second opinion: ${(error as Error).message}`);
    return { kb, engine, search: engine };
  }
}
