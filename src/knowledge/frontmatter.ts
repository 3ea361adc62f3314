import { parse, stringify } from "yaml";

export interface SplitDocument {
  data: unknown;
  body: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits `---\nYAML\n---\nbody`; throws with a readable message when the fence or YAML is broken. */
export function splitFrontmatter(text: string): SplitDocument {
  const match = FENCE.exec(text);
  if (!match) throw new Error("missing frontmatter: the file must start with a line '---', the YAML, and a closing '---'");
  return { data: parse(match[1] ?? "", { prettyErrors: true }), body: (match[2] ?? "").replace(/^\n+/, "") };
}

export function joinFrontmatter(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, { lineWidth: 0, sortMapEntries: false });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}
