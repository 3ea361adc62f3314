import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { FeedbackRecord } from "./record.js";

export interface FeedbackLogOptions {
  file: string;
  /** Records waiting to be written; when full, new records are dropped (and counted). */
  maxQueued?: number;
  /** The file is rotated (file.1, file.2, …) when a write would take it past this size. */
  maxFileBytes?: number;
  /** How many rotated files are kept. */
  keepFiles?: number;
  /** After a failure, how long records are dropped before the file is tried again. */
  retryAfterMs?: number;
  /** Called once when writing starts failing and once when it works again; never per record. */
  onProblem?: (message: string) => void;
  now?: () => number;
}

export interface FeedbackLogStats {
  written: number;
  /** Records lost: queue full, or the file could not be opened or written. */
  dropped: number;
  /** Times the file could not be opened or written. */
  failures: number;
  queued: number;
}

/** The longest question kept in a record, so that a record stays under 2 KB whatever was asked. */
export const MAX_QUESTION_CHARS = 500;

/** Creates the missing folders above `file` one at a time, so a path under /proc or /sys fails instead of looping. */
async function ensureFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = folder; missing.length < 32; dir = dirname(dir)) {
    try {
      if ((await stat(dir)).isDirectory()) break;
      throw Object.assign(new Error(`${dir} is not a folder`), { code: "ENOTDIR" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || dirname(dir) === dir) throw error;
      missing.push(dir);
    }
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

const describe = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * The feedback log, off the conversation's path: `record` queues and returns at once; one append stream, opened
 * once, drains the queue in the background. A full queue, an unwritable file or a failed write loses records
 * (counted in `stats`) but never delays or fails a turn.
 */
export class FeedbackLog {
  private readonly queue: string[] = [];
  private stream: WriteStream | undefined;
  private size = 0;
  private draining: Promise<void> | undefined;
  private failedAt: number | undefined;
  private readonly counts = { written: 0, dropped: 0, failures: 0 };
  private readonly options: Required<FeedbackLogOptions>;

  constructor(options: FeedbackLogOptions) {
    this.options = {
      maxQueued: 1000,
      maxFileBytes: 10 * 1024 * 1024,
      keepFiles: 3,
      retryAfterMs: 30_000,
      onProblem: () => {},
      now: Date.now,
      ...options,
    };
  }

  /** Queues one record; never throws, never waits. */
  record(record: FeedbackRecord): void {
    const failing = this.failedAt !== undefined && this.options.now() - this.failedAt < this.options.retryAfterMs;
    if (failing || this.queue.length >= this.options.maxQueued) {
      this.counts.dropped++;
      return;
    }
    const capped = { ...record, question: record.question.slice(0, MAX_QUESTION_CHARS) };
    this.queue.push(`${JSON.stringify(FeedbackRecord.parse(capped))}\n`);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  stats(): FeedbackLogStats {
    return { ...this.counts, queued: this.queue.length };
  }

  /** Resolves when every queued record has been written or dropped. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async close(): Promise<void> {
    await this.flush();
    const stream = this.stream;
    this.stream = undefined;
    if (stream) await new Promise<void>((resolve) => stream.end(resolve));
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      const text = batch.join("");
      try {
        const stream = await this.open(Buffer.byteLength(text));
        await new Promise<void>((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
        this.size += Buffer.byteLength(text);
        this.counts.written += batch.length;
        if (this.failedAt !== undefined) {
          this.failedAt = undefined;
          this.options.onProblem(`feedback log ${this.options.file} is writable again; ${this.counts.dropped} records were dropped so far`);
        }
      } catch (error) {
        this.fail(error, batch.length);
      }
    }
  }

  private fail(error: unknown, lost: number): void {
    this.counts.failures++;
    this.counts.dropped += lost + this.queue.length;
    this.queue.length = 0;
    this.stream?.destroy();
    this.stream = undefined;
    if (this.failedAt === undefined) this.options.onProblem(`feedback log ${this.options.file} cannot be written (${describe(error)}): feedback is dropped and counted`);
    this.failedAt = this.options.now();
  }

  /** The open stream, rotated first when `incoming` bytes would take the file past its size limit. */
  private async open(incoming: number): Promise<WriteStream> {
    if (this.stream && this.size + incoming > this.options.maxFileBytes && this.size > 0) {
      const stream = this.stream;
      this.stream = undefined;
      await new Promise<void>((resolve) => stream.end(resolve));
      await this.rotate();
    }
    if (this.stream) return this.stream;
    const { file } = this.options;
    await ensureFolder(dirname(file));
    const stream = createWriteStream(file, { flags: "a" });
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
    stream.on("error", () => {}); // write errors reach the write callback
    this.size = (await stat(file)).size;
    this.stream = stream;
    if (this.size + incoming > this.options.maxFileBytes && this.size > 0) return this.open(incoming);
    return stream;
  }

  private async rotate(): Promise<void> {
    const { file, keepFiles } = this.options;
    for (let n = keepFiles - 1; n >= 1; n--) {
      await rename(`${file}.${n}`, `${file}.${n + 1}`).catch(() => {});
    }
    await rename(file, `${file}.1`);
    this.size = 0;
  }
}
