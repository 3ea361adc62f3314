import { readFileSync } from "node:fs";
import { loadKnowledgeBase } from "./src/knowledge/loader.js";
import * as r from "./src/render/markdown.js";
const kb = await loadKnowledgeBase("knowledge");
const res = r.resolveKbLink(kb);
const old = JSON.parse(readFileSync("/tmp/old-render.json", "utf8"));
let n = 0;
for (const e of kb.entries) for (const k of ["plain", "slack"] as const) {
  const now = k === "plain" ? r.toPlainText(e.body, res) : r.toSlackMrkdwn(e.body, res);
  if (now !== old[e.id][k]) { n++; if (n < 30 && !["lnp","where-to-send-my-documentation"].includes(e.id) && !old[e.id][k].startsWith("&gt;")) console.log(`== ${e.id} ${k}\n--old\n${old[e.id][k]}\n--new\n${now}`); }
}
console.log("differences", n);
