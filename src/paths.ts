import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder: the nearest ancestor of this file holding package.json (works from src/ and dist/src/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the project folder (no package.json above this file)");
    dir = parent;
  }
  return dir;
}

/** `KNOWLEDGE_DIR` overrides the default `knowledge/` folder of the project. */
export function knowledgeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KNOWLEDGE_DIR ? resolve(env.KNOWLEDGE_DIR) : join(projectRoot(), "knowledge");
}

/** `VECTOR_CACHE` overrides where the knowledge's sentence vectors are kept between runs (a cache: safe to delete). */
export function vectorCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.VECTOR_CACHE ? resolve(env.VECTOR_CACHE) : join(projectRoot(), "node_modules", ".cache", "porting-bot", "sentence-vectors.json");
}
