/**
 * Carrier shorthand and the many ways of saying "wrong", "does not match" and "was rejected", each rewritten to
 * one word before a notice or a story is compared with the rejection entries' patterns and stories. The text
 * here is already normalised (`src/answer/normalize.ts`: lower case, no accents, contractions spelled out,
 * "#" as "number", punctuation as spaces), so each rule matches whole words separated by single spaces.
 * The knowledge's vocabulary (`knowledge/vocabulary.yaml`) is applied after these rules.
 */
const RULES: Array<[RegExp, string]> = [
  // What e-mails and tickets wrap a notice in says nothing about the cause: "do not reply" is no unanswered SMS,
  // "Order 88812" no pending order, "Sent from my iPhone" no customer's story.
  [/\b(?:please )?(?:do not|dont) (?:reply|respond)(?: to this (?:email|e mail|message|notification))?\b/g, ""],
  [/\bthis (?:is an|is a|was an|was a) (?:automated|automatic|system generated|auto generated) (?:message|email|e mail|notification|response)\b/g, ""],
  [/\bsent from my \w+\b/g, ""],
  [/\b(?:forwarded message|original message)\b/g, ""],
  // A bounced e-mail is about a mailbox, not the port: "address not found", "the recipient's mailbox is inactive".
  [/\b(?:mail delivery (?:subsystem|system)|delivery status notification(?: failure)?|undeliverable|(?:delivery|message) (?:to (?:the following )?recipients? )?(?:has )?failed(?: permanently)?|could not be delivered|(?:recipient s |recipient )?mailbox (?:is )?(?:full|inactive|unavailable|disabled|not found)|(?:e ?mail |recipient )?address (?:was )?not found|user unknown)\b/g, "emailbounce"],
  [/\bno (?:further |other )?action (?:is )?(?:needed|required|necessary)\b/g, "nothingtodo"],
  // A carrier's courtesies around a notice ("we regret to inform you", "thank you for choosing us") are no customer's
  // story: the first person in them is the carrier's.
  [/\b(?:we (?:regret|are sorry|would like|wish) to (?:inform|advise|let) you(?: know)?(?: that)?|thank you for (?:choosing|contacting|your business with) us|(?:best|kind|warm) regards)\b/g, ""],
  // A detail said to need nothing ("PIN not required", "disconnect date not applicable", "not a concern") is no
  // detail missing or wrong.
  [/\b(?:(?:is |was |are |were )?(?:not|no longer) (?:required|needed|necessary|applicable|relevant|an issue|a concern|a problem|a factor)|n a(?! (?:pas|plus|jamais|rien|que|aucun|aucune|personne)\b))\b/g, "nothingtodo"],
  // A line or a service not installed yet is an order still open, not a detail ruled out.
  [/\b(?:was not|wasnt|were not|werent|had not been|hadnt been|has not been|have not been|is not|are not) (?:yet )?(?:installed|provisioned|set up|hooked up)(?: yet)?\b/g, "order pending"],
  // "It's not the address" rules the address out rather than calling it wrong.
  [/\b(?:it|that|this|the problem|the issue)(?: s| is|s|s| was) not (?:about |because of |due to )?(?!(?:the |a |an |our |my )?(?:right|correct|proper|valid|same|one|ones|number|numbers|account|accountnumber|what|how)\b)(?:the |a |an |our |my )?(?=\w)/g, "ruledout "],
  // Asking the reader to open a ticket or a case is where to go next, not an open order on the account.
  [/\b(?:open|opened|opening|raise|raising|file|create|submit|log) (?:a|an) (?:new )?(?:support |trouble |service )?(?:ticket|case|inquiry|enquiry)\b/g, ""],
  // Reasons a carrier may give that the knowledge lists no cause for, told in the words of one: a contract's
  // early-termination terms are no closed account, a number lock or port-out protection no order freezing the
  // account, an order sent to the wrong carrier no newer request, a text-enabled number no unanswered SMS.
  [/\b(?:early termination|early cancellation|contract term|minimum term|term commitment|contract (?:not|has not) (?:ended|expired|completed))\b/g, "contractterm"],
  [/\b(?:number|port|port out|porting|sim|e911|911|record) (?:lock|locked|locking|protection|protected|block|blocked|blocker)\b/g, "portprotection"],
  // ...but a line switched or signed over to a different carrier went to another carrier.
  [/\b(switched|moved|ported|transferred|went|gone|signed up|took|taken)((?: \w+){0,4}) (?:to|with|over to) (?:a |an )?(?:different|another|other) (?:local |wireless |mobile |cell |cable |phone )?(?:carrier|provider|service provider|company|phone company)\b/g, "$1$2 othercarrier"],
  [/\b(?:wrong|incorrect|different) (?:losing |old |current |gaining |new )?(?:carrier|provider|service provider|company|spid|ocn)\b/g, "wrongcarrier"],
  // The kind of order the form asks for (the LSR's activity or request type) refused is the form's, not the account's.
  [/\b(?:requested |request |order )?(?:activity|act|reqtyp|req type|request type|order type|activity type)(?: code| type)?(?: \w+){0,2}? (?:not valid|invalid|not supported|not allowed|not permitted)\b/g, "ordertype"],
  // A carrier's network identifiers refused (SPID, OCN, LRN) are the carriers' records, not the customer's.
  [/\b(?:(?:old |new |gaining |losing |current )?(?:spid|ocn|lrn)(?: \w+){0,3}? (?:mismatch|mismatched|invalid|incorrect|not valid|does not match|do not match|not found|error)|(?:invalid|mismatched) (?:old |new |gaining |losing )?(?:spid|ocn|lrn))\b/g, "networkid"],
  [/\b(?:sms|text|texting|txt) (?:only|enabled|enablement)\b/g, "textenabled"],
  // A field the order system refuses for its form (characters, length) is the order's form, not a detail that
  // differs from the carrier's record; the requester's own order already open is a duplicate, not an order open on
  // the account; an e-mail address is no service address.
  [/\b(?:(?:invalid|illegal|special|unsupported|prohibited|forbidden|disallowed|unaccepted|non ascii|non standard) (?:characters?|chars?|symbols?)|(?:characters?|chars?|symbols?)(?: \w+){0,2} (?:(?:is |are )?not (?:allowed|permitted|accepted|supported|valid)|invalid|illegal|prohibited)|caracteres? (?:no permitidos?|no validos?|invalidos?|especiales|non permis|non autorises|interdits|speciaux|invalides?)|(?:exceeds|exceeding|exceed|over|beyond) (?:the )?(?:maximum |max |allowed |permitted )?(?:of )?(?:\d+ )?(?:field )?(?:length|characters?|chars))\b/g, "fieldformat"],
  [/\b(?:duplicate|duplicated|dup|dupe) (?:order|request|lsr|pon|submission)s?\b|\b(?:already|still) (?:in progress|open|pending|underway|under way|active|submitted|exists|on file)(?: \w+){0,3}? (?:by|with|from|under|for) (?:the same|your(?! (?:current|old|existing|losing|present|previous)\b)|you\b)/g, "duplicaterequest"],
  [/\b(?:(?:adresse|direccion) (?:de )?(?:courriel|e mail|email|correo electronico|correo)|(?:e mail|email|courriel|correo electronico)(?: address| addresses)?)\b/g, "email"],
  // The address kept for emergency calls is checked against the 911 database, not the carrier's customer record; a
  // verification call nobody took is no approval SMS.
  [/\b(?:(?:service |street |civic )?(?:address|adresse|direccion)(?: \w+){0,3} (?:for|in|against|with|pour|para|por) (?:the |le |el |la )?(?:e911|e 911|911|msag)|(?:e911|e 911|911|msag) (?:address|validation|database|record)s?)\b/g, "emergencyaddress"],
  [/\b(?:no answer (?:at|on|to|from) (?:the )?(?:callback|call back|verification|confirmation|contact)? ?(?:number|call|line)|(?:did not|never|failed to) (?:answer|pick up|return|take) (?:the |our |a )?(?:third party )?(?:verification |confirmation )?(?:call|callback|call back|phone call))\b/g, "callunanswered"],
  // A customer saying the reason was not given names none: "no idea why", "they didn't say anything more".
  [/\b(?:no idea why|not sure why|no reason(?: given)?|without (?:a |any )?reason|(?:did not|didnt|does not|doesnt|do not|dont|will not|wont|would not|wouldnt|never|wo not) (?:say|tell|explain|give|said|told)(?: me| us)?(?: why| the reason| a reason| anything(?: else| more)?))\b/g, "noreason"],
  // A ticket's own status field ("Status: Closed") is the ticket's state, not a closed account.
  [/\bstatus (?:closed|resolved|open|pending|new|solved)\b/g, "requeststate"],
  [/\b(?:numbers?|lines?|it|they) (?:were |was |have been |has been |got )?(?:ported|transferred) (?:on|successfully|over on)\b/g, "afterport"],
  [/\b(?:(?:port|porting|service|lsr) )?(?:order|ticket|case|pon) (?:number |id |no |nbr |num )?\d\w*\b/g, ""],
  // The message that carries a notice is no text message: "the error message says", "le message dit".
  [/\b(?:error|rejection|reject|system|automated|auto) (?:message|messages|mensaje|mensajes)\b/g, "notice"],
  [/\b(?:the|this|that|their|le|ce|leur|el|este|su) (?:message|mensaje) (?:says|said|reads|read|states|stated|dit|disait|indique|dice|decia|indica)\b/g, "notice says"],
  // How often something happened is no time limit: "delayed three times" is not "answered in time".
  [/\b(?:\d+|one|two|three|four|five|six|several|many|multiple|a few|a couple of|a bunch of|so many|too many) times\b/g, "repeatedly"],
  // Telling the current provider not to move the number takes the authorization back.
  [/\b(?:told|asked|called|phoned|instructed) (?:\w+ ){0,3}(?:not to|to not|to stop|to cancel|to hold off on) (?:\w+ ){0,2}(?:move|moving|port|porting|transfer|transferring|release|releasing|switch|switching)\b/g, "withdrawn the port"],
  // A port request killed or scrapped was rejected; nothing was disconnected.
  [/\b(?:order|request|port|porting|transfer|submission) (?:got |was |has been |had been |is )?(?:killed|scrapped|nuked|axed)\b/g, "port rejected"],
  [/\b(?:killed|scrapped|nuked|axed|sank|sunk|torpedoed) (?:the|my|our|this|that|your) (?:port|transfer|request|order|porting)\b/g, "port rejected"],
  // The port request's own state ("pending manual review", "the request was incomplete") names no cause.
  [/\b(?:pending|awaiting|under|in|for) (?:a |an )?(?:manual |further |internal |additional |back office |management |secondary )?review\b/g, "review"],
  [/\b(?:request|submission|lsr|form|application|paperwork|port|porting) (?:was |is |were |got |has been |came back )?(?:deemed |marked |considered |flagged |flagged as |returned as |returned )?incomplete\b/g, "request held"],
  // Nor does a port waiting its turn ("port is on hold", "port in progress"); what happened while it waited may.
  [/(?<!\b(?:while|during|when|as|before|until|till|whilst) (?:the |my |our |your |a |this )?)\b(?:port|porting|transfer|port request|request|lsr|submission)(?: has been| had been| is| was| been| still| now| currently| placed){0,3} (?:pending|stuck|on hold|in limbo|delayed|waiting|in progress|underway|under way|being processed|in queue|queued)\b/g, "requeststate"],
  [/\b(?:account |identity |customer |credit |fraud )?(?:verification|validation|audit|check) (?:is |still )?(?:in progress|underway|under way|pending|ongoing)\b/g, "review"],
  // The port order waiting for its firm order commitment is the request's own state, not an order on the account.
  [/\b(?:awaiting|waiting for|waiting on|pending) (?:the |a |your )?(?:foc|firm order commitment|due date|confirmation)\b/g, "requeststate"],
  [/\b(?:(?:port|porting|lsr|your|the) )?order (?:status )?(?:is )?(?:pending|received|submitted|accepted|queued|confirmed)(?= requeststate)/g, "requeststate"],
  // What happens once the port completes is no rejection: "will be disconnected once the port completes".
  [/\b(?:once|when|after|as soon as) (?:the |your |my |our )?(?:port|porting|transfer) (?:completes|is complete|is completed|is done|finishes|goes through|has completed)\b/g, "afterport"],
  [/\b(?:port|porting|transfer) completion\b/g, "afterport"],
  // A PIN or password for the provider's own portal, voicemail or app is no port PIN, nor is a sign-in lockout a freeze.
  [/\b(?:(?:account|user|login) )?(?:locked out|lockout|lock out)\b/g, "login credentials"],
  // A PIN given out ("new PIN set", "PIN sent by SMS") is news, not a PIN refused.
  [/\b(?:new |temporary |one time )?(?:account )?(?:pin|password|passcode) (?:has been |was |is |got )?(?:set|created|reset|updated|emailed|sent|generated|texted)\b/g, "login credentials"],
  [/\b(?:(?:customer |web |online |self serve |self service )?(?:portal|online account|web account|login|voicemail|voice mail) (?:pin|password|pwd|passcode)|(?:pin|password|pwd|passcode) (?:for|to|of) (?:the |your |my |our )?(?:customer |web |online )?(?:portal|online account|login|voicemail|voice mail|website|web site|app))\b/g, "login credentials"],
  // Abbreviations of the nouns notices are about.
  [/\b(?:acct|accts|acc|a c)\b/g, "account"],
  [/\b(?:tel|tele|ph|phone) (?:no|nbr|num|nr|number)\b/g, "telephone number"],
  [/\b(account|order|telephone|billing|reference|confirmation|ticket) (?:no|nbr|num|nr)\b/g, "$1 number"],
  [/\b(?:numero|no|n) de (?:cuenta|compte)\b/g, "account number"],
  [/\bnumero (?:principal )?de (?:facturation|facturacion)(?: principal)?\b/g, "btn"],
  // The account number is one thing to tell apart from the account and from the other numbers a port names.
  [/\baccount numbers?\b/g, "accountnumber"],
  [/\b(?:addr|adr|addy)\b/g, "address"],
  [/\bp o (box|boxes)\b/g, "po $1"],
  [/\b(?:house|street|building|civic|suite) (?:number|no|nbr|num)\b/g, "address"],
  [/\b(?:street type|street suffix|address suffix|street direction|directional(?: prefix| suffix)?|suffix)\b/g, "abbreviation"],
  [/\b(?:svc|srvc)\b/g, "service"],
  [/\b(?:cust|subscriber|end user|enduser)\b/g, "customer"],
  [/\b(?:info|details)\b/g, "information"],
  [/\b(?:sp|svc prov)\b/g, "service provider"],
  [/\bhunting\b/g, "hunt"],
  [/\b(?:groupe de recherche|groupe d appel|groupe de sonnerie|grupo de busqueda|grupo de salto|grupo de timbrado)\b/g, "hunt group"],
  [/\b(?:mlh|multi line hunt|multiline hunt|series hunt|circular hunt|ucd|uniform call distribution)\b/g, "hunt group"],
  [/\bhunt (?:sequence|arrangement|series|line|group group)\b/g, "hunt group"],
  // Members of a group left behind without the number that heads it, or a service left without its line: stranded.
  [/\b(?:members?|lines?|numbers?|tns?|extensions?)(?: \w+){0,2} (?:would |will )?(?:remain|be left|stay|left)(?: \w+){0,3} (?:without|with no) (?:the |a |an |its |their )?(?:pilot|main number|lead number|main line|lead line)\b/g, "stranded members"],
  [/\b(?:leaves|leave|leaving|left)(?: \w+){0,4} (?:without|with no) (?:a |an |the |its |their )?(?:dial tone|main|lead|pilot|working|host|anchor|primary)(?: number| line| tn)?\b/g, "stranded"],
  [/\bpilot\b/g, "hunt pilot"],
  // The number that heads a group of lines is the group's pilot.
  [/\b(?:head|lead|leader|main number|first number) of (?:a|the|our|that|this) (?:ring |phone |line )?group\b/g, "hunt pilot group"],
  // The person who signs for the account is named by the account's record: "authorized name", "person authorizing".
  [/\b(?:authorized|authorised|authorizing|authorising) (?:name|person|party|signer|signatory|individual|user)\b|\b(?:person|party|individual|signer|signatory) (?:authorizing|authorising)\b/g, "authorized name"],
  [/\b(?:auth|authorisation|authorizations|autorizacion|autorisation)\b/g, "authorization"],
  [/\b(?:grp|grps)\b/g, "group"],
  [/\b(?:ord|svc ord)\b/g, "order"],
  [/\b(?:req d|req would|reqd|rqd|reqrd|req ed)\b/g, "required"],
  [/\b(?:req|rqst)\b/g, "request"],
  [/\bbilling (?:tn|tel|phone number|phone no)\b/g, "btn"],
  [/\b(?:tns|ctn|wtn|working telephone number)\b/g, "telephone number"],
  // The account telephone number is the billing telephone number under another name.
  [/\b(?:number|line) (?:that |which )?(?:the |our |my )?(?:whole |entire )?(?:bill|account|invoice) is (?:billed )?under\b/g, "btn"],
  [/\b(?:atn|account telephone number|account tn)\b/g, "btn"],
  [/\b(?:disc|disco|dscnt)\b/g, "disconnect"],
  // A port-out PIN is a PIN that tells the direction.
  [/\bport out pin\b/g, "portout pin"],
  [/\b(?:pwd|pass code|security code|transfer pin|port pin|account pin|pin number)\b/g, "pin"],
  [/\b(?:text messages?|texts?|texted|texting|txt|mensaje de texto|mensaje|texto|message texte|texto sms)\b/g, "sms"],
  [/\bsms sms\b/g, "sms"],
  // How customers name a place, a person on the account, a count of lines, a reseller, a feature and a rollover.
  [/\b(?:office|offices|shop|store|storefront|warehouse|site|building|premises|location|branch|clinic|restaurant)\b/g, "premises"],
  [/\b(?:owner|owners|holder|account holder|in the name of)\b/g, "holder"],
  [/\b(?:belonged|belongs|belong|registered|listed) to (?=my|our|the|a|his|her|their)/g, "holder "],
  [/\b(?:am|is|are|was|were) not (?:the |an |a )?(?:account )?holder\b/g, "holder mismatch"],
  [/\b(?:ex|ex wife|ex husband|husband|wife|spouse|partner|roommate|parent|parents|mother|father|mom|dad|son|daughter|brother|sister|grandmother|grandfather|family member|in law|boss|employer|manager|landlord|tenant|previous tenant|business partner)\b/g, "relative"],
  [/\b(?:two|three|four|five|six|multiple|many|a few|a bunch of|a couple of|several) (numbers|lines|phones|phone numbers|dids|tns|telephone numbers)\b/g, "several $1"],
  [/\b(?:buys|buy|bought|leases|lease|leased|rents|rent|rented|gets|get)(?: \w+){0,3} (?:from|off) (?:a |the |another )?(?:bigger|larger|big|large|major|upstream|wholesale|parent)\b/g, "reseller"],
  [/\b(?:resells|resell|reselling|resold|white label|white labelled|piggybacks on|wholesaler|wholesale|upstream)\b/g, "reseller"],
  [/\b(?:call forwarding|forwarding|voicemail|voice mail|call waiting|caller id|three way calling|call blocking|speed upgrade|new feature|long distance|international calling|international plan|data plan|add on|addon)\b/g, "feature"],
  [/\b(?:in the middle of|midway through|halfway through|partway through|still processing|still working on|unfinished|incomplete|not finished|not complete|not completed|not yet done|not done yet|still open|still pending)\b/g, "inprogress"],
  [/\bin progress\b/g, "inprogress"],
  [/\bwhile (?:the |my |our )?(?:port|porting|transfer|switch) (?:was |is |were )?(?:going on|going|underway|under way|inprogress|pending|happening|running|ongoing|being processed)\b/g, "during the port"],
  [/\b(?:all|every|each) (?:\w+ ){0,6}(?:must|need to|needs to|have to|has to|should) (?:be )?(?:ported|port|moved|move|go|transferred|transfer)(?: (?:together|as well|too))?(?: or (?:be )?(?:disconnected|cancelled|canceled|disconnect))?\b/g, "allmustport"],
  [/\b(?:tous les|toutes les|les autres|todos los|todas las|los demas|los otros|las otras) (?:\w+ ){0,4}(?:doivent|deben) (?:etre |ser )?(?:transferes|transferees|portes|portees|transferidos|transferidas|portados|portadas)(?: (?:ou|o) (?:\w+ )?(?:resilies|resiliees|annules|annulees|desconectados|desconectadas|cancelados|canceladas|dados de baja))?\b/g, "allmustport"],
  [/\b(?:non ported|not ported|non porting|unported|not being ported|non portes)\b/g, "remaining"],
  [/\b(?:lines|numbers|services|phones) (?:we are|we re|i am|im|we|i) (?:leaving|keeping|keep|leave) (?:with|at|behind)\b/g, "other lines staying"],
  [/\bwhat (?:happens|will happen|should happen|to do) (?:to|with) (?:the |our |my )?(?:other |remaining )?(?:lines|numbers|services)\b/g, "disposition remaining"],
  [/\b(?:closed|shut|shut down|terminated|deactivated|cancelled|canceled) (?:down )?(?:the |my |our |this |that )?(?:old )?account\b/g, "account closed"],
  [/\b(?:one after (?:the other|another)|in turn|in sequence|round robin|(?:cycle|cycles|cycling|rotate|rotates|rotating) (?:through|between|among))\b/g, "inturn"],
  // A line or a service ordered from the current provider and not yet installed is an order open on the account.
  [/\b(?:ordered|added|requested|asked for|signed up for|booked) (?:a |an )?(?:new |second |third |extra |additional |another )(?:line|number|phone line|service)\b/g, "change order pending"],
  [/\b(?:a )?(?:second|third|another|extra|additional|other) (numbers?|lines?)\b/g, "other $1"],
  [/\b(?:\d+|one|two|three|four|five|some|a few) (?:of|out of) (our|my|the|their) (?:\d+ |\w+ )?(numbers|lines|phones|tns)\b/g, "some of $1 $2"],
  // A contract is the account by another name; "under contract" says nothing on its own.
  [/\b(?:contract|contracts|plan) (?:is |was |are |were )?(?:in|under) (?:the name of|((?:\w+ ){1,3})name)\b/g, "account holder in $1name"],
  // "In my partner's name, not mine" is about who holds the account, not a number given up.
  [/\b(?:in|under) (?:\w+ ){1,3}names?,? (?:and )?not (?:mine|ours|my name|our name|me|us)\b/g, "holder mismatch"],
  // Lines kept on the old plan or account while others move: a partial port.
  [/\b(?:keep|keeps|keeping|leave|leaves|leaving|stay|stays|staying) (?:\w+ ){0,3}(?:on|with|under) (?:the |our |my |their |her |his )?(?:same|old|current|existing|original) (?:plan|account|contract)\b/g, "other lines staying"],
  // A number the customer no longer holds: given up, reassigned, taken over by someone else.
  [/\b(?:not|no longer|is not|isnt) (?:mine|ours|my number|our number|in my name|in our name)(?: any ?more)?\b/g, "holder inactive"],
  [/\b(?:let|gave up|given up|lost|released|surrendered) (?:the |my |our |that )?(?:number|line)(?: go)?\b/g, "number inactive"],
  [/\b(?:reassigned|recycled|given to someone else|assigned to someone else)\b/g, "inactive"],
  [/\b(?:returned|released|gone back|went back|sent back|back) (?:in)?to (?:the )?(?:\w+ )?(?:inventory|pool|number pool|spare pool|stock)\b/g, "number inactive"],
  [/\b(?:aging|cooling|quarantine|quarantined|snap back|snapback)(?: status| period| state)?\b/g, "inactive"],
  // An order still open with the current provider: a technician booked, an outstanding service order.
  [/\b(?:booked|scheduled|arranged|set up|ordered|requested|waiting for|waiting on) (?:\w+ ){0,3}(?:technician|tech visit|installer|installation|install|appointment|service call|truck roll)\b/g, "change order pending"],
  [/\b(?:technician|tech visit|installer|installation|install|appointment|service call|truck roll) (?:is |was |has been |had been )?(?:booked|scheduled|arranged|coming|planned)\b/g, "change order pending"],
  [/\b(?:(?:une |la )?commande (?:de \w+ )?(?:est )?(?:toujours |encore )?(?:ouverte|en cours|en attente)|(?:una |la )?orden (?:de \w+ )?(?:esta )?(?:todavia |aun )?(?:abierta|pendiente|en curso))\b/g, "pending order"],
  [/(?<!\b(?:port|porting|lsr|transfer) )\b(?:order|orders|request|change) in flight\b/g, "pending order"],
  [/\b(?:outstanding|open|unfinished|uncompleted) (?:service |change |move |install |installation |feature )?(?:order|orders)\b/g, "pending order"],
  // A move of the service the current provider was still carrying out is an order open on the account.
  [/\b(?:still|was still|were still|in the middle of) (?:moving|transferring|relocating|switching) (?:our |my |the |their )?(?:line|lines|service|phone|phones|number|numbers) (?:over )?to (?:the |a |our |my )?(?:new )?(?:premises|address|house|home|apartment|place)\b/g, "move order pending"],
  [/\b(?:asked|told|had|ordered|requested|booked|arranged|scheduled)(?: \w+){0,3} (?:to )?(?:move|moving|moved|relocate|relocating|relocated|transfer|transferring)(?: \w+){0,3} (?:service|services|line|lines|phone|phones|internet) to (?:the |a |our |my )?(?:new )?(?:premises|address|house|home|apartment|place|condo)\b/g, "move order pending"],
  // Someone else also started moving the number: a newer authorization.
  [/\b(?:started|began|begun|starting|initiated|submitted|put in|opened|filed) (?:a |another |their own |the )?(?:port|porting|transfer|transferring)(?: \w+){0,4} (?:too|as well|also)\b/g, "othercarrier newer request"],
  // A disconnect already carried out is a disconnected number, whoever ordered it.
  [/\b(?:cancelled|canceled|terminated|closed)(?: by (?:the )?(?:customer|end user|subscriber|account holder))? before (?:the |your |our |my )?(?:port|porting|transfer)\b/g, "inactive before the port"],
  [/\b(?:disconnect|disconnection|cancellation|cancel) order (?:was |has been |is |had been )?(?:completed|complete|done|finished|processed|worked|closed)\b/g, "disconnected"],
  [/\b(disconnected|cancelled|canceled|terminated) (?:per|by|at|on) (?:the )?(?:customer|end user|subscriber|account holder)?(?: s)? ?(?:order|request)\b/g, "$1 by the customer"],
  // Whether to keep or disconnect the other numbers is what a partial port leaves open.
  [/\b(?:keep|retain|retained|kept|keeping) or (?:disconnect|disconnected|cancel|cancelled|canceled)\b|\b(?:disconnect|disconnected|cancel) or (?:keep|retain|retained|kept)\b/g, "disposition remaining numbers"],
  // A disconnect asked for ahead of time is a pending order, not a disconnected number.
  [/\b(?:scheduled|schedule|booked|arranged|asked|requested|put in|placed|set up|ordered|told them)(?: \w+){0,5} (?:to be )?(?:disconnect|disconnected|disconnection|cancel|cancelled|canceled|cancellation|shut off|turned off)(?: \w+){0,6} (?:at the end of|end of|next|by the|on the|effective|as of|once)\b/g, "disconnect order pending"],
  // In a notice about stranded services, what remains on the account is what would be stranded, not a partial port.
  [/(?<=\bstrand(?:ed|s|ing)?\b.*)\b(?:remaining|remains|remain|left behind)\b|\b(?:remaining|remains|remain|left behind)\b(?=.*\bstrand(?:ed|s|ing)?\b)/g, "stranded"],
  [/\b(?:remaining|other) (?:lines|numbers|tns|members|extensions)(?: \w+){0,2} (?:would |will )?(?:lose|lost|losing) (?:their |the |its )?(?:hunt|hunting|pilot|rollover|hunt group)\b/g, "stranded members hunt group"],
  [/\b(?:modem|router|cable internet|home internet|dsl|adsl|broadband)\b/g, "internet"],
  [/\b(?:tv package|cable tv|cable television|television|tv service)\b/g, "tv"],
  [/\b(?:roll|rolls|rolled|rolling|jump|jumps|jumped|go|goes|pass|passes|passed|hop|hops|flow|flows|cascade|cascades|ring|rings|bounce|bounces|forward|forwards|overflow|overflows) (?:over |on |through |along )?to (?:the |our |a )?(?:\d+ |two |three |four |five |several |the )?(?:next|other|another|second|(?:line|ext|extension) (?:\d+|two|three))\b/g, "rollover next"],
  [/\b(?:goes|go|going|rings|ring|forwards|rolls|jumps) (?:to|through to|over to) (?:the |our |a |another )?(?:\w+ ){0,3}(?:phone|line|desk|extension) when (?:it s |it is |its |the line is |the line s |we are |we re |they are |they re )?busy\b/g, "rollover next"],
  [/\b(?:it s |it is |its |(?:the |our )(?:\w+ )?(?:line|number) (?:is |s )|we are |we re |they are |they re )busy (?:it |calls |the call |they )?(?:goes|go|rings|ring|forwards|rolls|roll|jumps|jump|hops|hop|bounces|passes|flows) (?:over |through )?to (?:the |our |a |another )?(?:\w+ ){0,3}(?:phones?|lines?|desks?|extensions?)\b/g, "rollover next"],
  [/\b(?:point of sale(?: terminal| system| machine)?|pos terminal|card terminal|payment terminal|card reader|card machine|credit card machine|debit machine)\b/g, "card machine"],
  [/\b(?:fire panel|(?:(?:fire|burglar|security|home|house|building|intrusion) )?alarm(?: panel| dialer| dialler| system| monitoring| line| company)?|elevator phone|elevator line|lift phone|emergency phone)\b/g, "alarm system"],
  // Calls sent on to other lines when nobody answers: a hunt group.
  [/\b(?:bounce|bounces|bounced|roll|rolls|rolled|go|goes|went|forward|forwards|forwarded|send|sends|sent|pass|passes|ring|rings|jump|jumps|hop|hops)(?: \w+){0,6} (?:lines?|phones?|extensions?|desks?|numbers?) (?:when|if|whenever) (?:nobody|no one|noone|we do not|we don t|the first one does not|it is not|it s not) (?:picks? up|answers?|answer it|pick up|picked up|answered)\b/g, "rollover next lines"],
  [/\b(?:bringing|taking|carrying|moving|porting|transferring) (?:\w+ ){0,3}(?:along|across|with us)\b/g, "moving"],
  // The rest of the account staying where it is, in English, French and Spanish.
  [/\b(?:the rest|the others|les autres|le reste|los demas|las demas|los otros|las otras|el resto) (?:\w+ ){0,2}(?:stay|stays|remain|remains|restent|reste|demeurent|se quedan|quedan|siguen|se queda)\b/g, "other lines staying"],
  [/\b(?:not|never) (?:moving|porting|coming|going|transferring|switching)(?! forward| ahead| through)\b/g, "staying"],
  [/\b(?:two|2|both|multiple) (?:companies|carriers|providers|phone companies)\b/g, "othercarrier othercarrier"],
  [/\b(?:tried|went with|signed up with|started with|went to) (?:\w+ ){0,2}first\b/g, "othercarrier newer request"],
  [/\b(?:withdrew|withdrawn|withdraw|withdrawal|rescinded|rescind|revoked|revoke|retracted|retract|pulled back)\b/g, "withdrawn"],
  // A port request replaced by its own supplement or a later version of it is the request's state, not another's
  // authorization; nor is the requester's own latest request a newer one.
  [/\b(?:superseded|superceded|replaced|overridden|cancelled|canceled|closed|updated|changed)(?: by| per| via| with)? (?:a |an |the )?(?:supp|supplement|sup|newer version|new version|later version|revised version|version \d+)\b/g, "requeststate"],
  [/(?<=\b(?:supp|supplement|version)\b.*)\b(?:superseded|superceded|replaced)\b|\b(?:superseded|superceded|replaced)\b(?=.*\b(?:supp|supplement|version)\b)/g, "requeststate"],
  [/\b(?:(?:your|our|my|the|this) (?:most recent|latest|last|newest|recent)|(?:your|our|my|this) (?:newer|later|new|subsequent)) (?:port |porting |transfer )?(?:request|order|submission|lsr|pon|attempt|version)\b/g, "the port request"],
  [/\b(?:submit|send|resubmit|file|place|open) (?:a |an )?(?:new|newer|subsequent|later|follow up|another|second|corrected|revised) (?:port |porting |transfer )?(?:request|order|lsr|pon|submission)\b/g, "resubmit"],
  [/\b(?:overridden|overriden|overrode|override|overrides|replaced by|superseded by|supersedes|superceded)\b/g, "superseded"],
  // A fresher letter of authorization asked for is about the LOA's age, not a newer authorization elsewhere.
  [/\b(?:a |an )?(?:newer|more recent|recent|new|updated|current|fresh) (?:loa|letter of authorization|authorization)(?: \w+){0,2} (?:is |are )?(?:required|needed|must be)\b|\b(?:loa|letter of authorization) (?:is |was )?(?:older than|too old|expired|out of date|outdated|stale|more than \d+ days|over \d+ days)\b|\b(?:send|provide|submit|attach|resubmit with|include) (?:a |an |the )?(?:newer|more recent|new|updated|current|fresh|dated) (?:loa|letter of authorization)\b/g, "loa age"],
  // Who else asked for the number, and when.
  [/\b(?:another|different|other|a new|some other|a second|a third) (?:local |wireless |mobile |cell |cellular |cable |phone |long distance |voip )?(?:service provider|provider|carrier|phone company|company)\b/g, "othercarrier"],
  [/\b(?:two|2|both|duplicate|double|competing|conflicting|overlapping) (?:port|porting|transfer) (?:orders|requests|order|request)\b/g, "othercarrier newer request"],
  [/\b(?:competing|conflicting) (?:lsrs?|authorizations?|loas?|port requests?)\b/g, "othercarrier newer request"],
  [/\bsigned (?:\w+ )?up (?:with|at) (?!(?:you|voipms|voip|us)\b)|\b(?:signed up|went|ported|switched|moved|gone|ordered service) (?:\w+ ){0,2}(?:elsewhere|somewhere else)\b/g, "signed up othercarrier "],
  [/\b(?:beat|beats|outran|got ahead of) (?:you|yours|ours|us|your port|our port|your request|our request|your order|you guys|voipms|voip ms)\b|\b(?:moved|ported|transferred|took|grabbed|got|switched)(?: \w+){0,4} (?:over |across )?first\b|\bgot there first\b/g, "othercarrier newer request"],
  // Another carrier taking the number while ours was under way is a newer request.
  [/\bothercarrier((?: \w+){0,4}) (?:while|before|during) (?:the |your |our |my |you |you were |we were )?(?:port|porting|transfer|transferring|request)\b/g, "othercarrier$1 newer request during the port"],
  [/\b(?:transferred|moved|ported|switched|took|put)(?: \w+){0,3} (?:to|over to|onto|on) (?:his|her|their) (?:\w+ ){0,3}(?:plan|account|carrier|provider|phone system|system|company|cell|mobile)\b/g, "othercarrier newer request"],
  [/\b(?:already|had) (?:gone|went|signed) (?:up )?with (?!(?:you|voipms|voip|us)\b)|\bboth (?:you|voipms|voip ms) and (?=\w)|\b(?:through|with|via|at) (?:you|voipms|voip ms) and (?:with |through |at )?(?=\w+ (?:at the same time|too|as well)\b)/g, "othercarrier newer request "],
  [/\b(?:reversed|undid|undo|undone|called off|halted|revoked) (?:the|our|my|your) (?:port|transfer|porting|switch)(?: request)?\b/g, "withdrawn the port"],
  [/\bafter (?:yours|ours|mine|your port|our port|my port|your request|our request|you did|we did|i did)\b/g, "newer request"],
  // A newer request or a duplicate from the same submitter is the requester's own, not another carrier's.
  [/\b(?:othercarrier )?newer (?:request|order|port request)((?: \w+){0,6}) (?:from|by) (?:you|your|the same)(?: company| spid| ocn| submitter| side| account)?\b/g, "request$1 from the submitter"],
  [/\b(?:also|too|as well) (?:put in|placed|submitted|filed|started|made) (?:an |a |their own )?(?:order|request)(?: \w+){0,2} to (?:move|port|transfer|take) (?:the|our|my) (?:number|line)\b/g, "othercarrier newer request"],
  [/\b(?:agreed|decided|chose|opted|promised)(?: \w+){0,2} to (?:stay|remain)(?! (?:on|in|at|with (?:the|our|my) (?:same|old|current) (?:plan|account)))\b/g, "withdrawn the port staying"],
  [/\b(?:someone|somebody|another person|another customer)(?: else)? (?:already |had |has )*(?:claimed|requested|asked for|took|grabbed|ported|is porting|was porting|put in for)\b/g, "othercarrier newer request"],
  [/\b(?:also|too|already) (?:have|had|got|started|opened) (?:a |an |another )?(?:pending |open |active )?(?:port|porting|transfer)(?: request)? (?:with|at|through)\b/g, "othercarrier newer request"],
  [/\b(?:used|went through|tried) (?:another|a different|a second) (?:service|app|company|website)(?: \w+){0,2} to (?:port|move|transfer)\b/g, "othercarrier newer request"],
  // Asking the current provider to keep the number takes the authorization back.
  [/\b(?:asked|told|begged|wanted|convinced) (?:\w+ ){0,3}to (?:keep|hold on to|hang on to|retain) (?:the|my|our|this|that) (?:number|line|service)\b/g, "$& withdrawn the port"],
  // Telling the losing carrier one is staying cancels the port there: a newer authorization than ours.
  [/\b(?:told|tell|telling|informed) (?:them|(?:the |my |our )(?:\w+ ){0,2}(?:company|carrier|provider)) (?:that )?(?:we|i|they) (?:were|was|are|am|would be|will be|d be) (?:staying|keeping (?:the|our|my) (?:service|number|line))\b/g, "withdrawn the port"],
  [/\b(?:otra|una nueva|une autre|une nouvelle|autre) (?:solicitud|peticion|demande)\b/g, "newer request"],
  [/\b(?:otra|une autre|un autre) (?:compania|empresa|operadora|operador|proveedor|compagnie|operateur|fournisseur)\b/g, "othercarrier"],
  [/\b(?:despues de mi|despues de nosotros|despues que yo|apres moi|apres nous)\b/g, "newer"],
  // A later date asked for is about the schedule, not a newer request.
  [/\b(?:later|earlier|different|new|another) (?:due date|date|foc date|day|(?:port|porting|transfer|due|foc|cutover|cut over) (?:date|day))\b/g, "requested date"],
  [/\b(?:later|newer|more recent|most recent|subsequent|recent|mas nueva|mas nuevo|mas reciente|posterior|plus recente|plus recent)\b/g, "newer"],
  // Trouble after a port that went through is no rejection ("not working with you since the port"); before it
  // finished, it may be.
  [/\b(?:thinking|thought|assumed|assuming|believing|believed|figured) (?:that )?(?:the |my |our )?(?:port|porting|transfer|switch|move) (?:was |is |had |has )?(?:been )?(?:completed|complete|done|finished|through)\b/g, "before the port"],
  [/\b(before|until|till) (?:the |my |our |your )?(?:port|porting|transfer|switch|move) (?:was |is |had |has )?(?:been )?(?:completed|complete|done|finished|through)\b/g, "$1 the port"],
  [/\b(?:after|since) (?:the |my |our |a )?(?:port|porting|transfer|switch|move)(?! (?:was |got |is |has been |had been )?(?:submitted|sent|started|requested|filed|entered|placed|rejected|denied|refused))\b/g, "afterport"],
  [/\b(?:port|porting|transfer|switch|move) (?:was |is |has )?(?:completed|complete|done|finished|successful)\b/g, "afterport"],
  [/\b(?:since|after|now that) (?:it|the number|my number|our number|they|we|i) (?:was |were |is |are |has been |got )?(?:ported|transferred|moved)\b/g, "afterport"],
  // What went wrong.
  [/\b(?:did not|didnt|never|failed to|fail to|no|not) (?:approve|approved|confirm|confirmed|reply|replied|respond|responded|answer|answered|response|reply back|validate|validated|verify|verified)\b/g, "noreply"],
  [/\b(?:(?:failed|fails|failing) (?:validation|verification)|(?:validation|verification) (?:failed|failure|error|unsuccessful)|could not be (?:validated|verified)|unable to (?:validate|verify))\b/g, "incorrect"],
  // An account left unpaid or a plan let run out: the number goes inactive ("expired" alone is an SMS reply window).
  [/\b(?:(?:stopped|stop|quit|stopping) (?:paying|payment|payments)|(?:did not|never|not) (?:pay|paid)(?! for (?:the )?port)|non ?payment|non pay)\b/g, "unpaid"],
  [/\b(?:plan|prepaid|balance|service|account|subscription|contract|minutes|credit)(?: \w+)? (?:ran out|run out|runs out|expired|lapsed|lapse|expire)\b/g, "lapsed inactive"],
  [/\blet (?:\w+ ){0,3}(?:run out|lapse|expire)\b/g, "lapsed inactive"],
  [/\blet (?:the |her |his |my |our |their |that )?(?:\w+ )?(?:bill|bills|payment|payments|invoices?)(?: (?:on|for) (?:\w+ ){0,2}(?:line|number|account|phone))? (?:go|slide|slip|lapse)\b/g, "unpaid"],
  [/\b(?:laisse|laissee|deje|dejamos|dejo) (?:\w+ ){0,3}(?:expirer|echoir|vencer|expirar|caducar)\b/g, "lapsed inactive"],
  [/\b(?:gone|went|going) (?:quiet|dead|silent)\b/g, "inactive"],
  // A change the customer asked of the current provider (plan, package, features) is an order on the account.
  [/\b(?:changed|change|changing|upgraded|upgrade|upgrading|downgraded|downgrade|downgrading|switched|switch) (?:\w+ ){0,2}(?:plan|plans|package|bundle|features?|speed|tier)\b/g, "change order"],
  [/\b(?:(?:changement|modification|changer|modifier) de (?:forfait|plan|service)|(?:cambio|cambiar|cambie|cambiamos) de (?:plan|paquete|servicio))\b/g, "change order"],
  [/\b(?:(?:no|nunca) (?:conteste|contesto|contestamos|contestaron|respondi|respondio|respondimos|aprobe|aprobo|confirme|confirmo)|(?:n )?(?:ai|a|avons) (?:pas|jamais) (?:repondu|approuve|confirme|valide))\b/g, "noreply"],
  [/\b(?:deleted|delete|deleting|never saw|never read|never opened|never got to|missed|did not see|didnt see|did not notice|didnt notice|did not get|didnt get|never got)(?= (?:\w+ ){0,3}(?:sms|it|them|that|one)\b)/g, "noreply"],
  [/\b(?:ignored|ignore|unanswered|unconfirmed|timed out|timeout|time out|expired)\b/g, "noreply"],
  // "The PIN was right but the account number wasn't": the second detail is the wrong one.
  [/\bbut (?:the |our |my |their |its )?((?:\w+ ){1,3}?)(?:was|is|were|are) not(?= *$| and\b| so\b| which\b)/g, "but $1 incorrect"],
  [/\b(?:do|does|did|will|would) not (?:agree|correspond|line up|match up|match|equal)\b/g, "mismatch"],
  [/\b(?:not|no longer) (?:the same as|the same|same as|consistent with|consistent|matching|match|equal to|equal)\b/g, "mismatch"],
  [/\b(?:disagree|disagrees|differs from|differ from|differs|differ|different from|different|inconsistent|discrepancy|discrepancies|mismatched|mis match|mis matched|unmatched|conflicts with)\b/g, "mismatch"],
  [/\b(?:no valido|no valida|no es valido|no es valida|non valide|pas valide|n est pas valide)\b/g, "incorrect"],
  [/\b(?:invalid|invld|not valid|not correct|incorrectly|bad|not recognized|not recognised|unrecognized|non existent|nonexistent)\b/g, "incorrect"],
  [/\b(?:do|does|did) not exist\b/g, "incorrect"],
  // "BTN on the LSR not the BTN of the account", "name on the LOA not on the account": the detail differs from the record.
  [/\b(btn|accountnumber|address|name|pin)((?: \w+){1,4}?) not (?:the )?\1\b/g, "$1$2 mismatch $1"],
  [/\b(btn|accountnumber|address|name|pin)((?: \w+){1,4}?) not (?:on|in|under|with) (?:the |their |our |this )?(account|record|file|csr)\b/g, "$1$2 mismatch $3"],
  [/\b(?:is|was|are|were) not the (?:right |correct |proper |valid )?/g, "incorrect "],
  [/\b(?:is|was|are|were) not where\b/g, "incorrect where"],
  [/\b(?:typo|typos|misspelled|misspelt|misspelling|spelling mistake|spelled wrong|spelt wrong)\b/g, "incorrect"],
  [/\bnot the (?:right|correct|proper)\b/g, "incorrect"],
  [/\b(?:left blank|blank|empty|omitted|not provided|not populated|not supplied)\b/g, "missing"],
  [/\bnot (?:associated|found|on file|on record|listed)\b/g, "incorrect"],
  [/\bno record\b/g, "incorrect"],
  [/\b(?:no|without) (?:active|working) (?:service|line|account)\b/g, "inactive"],
  [/\b(?:ya no esta|no esta|ya no es|n est plus|n est pas|ne sont plus) (?:activa|activo|activas|activos|active|actives|en servicio|en service)\b/g, "inactive"],
  [/\b(?:shut|shutting|turned|turn|turning|cut|cutting|switched|switch) (?:the |our |my |that |this )?(?:old )?(?:landline|line|number|phone line|service|account) (?:off|down)\b/g, "line inactive"],
  [/\b(?:no longer|not)(?: been| be)? (?:working|in service|active|live)\b/g, "inactive"],
  [/\b(?:has not|have not|had not|hasnt|havent|hadnt|has never|have never) (?:had |been in |been on |been )?(?:any |a )?(?:service|dial tone|active service)\b/g, "inactive"],
  [/\b(?:line|lines|number|numbers|phone line|landline) (?:was |were |has been |had been |got |is )?(?:cancelled|canceled|terminated|closed)\b/g, "line inactive"],
  [/\b(?:out of service|non working|nonworking|not working|dead line|dead)\b/g, "inactive"],
  [/\b(?:vacant|aging|unassigned|ceased|deactivated)\b/g, "inactive"],
  [/\b(?:cortaron|corto|cortada|cortado|suspendieron|suspendida|desconectaron|desconectada|dada de baja|coupee|suspendue|resilie|resiliee)\b/g, "inactive"],
  [/\b(?:ya no tengo|ya no tenemos|je n ai plus|nous n avons plus|on n a plus) (?:el |la |le |de |du )?(?:servicio|linea|service|ligne)\b/g, "service inactive"],
  [/\b(number|line|service|account|phone number) (?:was |is |got |has been |had been |were |have been )?(?:turned off|shut off|cut off|switched off|shut down)\b/g, "$1 inactive"],
  [/\b(?:rej|rejd|rjct|rjt|jeopardy|jep|kicked back|came back|bounced back|returned|fell through)\b/g, "reject"],
  [/\b(?:could not|cannot|can not|was not|not) (?:be )?(?:completed|complete|processed|process|proceed|go through|gone through)\b/g, "reject"],
  [/\bdid not go through\b/g, "reject"],
  [/\b(?:no se pudo|fallo|fallida|fallido|negada|negado|denegada|refusee|refuses|echoue|echec|annulee)\b/g, "reject"],
  // "Rejected for the BTN" gives the BTN as what was wrong.
  [/\b(?:reject|rejected|rejects|denied|declined|refused|turned down) (?:for|because of|due to|over) (?:the |a |an |my |our |its |their )?/g, "rejected incorrect "],
  // French and Spanish forms of "does not match" and "wrong" the vocabulary does not hold.
  [/\b(?:ne correspond pas|correspond pas|no corresponde|no concuerda|no coincide|no coinciden)\b/g, "mismatch"],
  [/\b(?:incorrecte|invalide|invalido|invalida|incorrecta|erronee|errone|erroneo|erronea|equivocado|equivocada|mauvais|mauvaise)\b/g, "incorrect"],
  [/\b(?:no es (?:el|la) (?:suyo|suya|de ellos|que tienen)|(?:n )?est pas (?:le leur|la leur|celui qu ils ont))\b/g, "incorrect"],
  [/\b(?:(?:n )?est pas (?:le bon|la bonne|les bons|correct|correcte)|no es (?:el|la) (?:correcto|correcta|bueno|buena)|no es correcto|no es correcta)\b/g, "incorrect"],
];

/** Street words and their abbreviations: a text holding both forms of one is about an abbreviation ("Rd" / "Road"). */
const STREET_WORDS: Array<[string, RegExp]> = [
  ["street", /\b(?:\d*st|str)\b/],
  ["avenue|avenida", /\b(?:\d*av|ave|avda)\b/],
  ["calle", /\bc\b/],
  ["road", /\brd\b/],
  ["boulevard", /\b(?:blvd|boul|bd)\b/],
  ["apartment", /\b(?:apt|app)\b/],
  ["suite", /\bste\b/],
  ["route", /\b(?:rte|rt)\b/],
  ["highway", /\bhwy\b/],
  ["drive", /\bdr\b/],
  ["north", /\bn\b/],
  ["south", /\bs\b/],
  ["east", /\be\b/],
  ["west", /\bw\b/],
  ["lane", /\bln\b/],
  ["court", /\bct\b/],
  ["parkway", /\bpkwy\b/],
  ["place", /\bpl\b/],
];

function namesAbbreviation(text: string): boolean {
  return STREET_WORDS.some(([word, short]) => new RegExp(`\\b(?:${word})\\b`).test(text) && short.test(text));
}

const COUNT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const countOf = (word: string) => (/^\d+$/.test(word) ? Number(word) : COUNT_WORDS.indexOf(word));
const SOME_OF_ALL = new RegExp(
  `\\b(\\d+|${COUNT_WORDS.join("|")}) (?:of|out of|de|sur) (?:our|my|the|their|his|her|nos|mis|nuestros|nuestras|sus) (\\d+|${COUNT_WORDS.join("|")}) (?:\\w+ )?(?:numbers|lines|phones|tns|dids|numeros|lignes|lineas)\\b`,
  "g",
);

const COUNT = `(\\d+|${COUNT_WORDS.join("|")})`;
const HAVE_THEN_MOVE = new RegExp(
  `\\b(?:have|has|got|there are) ${COUNT} (?:\\w+ )?(?:numbers|lines|phones|tns|dids)\\b((?: \\w+){0,6}?) (?:bringing|porting|moving|transferring|switching|taking) (?:over )?(?:only |just )?${COUNT}\\b`,
  "g",
);

/**
 * "2 of our 5 lines", "we have 4 numbers and we're bringing 2": fewer numbers than the account holds are moving,
 * which is a partial port.
 */
function namesPartOfAccount(text: string): string {
  const part = (whole: string, n: number, m: number) => (n >= 0 && m > n ? "partial port" : whole);
  return text
    .replace(SOME_OF_ALL, (whole, n: string, m: string) => part(whole, countOf(n), countOf(m)))
    .replace(HAVE_THEN_MOVE, (whole, m: string, _between: string, n: string) => part(whole, countOf(n), countOf(m)));
}

/**
 * A notice that reports a step done or a detail confirmed ("PIN verified", "BTN confirmed, FOC 12/04", "pending
 * order cleared", "address validated against the CSR", "no action needed") or reminds of one ("do not disconnect
 * your service before the FOC date") tells the state of the port, not why it failed. Read on the rewritten text.
 */
export const REPORTS_STATE = new RegExp(
  "(?<!\\b(?:not|never|no|yet to be|nor) )\\b(?:" +
    [
      "verified|confirmed|validated|approved|accepted|received|acknowledged|cleared|released|issued|reissued|rebuilt|expanded|updated|corrected|matches|on file|proceeding|scheduled",
      "successful|successfully|nothingtodo|reminder|do not (?:disconnect|cancel|terminate)|please keep",
      // A PIN given with its value ("my PIN is 4821", masked as "[pin]") is handed over, not refused.
      "(?:pin|passcode) (?:number |code )?(?:is |was )?(?:\\d{4,}|pin)",
      "verificado|verificada|verificar|verifique|confirmo|confirmamos|confirmado|confirmada|aprobado|aprobada|validado|validada|recibido|recibida|completado|completada",
      "verifie|verifiee|confirme|confirmee|valide|validee|approuve|approuvee|recu|recue|complete|completee|termine|terminee",
    ].join("|") +
    ")\\b",
);

/**
 * A clause that says a detail is fine or absent ("BTN correct", "account is in good standing", "no pending orders",
 * "we don't have a hunt group", "it's not the address", "ring group settings unchanged") rules its subject out: its
 * words are no evidence for a cause, even when another clause of the same notice says the port was rejected. Read
 * on one rewritten clause that names nothing wrong.
 */
export const CLEARS_A_DETAIL = new RegExp(
  [
    "\\b(?:is|was|were|are|s|be|been|both|all|looks|looked|seems|seemed|checked out)(?: all| both| completely| totally| still)? (?:right|correct|fine|ok|okay|good|valid|accurate|active)\\b",
    "\\b(?:correct|fine|ok|okay|valid|accurate|active)$",
    "\\b(?:in good standing|good standing|unchanged|not changed|as expected|in order|ruledout|courtesy|informational|for information only|nothingtodo)\\b",
    "(?<!\\b(?:not|never|no|yet to be|nor) )\\b(?:verified|confirmed|validated|approved|accepted|matches|matched|cleared)\\b",
    "\\b(?:no|nothing|without|there is no|there are no|there was no|there were no|(?:do|does|did) not have(?: a| an| any)?|(?:have|has|had) no|not (?:part of|in|on)(?: a| an| any)?) (?:\\w+ ){0,2}?(?:pending|open|orders?|hunt|group|freeze|frozen|remaining|left|disconnect|partial|newer|other requests?|staying)\\b",
    // A practice said absent ("no abbreviations found") clears it; said alone ("exactly as the CSR – no abbreviations")
    // it is the rule the request broke.
    "\\b(?:no|without) (?:\\w+ ){0,2}?(?:abbreviations?|po box(?:es)?)(?: \\w+){0,2}? (?:found|used|detected|present|noted|seen|on file)\\b",
    // The same in Spanish and French: "ninguna orden pendiente", "aucune commande en attente".
    "\\b(?:ningun|ninguna|ningunos|ningunas|sin|aucun|aucune|pas de) (?:\\w+ ){0,2}?(?:pendientes?|pending|orders?|abiertas?|ordenes|orden|solicitud|congelad\\w*|bloque\\w*|commandes?|en attente|en cours|gel|gele\\w*)\\b",
  ].join("|"),
);

export function rewriteNoticeWords(normalized: string): string {
  let out = namesPartOfAccount(normalized);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  if (namesAbbreviation(out)) out += " abbreviation";
  return out.replace(/\s+/g, " ").trim();
}
