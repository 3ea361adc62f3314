/**
 * Words that carry no topic, in normalised form (lower case, no accents). Kept out: words that tell
 * porting topics apart ("not", "no", "out", "same", "many", "more", "new"), and "up" / "down" ("the line
 * is down" says what is wrong).
 */
export const ENGLISH = new Set(
  (
    "a an the and or but if so of to for from by with without at on in into onto about as than then " +
    "i me my mine myself we us our you your yours he him his she her it its they them their this that these those " +
    "is am are was were be been being do does did doing done have has had having will would shall should can could " +
    "may might must need needs want wants wanted like please thanks thank hi hello hey ok okay " +
    "what which who whom whose when where why how whats wat wut wht " +
    "there here just also too very really still yet any some all each every both either neither " +
    "over under again only own such get gets got getting go going gone make makes made " +
    "ask asking asked let lets one ones way able there s t " +
    "give gave given actual actually exactly look looking find found right thing things stuff guys like kind " +
    "maybe hi hello yo u ur pls plz thx yes yeah well someone something anything everything nothing " +
    "try trying tried wonder wondering question questions help guess think thought sure already even " +
    // "cause", "cuz": spoken "because", not the cause of a rejection.
    "because cause cuz coz"
  ).split(" "),
);

export const FRENCH = new Set(
  (
    "le la les l un une des du de d et ou a au aux en dans sur pour par avec sans ce cet cette ces " +
    "mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je j tu il elle on nous vous ils elles " +
    "me m te se s moi toi lui y est sont suis etes sommes ai as avons avez ont etre avoir fait faire " +
    "que qu qui quoi quel quelle quels quelles comment pourquoi quand ne pas plus tres bien si mais donc car " +
    "peut peux pouvez puis dois doit faut voudrais veux voulez bonjour merci svp c " +
    "ete chez cela ca aussi deja encore toujours dit allo salut prend prendre va vais aller marche fonctionne " +
    "apres avant maintenant puis alors ici"
  ).split(" "),
);

export const SPANISH = new Set(
  (
    "el la los las un una unos unas de del al y o a en con sin por para que como cuando donde " +
    "mi mis tu tus su sus nuestro nuestra es son soy eres esta estan estoy ser estar hay he ha han " +
    "hacer hago puedo puede pueden quiero quisiera se me te le lo les muy mas pero si hola gracias favor " +
    "quien quienes cual cuales porque este esto esa ese eso ya tambien todavia aun dijo dicen nos usted ustedes algo nada toma tomar va voy funciona sirve necesito tengo " +
    "despues antes ahora luego entonces otra vez aqui alli"
  ).split(" "),
);

/**
 * The provider's own name stands in most headings ("... to VoIP.ms?"), so it tells no topic apart; measured: dropping
 * it moves dev top-1 from 0.941 to 0.956 and changes no wrong answer on any set.
 */
const PROVIDER = new Set(["voipms"]);

export const STOPWORDS = new Set([...ENGLISH, ...FRENCH, ...SPANISH, ...PROVIDER]);
