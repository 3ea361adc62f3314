import matter from "gray-matter";
import { Document, parse, parseDocument } from "yaml";

/**
 * An entry file is YAML frontmatter between two `---` lines, then the Markdown body. gray-matter splits and joins
 * the two; its YAML engine is the `yaml` package, which reads YAML 1.2 and writes it back in the layout the
 * knowledge is committed in (so a re-import that changes nothing rewrites nothing).
 */

/** How frontmatter is written: no line folding, flow lists as `[a, b]`. */
const YAML_FORMAT = { lineWidth: 0, flowCollectionPadding: false } as const;

const MISSING = "missing frontmatter: the file must start with a line '---', the YAML, and a closing '---'";

function split<T>(text: string, parseYaml: (yaml: string) => T, empty: () => T): { data: T; body: string } {
  // gray-matter reads a file without an opening or closing fence as all body or all frontmatter: neither is an entry.
  if (!matter.test(text) || !text.slice(3).includes("\n---")) throw new Error(MISSING);
  const file = matter(text, { engines: { yaml: { parse: (yaml) => ({ parsed: parseYaml(yaml) }) } } });
  const { parsed } = file.data as { parsed?: T };
  return { data: parsed === undefined ? empty() : parsed, body: file.content.replace(/^\n+/, "") };
}

/** The frontmatter's values and the body; throws a readable message when the fence or the YAML is broken. */
export function readEntryFile(text: string): { data: unknown; body: string } {
  return split(text, (yaml) => parse(yaml, { prettyErrors: true }) as unknown, () => ({}));
}

/** The frontmatter as a YAML document, which keeps its comments and layout through an edit, and the body. */
export function readEntryDocument(text: string): { document: Document; body: string } {
  const { data, body } = split(text, (yaml) => parseDocument(yaml), () => new Document({}));
  return { document: data, body };
}

/** An entry file from its frontmatter (a YAML document keeps its comments and layout) and its body. */
export function writeEntryFile(frontmatter: Document | object, body: string): string {
  const document = frontmatter instanceof Document ? frontmatter : new Document(frontmatter);
  const engine = { parse: (yaml: string) => parse(yaml) as object, stringify: () => document.toString(YAML_FORMAT) };
  return matter.stringify(`\n${body.trim()}\n`, {}, { engines: { yaml: engine } });
}
