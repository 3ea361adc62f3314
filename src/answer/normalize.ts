import { stemmer } from "stemmer";

/** Contractions written with or without the apostrophe, so "can't", "cant" and "can not" read the same. */
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\b(can)'?t\b/g, "can not"],
  [/\bwon'?t\b/g, "will not"],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must|need)n'?t\b/g, "$1 not"],
  [/\b(what|where|who|how|when|why|that|it|there|here)'s\b/g, "$1 is"],
  [/\b(what|where|who|how|when|why|that|there|here)s\b/g, "$1 is"],
  [/\bi'?m\b/g, "i am"],
  [/'re\b/g, " are"],
  [/'ve\b/g, " have"],
  [/'ll\b/g, " will"],
  [/'d\b/g, " would"],
  [/'s\b/g, ""],
  // "qu'est-ce" keeps its "qu": it asks what something is, where "est-ce que" only asks yes or no.
  [/\bqu'est\b/g, "qu est"],
  // French elisions: l'article, d'un, j'ai, qu'une, n'est, s'il, c'est, m'a.
  [/\b(?:l|d|j|qu|n|s|c|m|t)'(?=[a-z])/g, ""],
];

/**
 * "port" in its networking sense (a firewall port, port forwarding, port 5060) is not number porting:
 * it becomes a word no entry uses, so such questions read as the out-of-scope ones they are.
 */
const NETWORK_PORT: RegExp[] = [
  /\b(?:udp|tcp|rtp|sip|firewall|router|modem|open|opened|forward|forwarding|forwarded|network)\s+ports?\b/g,
  /\bports?\b(?=(?:\s+\w+){0,2}\s+(?:sip|udp|tcp|rtp)\b)/g,
  // "port 40 local numbers", "port 12 fax lines": a count of numbers, whatever word or two describe them.
  /\bports?\s+(?:forward\w*|range|ranges|\d{2,5}\b(?!\s+(?:phone|telephone)\b|(?:\s+[a-z]+){0,2}\s+(?:numbers?|lines?|dids?)\b))/g,
];

/**
 * Lower case without accents, contractions spelled out, punctuation as spaces:
 * the one text form both questions and knowledge entries are compared in.
 */
export function normalize(text: string): string {
  let out = text
    // "US" in capitals is the country; lower-cased it would be the pronoun.
    .replace(/\bU\.?S\.?(?=\s|$|[,;:!?)])/g, "USA")
    // A count of numbers ("200 numbers", "15 lines") means a bulk port, whatever the count.
    .replace(/\b\d{2,}\s+(?=(?:phone\s+|telephone\s+)?(?:numbers|lines|dids)\b)/gi, "many ")
    // "DID" in capitals, or after a determiner ("a did", "my dids"), is a phone number; otherwise the verb.
    .replace(/\bDIDs?\b/g, "DID number")
    .replace(/\b(a|an|the|my|your|our|this|that|these|those|each|per|many|new|fax|voice)\s+dids?\b(?!\s+numbers?\b)/gi, "$1 DID number")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    // The provider's name, however it is written: "voip.ms", "voip ms", "voip-ms".
    .replace(/\bvoip(?:[.\s-]+)?ms\b/g, "voipms")
    .replace(/&/g, " and ")
    .replace(/#/g, " number ");
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  for (const pattern of NETWORK_PORT) out = out.replace(pattern, " networkport ");
  return out
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(" ") : [];
}

/** Words whose Porter stem would merge them with an unrelated word ("international" with "internal"). */
const STEM_EXCEPTIONS = new Map([
  ["international", "international"],
  ["internationally", "international"],
  ["news", "news"],
]);

/** Porter stem, leaving short tokens (acronyms like "sms", "did", "loa") as they are. */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  return STEM_EXCEPTIONS.get(token) ?? stemmer(token);
}
