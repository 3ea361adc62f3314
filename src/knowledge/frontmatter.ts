import { parse } from "yaml";

export interface SplitDocument {
  data: unknown;
  body: string;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** The raw YAML and body of `---\nYAML\n---\nbody`; throws with a readable message when the fence is missing. */
export function splitFence(text: string): { yaml: string; body: string } {
  const match = FENCE.exec(text);
  if (!match) throw new Error("missing frontmatter: the file must start with a line '---', the YAML, and a closing '---'");
  return { yaml: match[1] ?? "", body: match[2] ?? "" };
}

/** Splits `---\nYAML\n---\nbody` and parses the YAML; throws with a readable message when the fence or YAML is broken. */
export function splitFrontmatter(text: string): SplitDocument {
  const { yaml, body } = splitFence(text);
  return { data: parse(yaml, { prettyErrors: true }), body: body.replace(/^\n+/, "") };
}
