import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import { knowledgeDir } from "../../src/paths.js";
import { createReader, type Reader } from "../../src/reading/read.js";

let reader: Promise<Reader> | undefined;

/** The reader over the committed knowledge's reading files, as the bot builds it. */
export function realReader(): Promise<Reader> {
  return (reader ??= loadKnowledgeBase(knowledgeDir({})).then((kb) => createReader(kb.reading!)));
}
