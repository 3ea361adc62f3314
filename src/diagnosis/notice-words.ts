/**
 * Carrier shorthand and the many ways of saying "wrong", "does not match" and "was rejected", each rewritten to
 * one word before a notice or a story is compared with the rejection entries' patterns and stories. The text
 * here is already normalised (`src/answer/normalize.ts`: lower case, no accents, contractions spelled out,
 * "#" as "number", punctuation as spaces), so each rule matches whole words separated by single spaces.
 * The knowledge's vocabulary (`knowledge/vocabulary.yaml`) is applied after these rules.
 */
const RULES: Array<[RegExp, string]> = [
  // Abbreviations of the nouns notices are about.
  [/\b(?:acct|accts|acc|a c)\b/g, "account"],
  [/\b(account|order|telephone|billing|reference|confirmation|ticket) (?:no|nbr|num|nr)\b/g, "$1 number"],
  // The account number is one thing to tell apart from the account and from the other numbers a port names.
  [/\baccount numbers?\b/g, "accountnumber"],
  [/\b(?:addr|adr|addy)\b/g, "address"],
  [/\b(?:svc|srvc)\b/g, "service"],
  [/\b(?:cust|subscriber|end user|enduser)\b/g, "customer"],
  [/\binfo\b/g, "information"],
  [/\b(?:auth|authorisation|authorizations)\b/g, "authorization"],
  [/\b(?:ord|svc ord)\b/g, "order"],
  [/\b(?:req|rqst)\b/g, "request"],
  [/\b(?:tns|ctn|wtn|working telephone number)\b/g, "telephone number"],
  [/\b(?:disc|disco|dscnt)\b/g, "disconnect"],
  [/\b(?:pwd|pass code|security code|transfer pin|port pin|port out pin|account pin|pin number)\b/g, "pin"],
  [/\b(?:text messages?|texts?|texted|texting|txt|mensaje de texto|mensaje|texto|message texte|texto sms)\b/g, "sms"],
  [/\bsms sms\b/g, "sms"],
  // Who else asked for the number, and when.
  [/\b(?:another|different|other|a new|some other) (?:service provider|provider|carrier|phone company|company)\b/g, "othercarrier"],
  [/\b(?:later|newer|more recent|most recent|subsequent|recent)\b/g, "newer"],
  // What went wrong.
  [/\b(?:did not|didnt|never|failed to|fail to|no|not) (?:approve|approved|confirm|confirmed|reply|replied|respond|responded|answer|answered|response|reply back)\b/g, "noreply"],
  [/\b(?:ignored|ignore|unanswered|unconfirmed|timed out|timeout|time out|expired)\b/g, "noreply"],
  [/\b(?:do|does|did) not (?:agree|correspond|line up|match up|match)\b/g, "mismatch"],
  [/\b(?:not|no longer) (?:the same as|the same|same as|consistent with|consistent|matching|match)\b/g, "mismatch"],
  [/\b(?:disagree|disagrees|differs from|differ from|differs|differ|different from|different|inconsistent|discrepancy|discrepancies|mismatched|mis match|mis matched|unmatched|conflicts with)\b/g, "mismatch"],
  [/\b(?:invalid|invld|not valid|not correct|incorrectly|bad|not recognized|not recognised|unrecognized|non existent|nonexistent)\b/g, "incorrect"],
  [/\b(?:do|does|did) not exist\b/g, "incorrect"],
  [/\bnot (?:associated|found|on file|on record|listed)\b/g, "incorrect"],
  [/\bno record\b/g, "incorrect"],
  [/\b(?:no longer|not) (?:working|in service|active|live)\b/g, "inactive"],
  [/\b(?:out of service|non working|nonworking|not working|dead line|dead)\b/g, "inactive"],
  [/\b(?:rej|rejd|rjct|rjt|jeopardy|jep|kicked back|came back|bounced back|returned|fell through)\b/g, "reject"],
  [/\b(?:could not|cannot|can not|was not|not) (?:be )?(?:completed|complete|processed|process|go through|gone through)\b/g, "reject"],
  [/\bdid not go through\b/g, "reject"],
  [/\b(?:no se pudo|fallo|fallida|fallido|negada|negado|denegada|refusee|refuses|echoue|echec|annulee)\b/g, "reject"],
  // French and Spanish forms of "does not match" and "wrong" the vocabulary does not hold.
  [/\b(?:ne correspond pas|correspond pas|no corresponde|no concuerda)\b/g, "mismatch"],
  [/\b(?:incorrecte|invalide|invalido|invalida|incorrecta)\b/g, "incorrect"],
];

/** Street words and their abbreviations: a text holding both forms of one is about an abbreviation ("Rd" / "Road"). */
const STREET_WORDS: Array<[string, RegExp]> = [
  ["street", /\b(?:\d*st|str)\b/],
  ["avenue", /\b(?:\d*av|ave)\b/],
  ["road", /\brd\b/],
  ["boulevard", /\bblvd\b/],
  ["apartment", /\b(?:apt|app)\b/],
  ["suite", /\bste\b/],
  ["route", /\b(?:rte|rt)\b/],
  ["highway", /\bhwy\b/],
  ["drive", /\bdr\b/],
  ["lane", /\bln\b/],
  ["court", /\bct\b/],
  ["parkway", /\bpkwy\b/],
  ["place", /\bpl\b/],
];

function namesAbbreviation(text: string): boolean {
  return STREET_WORDS.some(([word, short]) => new RegExp(`\\b${word}\\b`).test(text) && short.test(text));
}

export function rewriteNoticeWords(normalized: string): string {
  let out = normalized;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  if (namesAbbreviation(out)) out += " abbreviation";
  return out.replace(/\s+/g, " ").trim();
}
