/**
 * Thanks or a greeting said before the question ("Thanks for the help earlier.", "Hi there!"): words that ask
 * nothing, and whose rarer words ("earlier") would otherwise count as evidence for an entry that uses them.
 */
const COURTESY = new RegExp(
  String.raw`^\s*(?:` +
    String.raw`(?:hi|hello|hey|good (?:morning|afternoon|evening)|bonjour|salut|hola|buenos d[ií]as|buenas tardes)(?:\s+(?:there|again|team|all|everyone))?\s*[,.!]+\s*` +
    String.raw`|(?:thanks|thank you|thx|merci|gracias)(?:\s+(?:so much|a lot|again|very much))?` +
    String.raw`(?:\s+for\s+(?:the|your|all the|all your)\s+(?:help|answers?|repl(?:y|ies)|info|information|time)(?:\s+(?:earlier|before|yesterday|last time|today|so far))?)?\s*[,.!]+\s*` +
    String.raw`)+`,
  "iu",
);

/** The question without the courtesies it opens with; the whole text when nothing else is left. */
export function withoutCourtesy(text: string): string {
  const rest = text.replace(COURTESY, "");
  return rest.trim() ? rest : text;
}
