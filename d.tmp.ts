import { readEntryFile } from "./src/knowledge/entry-file.js";
import { readFileSync } from "node:fs";
import { lexMarkdown } from "./src/render/tokens.js";
const b = readEntryFile(readFileSync(process.argv[2]!, "utf8")).body;
const t = lexMarkdown(b);
console.log(t.map((x) => x.type + (x.type === "list" ? ` items=${x.items.length} loose=${x.loose} last=${JSON.stringify(x.items.at(-1).raw)}` : "")).join("\n"));
import { plainTextOf } from "./src/render/plain.js";
console.log(JSON.stringify(t.at(-1), (k, v) => (k === "raw" ? undefined : v)).slice(0, 1500));
console.log(plainTextOf([t.at(-1)!]));
