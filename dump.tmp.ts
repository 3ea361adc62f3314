import { writeFileSync } from "node:fs";
import { loadKnowledgeBase } from "./src/knowledge/loader.js";
import * as r from "./src/render/markdown.js";
const kb = await loadKnowledgeBase("knowledge");
const res = r.resolveKbLink(kb);
const out: Record<string, { plain: string; slack: string }> = {};
for (const e of kb.entries) out[e.id] = { plain: r.toPlainText(e.body, res), slack: (r as any).toSlackMrkdwn(e.body, res) };
writeFileSync(process.argv[2]!, JSON.stringify(out, null, 1));
