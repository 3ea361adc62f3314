import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import type { SentenceEncoder } from "./sentence-encoder.js";

const CacheFile = z.object({
  model: z.string(),
  /** Sentence -> its vector, as base64 of little-endian float32. */
  vectors: z.record(z.string(), z.string()),
});

/**
 * Sentences embedded in one background call: larger batches are no faster a sentence on the WebAssembly backend, and
 * a question arriving meanwhile waits for the call running (4 sentences: tens of milliseconds).
 */
const BATCH = 4;

/**
 * Vectors of the knowledge's phrasings, kept by sentence: a reload embeds only new or edited phrasings, and with a
 * file, a restart embeds none. A missing, unreadable or other model's file is ignored (and rewritten), never fatal.
 */
export class VectorCache {
  private readonly vectors = new Map<string, Float32Array>();
  private loaded = false;

  constructor(
    /** Also for sentences not worth keeping, such as customers' questions. */
    readonly encoder: SentenceEncoder,
    private readonly file?: string,
  ) {}

  /**
   * The sentences' vectors, in order, embedded in the background of the encoder's questions. `signal` stops the
   * embedding between two calls; what was embedded so far stays for the next caller.
   */
  async vectorsOf(sentences: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    await this.load();
    const missing = [...new Set(sentences.filter((s) => !this.vectors.has(s)))];
    try {
      for (let i = 0; i < missing.length; i += BATCH) {
        signal?.throwIfAborted();
        const batch = missing.slice(i, i + BATCH);
        (await this.encoder.embed(batch, { background: true })).forEach((v, j) => this.vectors.set(batch[j]!, v));
      }
    } finally {
      if (missing.length > 0) await this.save();
    }
    return sentences.map((s) => this.vectors.get(s)!);
  }

  private async load(): Promise<void> {
    if (this.loaded || !this.file) return;
    this.loaded = true;
    let parsed;
    try {
      parsed = CacheFile.safeParse(JSON.parse(await readFile(this.file, "utf8")));
    } catch {
      return;
    }
    if (!parsed.success || parsed.data.model !== this.encoder.model) return;
    for (const [sentence, base64] of Object.entries(parsed.data.vectors)) {
      const bytes = Buffer.from(base64, "base64");
      this.vectors.set(sentence, new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    }
  }

  private async save(): Promise<void> {
    if (!this.file) return;
    const vectors = Object.fromEntries([...this.vectors].map(([s, v]) => [s, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64")]));
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify({ model: this.encoder.model, vectors }));
      await rename(temporary, this.file);
    } catch {
      // A read-only disk only costs the next start its embedding time.
    }
  }
}
