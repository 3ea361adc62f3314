import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createAnswerEngine } from "../src/answer/engine.js";
import { createSecondOpinion, type SecondOpinionOptions } from "../src/answer/second-opinion.js";
import type { VectorCache } from "../src/answer/vector-cache.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "../src/knowledge/loader.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import type { Logger } from "./log.js";
import type { Knowledge, KnowledgeSource, OpinionStatus } from "./services.js";
import { currentTurn } from "./turn-scope.js";

/** How the second opinion of every version of the knowledge reviews (its time budget). */
export type ReviewOptions = Pick<SecondOpinionOptions, "budgetMs" | "onLate">;

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
 *
 * The engine serves at once; the sentence encoder's second opinion is prepared in the background (the model loaded,
 * the phrasings embedded) and attached to the knowledge it was built for only if that knowledge is still served, so
 * an opinion never reviews another version's entries. A newer load abandons the preparation of an older one.
 */
export class LiveKnowledge implements KnowledgeSource {
  private knowledge: Knowledge;
  private loading: Promise<ReloadResult> | undefined;
  private listeners: Array<(result: ReloadResult) => void> = [];
  private status: OpinionStatus;
  private preparing: AbortController | undefined;
  /** Settles when the opinion of the knowledge served is attached or given up. */
  private prepared: Promise<void> = Promise.resolve();

  private constructor(
    knowledge: Knowledge,
    readonly dir: string,
    private readonly log: Logger,
    /** The folder's fingerprint taken just before it was last read, valid or not. */
    private seen: string,
    private readonly vectors: Promise<VectorCache | undefined> | undefined,
    private readonly reviews: ReviewOptions,
  ) {
    this.knowledge = knowledge;
    this.status = vectors ? "pending" : "off";
    this.prepareOpinion(knowledge);
  }

  /**
   * Throws KnowledgeBaseError when the folder is invalid: the bot does not start without valid knowledge. With
   * sentence vectors (or their loading), every version of the knowledge gets the second opinion once it is ready.
   */
  static async load(dir: string, log: Logger, vectors?: VectorCache | Promise<VectorCache | undefined>, reviews: ReviewOptions = {}): Promise<LiveKnowledge> {
    const seen = await folderFingerprint(dir).catch(() => "");
    const kb = await loadKnowledgeBase(dir);
    return new LiveKnowledge(withEngine(kb), dir, log, seen, vectors === undefined ? undefined : Promise.resolve(vectors), reviews);
  }

  current(): Knowledge {
    return currentTurn()?.knowledge ?? this.knowledge;
  }

  latest(): Knowledge {
    return this.knowledge;
  }

  opinionStatus(): OpinionStatus {
    return this.status;
  }

  /** Settles once the second opinion of the knowledge now served is attached, failed or abandoned for a newer load. */
  opinionSettled(): Promise<void> {
    return this.prepared;
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
      this.knowledge = withEngine(kb);
      this.prepareOpinion(this.knowledge);
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

  /** Builds the second opinion of `knowledge` in the background and attaches it if `knowledge` is still served. */
  private prepareOpinion(knowledge: Knowledge): void {
    if (!this.vectors) return;
    this.preparing?.abort();
    const preparing = (this.preparing = new AbortController());
    this.status = "pending";
    const started = performance.now();
    this.prepared = (async () => {
      const vectors = await this.vectors;
      if (!vectors) throw new Error("the sentence encoder is not loaded");
      const opinion = await createSecondOpinion(knowledge.kb, vectors, { ...this.reviews, signal: preparing.signal });
      // The first customers' questions would otherwise pay the model's first runs.
      await vectors.encoder.warmUp();
      if (this.knowledge !== knowledge) return;
      this.knowledge = { ...knowledge, opinion };
      this.status = "attached";
      this.log.info(`second opinion attached to ${knowledge.kb.entries.length} entries after ${Math.round(performance.now() - started)} ms`);
    })().catch((error: unknown) => {
      if (preparing.signal.aborted || this.knowledge !== knowledge) return;
      this.status = "failed";
      this.log.error(`sentence encoder failed, answering without its second opinion: ${(error as Error).message}`);
    });
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

/** The engine over the base, serving at once; the second opinion is attached later (`prepareOpinion`). */
function withEngine(kb: KnowledgeBase): Knowledge {
  const engine = createAnswerEngine(kb);
  return { kb, engine, search: engine };
}
