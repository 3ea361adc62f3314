import { beforeAll, describe, expect, it } from "vitest";
import type { Reader } from "../../src/reading/read.js";
import { realReader } from "./reader.js";

// Sunday
const SUNDAY = "2026-03-08";
let reader: Reader;
beforeAll(async () => {
  reader = await realReader();
});
const facts = (text: string, today = SUNDAY) => reader.read(text, { today }).facts;

describe("counts and kinds", () => {
  it.each([
    ["1 line from Laval and 1 fax from Quebec City", { fax: 1 }, 1],
    ["2 lines in Tampa and 3 toll frees", { "toll-free": 3 }, 2],
    ["3 numbers: 2 DIDs and a fax", { local: 2, fax: 1 }, undefined],
  ])("'%s' adds an item joined by 'and' but not the kinds of a total said first", (text, numbers, count) => {
    expect(facts(text).numbers).toEqual(numbers);
    expect(facts(text).count).toBe(count);
  });

  it.each([
    ["half a dozen DIDs and one e-fax", { local: 6, fax: 1 }],
    ["a couple of landlines + our 1-800 line", { local: 2, "toll-free": 1 }],
    ["a dozen cell numbers", { wireless: 12 }],
    ["five toll frees", { "toll-free": 5 }],
    ["three 504 numbers (two landlines, one cell)", { local: 2, wireless: 1 }],
    ["one 888 toll free plus two landlines", { "toll-free": 1, local: 2 }],
    ["my 514 number (landline)", { local: 1 }],
    ["3 numéros de fax", { fax: 3 }],
    ["dos números móviles", { wireless: 2 }],
    ["twelve DIDs + 2 faxes", { local: 12, fax: 2 }],
  ])("'%s' is %j", (text, numbers) => {
    expect(facts(text).numbers).toEqual(numbers);
  });

  it.each([
    ["two dozen DIDs", { local: 24 }],
    ["2 dozen landlines", { local: 24 }],
    ["twenty-five mobiles", { wireless: 25 }],
    ["a hundred and fifty local numbers", { local: 150 }],
    ["1,200 DIDs and 3 faxes", { local: 1200, fax: 3 }],
    ["2 e-faxes", { fax: 2 }],
    ["5x DIDs", { local: 5 }],
    ["2 SIP trunk numbers", { local: 2 }],
    ["our two cells", { wireless: 2 }],
    ["le transfert d'une demi-douzaine de cellulaires", { wireless: 6 }],
    ["deux douzaines de lignes fixes", { local: 24 }],
    ["vingt et un cellulaires", { wireless: 21 }],
    ["treinta y cinco líneas fijas", { local: 35 }],
    ["veinticinco celulares", { wireless: 25 }],
  ])("reads the count of several words in '%s' as %j", (text, numbers) => {
    expect(facts(text).numbers).toEqual(numbers);
  });

  it("reads a count of several words said alone, as a reply is", () => {
    expect(facts("twenty five").count).toBe(25);
    expect(facts("a dozen").count).toBe(12);
    // Numbers said one after the other are not one count.
    expect(facts("one two").count).toBeUndefined();
  });

  it.each([
    ["ten numbers, mostly landlines, two are fax", { fax: 2, local: 8 }, undefined],
    ["5 numbers - 2 cells, the rest landlines", { wireless: 2, local: 3 }, undefined],
    ["3 numbers: 2 DIDs and a fax", { local: 2, fax: 1 }, undefined],
    ["2 phone lines and 1 fax", { fax: 1 }, 2],
    ["a fax line plus 2 phone numbers", { fax: 1 }, 2],
    ["a fax number and a main line", { fax: 1 }, 1],
    ["15 numbers in Philadelphia (all VoIP lines)", { local: 15 }, undefined],
    ["40 DIDs + 5 TF numbers", { local: 40, "toll-free": 5 }, undefined],
    ["my 3 numbers from ohio, they're all fax", { fax: 3 }, undefined],
    ["I have 4 lines in Ottawa, all fax", { fax: 4 }, undefined],
    ["1 fax and 1 voice number from texas", { fax: 1, local: 1 }, undefined],
  ])("reads a count of no kind beside counted kinds in '%s' as a total or as more numbers", (text, numbers, count) => {
    const read = facts(text);
    expect(read.numbers).toEqual(numbers);
    expect(read.count).toBe(count);
  });

  it("reads customers' everyday names of local numbers, and no word naming numbers as a typo of a kind", () => {
    expect(facts("half a dozen regular phone numbers").numbers).toEqual({ local: 6 });
    expect(facts("3 business numbers").numbers).toEqual({ local: 3 });
    expect(facts("our fax line and our main phone line").numbers).toEqual({ fax: 1 });
    expect(facts("what's the regular price").numbers).toEqual({});
  });

  it("asks the count of a plural kind said without one, and keeps a count said without a kind", () => {
    expect(facts("how much for my fax numbers")).toMatchObject({ numbers: {}, uncounted: ["fax"] });
    expect(facts("port 4 numbers").count).toBe(4);
    expect(facts("why did my port fail").numbers).toEqual({});
  });
});

describe("places", () => {
  it.each([
    ["a customer in 902 wants to move", "CA"],
    ["three lines from 312", "US"],
  ])("an area code after 'in' or 'from': '%s' is in %s", (text, country) => {
    expect(facts(text).country).toBe(country);
  });

  it("a count after 'in' or 'from' is no area code", () => {
    expect(facts("port from 250 numbers").count).toBe(250);
    expect(facts("port from 250 numbers").country).toBeUndefined();
  });

  it.each([
    ["Phoenix, Arizona", "US", "Arizona"],
    ["2 DIDs in Minneapolis MN", "US", "Minnesota"],
    ["Ontario, Canada", "CA", "Ontario"],
    ["TX", "US", "Texas"],
    ["from the states", "US", undefined],
    ["our clinic in Charlottetown, PEI", "CA", "Prince Edward Island"],
    ["St. John's, Newfoundland", "CA", "Newfoundland and Labrador"],
    ["5 landlines with 404 numbers in Georgia", "US", "Georgia"],
    ["2 numéros sans frais du Nouveau-Brunswick", "CA", "New Brunswick"],
    ["3 celulares de Nueva York", "US", "New York"],
    ["we're in the Bay Area", "US", "California"],
    ["4 cells in Vegas", "US", "Nevada"],
    ["4 cells in the GTA", "CA", "Ontario"],
    ["4 cells in the Maritimes", "CA", undefined],
  ])("'%s' is in %s (%s)", (text, country, region) => {
    const read = facts(text);
    expect(read.country).toBe(country);
    expect(read.region).toBe(region);
  });

  it("reads cities beyond the listed ones from the shipped city data, the largest of a name first, and no everyday word", () => {
    expect(facts("3 DIDs in Sioux City")).toMatchObject({ country: "US", region: "Iowa" });
    expect(facts("2 cells in Bakersfield")).toMatchObject({ country: "US", region: "California" });
    expect(facts("3 cells in Guadalajara")).toMatchObject({ country: "INTL", place: "Mexico" });
    expect(facts("2 lines in London")).toMatchObject({ country: "INTL", place: "United Kingdom" });
    expect(facts("2 lines in London ON")).toMatchObject({ country: "CA", region: "Ontario" });
    expect(facts("3 DIDs in Richmond").region).toBe("Virginia");
    // Names from the data are read as written: "Narnia" is no typo of Sarnia, Ontario.
    expect(facts("Narnia").country).toBeUndefined();
    expect(facts("my mobile phone").country).toBeUndefined();
  });

  it("reads area codes from the numbering plan's data and calling codes as countries", () => {
    expect(facts("our e-fax number has a 317 area code").country).toBe("US");
    expect(facts("my 416 number").country).toBe("CA");
    expect(facts("my cell from Spain (+34)")).toMatchObject({ country: "INTL", place: "Spain" });
    expect(facts("I have 250 DIDs").country).toBeUndefined();
  });

  it("reads a country from the word for its people, from the shipped nationality data", () => {
    expect(facts("how much to port a German number?")).toMatchObject({ country: "INTL", place: "Germany" });
    expect(facts("3 Mexican mobile numbers")).toMatchObject({ country: "INTL", place: "Mexico" });
    expect(facts("two British landlines")).toMatchObject({ country: "INTL", place: "United Kingdom" });
    expect(facts("30 Dutch numbers")).toMatchObject({ country: "INTL", place: "Netherlands" });
    // Written exactly: "Indian" is India's people, not a typo of Indiana.
    expect(facts("an Indian mobile number")).toMatchObject({ country: "INTL", place: "India" });
    expect(facts("2 lines in Indiana")).toMatchObject({ country: "US", region: "Indiana" });
  });

  it("lets a place named beside a people's word decide, and reads no everyday word or the home markets' people as abroad", () => {
    expect(facts("3 lines for our French office in Montreal")).toMatchObject({ country: "CA", region: "Quebec" });
    expect(facts("a Mexican restaurant in Austin with 2 lines")).toMatchObject({ country: "US", region: "Texas" });
    expect(facts("2 Canadian cell numbers").country).toBe("CA");
    expect(facts("4 American numbers").country).toBe("US");
    expect(facts("polish the address on 2 lines").country).toBeUndefined();
    expect(facts("2 lines near Georgian Bay").place).toBeUndefined();
  });

  it("asks which Georgia when nothing says, and reads the country from its context", () => {
    expect(facts("2 landlines in Georgia").ambiguousPlace).toMatchObject({ name: "Georgia", country: "Georgia" });
    expect(facts("one cell from Georgia the country (Tbilisi)")).toMatchObject({ country: "INTL", place: "Georgia" });
    expect(facts("2 DIDs in Atlanta, Georgia").country).toBe("US");
  });

  it("does not read everyday words as places", () => {
    expect(facts("ok").country).toBeUndefined();
    expect(facts("¿cuánto tiempo tarda la portabilidad de mi número?").country).toBeUndefined();
    expect(facts("ils ont 3 lignes").country).toBeUndefined();
    expect(facts("3 DIDs in LA").region).toBe("California");
    expect(facts("3 cells in nyc").region).toBe("New York");
    expect(facts("can you port it in a day or two").country).toBeUndefined();
    expect(facts("how much for a mobile number").country).toBeUndefined();
  });
});

describe("dates relative to the clock", () => {
  it.each([
    ["submitted last friday", "2026-03-06"],
    ["we sent it in on Friday", "2026-03-06"],
    ["submitting friday", "2026-03-13"],
    ["Monday the 25th", "2026-05-25"],
    ["5/20", "2026-05-20"],
    ["tmrw", "2026-03-09"],
    ["on the 1st", "2026-04-01"],
    ["in two days", "2026-03-10"],
    ["fee and timeline if submitted in two days", "2026-03-10"],
    ["next monday", "2026-03-09"],
    ["je soumets lundi", "2026-03-09"],
    ["el viernes", "2026-03-13"],
    ["if we submit the day after tomorrow", "2026-03-10"],
    ["submitting on canada day", "2026-07-01"],
    ["we send it in on Christmas", "2026-12-25"],
    ["if we submit on thanksgiving", "2026-11-26"],
    ["on thanksgiving, 2 lines in Ottawa", "2026-10-12"],
    ["we submitted on Labor Day", "2025-09-01"],
    ["on good friday", "2026-04-03"],
    ["sending it day after tomorrow", "2026-03-10"],
    ["the LOA goes in end of the week", "2026-03-13"],
    ["si j'envoie après-demain", "2026-03-10"],
    ["si lo mando pasado mañana", "2026-03-10"],
    ["going in 3 days from now", "2026-03-11"],
    ["if submitted on June 12", "2026-06-12"],
    ["if it's submitted friday", "2026-03-13"],
    ["we submitted it on March 20", "2025-03-20"],
    ["the order went in this morning", "2026-03-08"],
    ["envoyé ce matin", "2026-03-08"],
    ["los enviamos mañana", "2026-03-09"],
    ["filing on the fourth", "2026-04-04"],
    ["demain", "2026-03-09"],
    ["viernes", "2026-03-13"],
    ["submitting on the first of next month", "2026-04-01"],
    ["Monday the twenty-third, how long", "2026-03-23"],
  ])("'%s' on Sunday 2026-03-08 is %s", (text, date) => {
    expect(facts(text).submitted).toBe(date);
  });

  it("a holiday named in a greeting is no day of the port", () => {
    expect(facts("merry christmas! how much for 2 DIDs in Ohio").submitted).toBeUndefined();
  });

  it("reads no date from a length of time or from a short word of another language", () => {
    expect(facts("old carrier wants a fee and 30 days notice").submitted).toBeUndefined();
    expect(facts("combien coûte le transfert de mon numéro").submitted).toBeUndefined();
    expect(facts("submitting in 30 days").submitted).toBe("2026-04-07");
    expect(facts("I've been waiting about 3 weeks for my port").submitted).toBeUndefined();
    expect(facts("it was rejected on the first try").submitted).toBeUndefined();
    expect(facts("we can submit right away").submitted).toBe("2026-03-08");
  });
});

describe("options and what is no option", () => {
  it.each([
    ["rush please", { expedite: true }],
    ["need it asap", { expedite: true }],
    ["no rush on our side", {}],
    ["if it gets rejected twice", { rejections: 2 }],
    ["the fee if a port of 2 fax lines in Ohio gets rejected once", { rejections: 1 }],
    ["if we need to resubmit once after a rejection", { rejections: 1 }],
    ["so my port doesn't get rejected", {}],
    ["how much if it gets kicked back twice", { rejections: 2 }],
    ["in case the order is sent back once", { rejections: 1 }],
    ["our last order got kicked back", {}],
    ["fast-track 2 DIDs", { expedite: true }],
    ["we need them expediting", { expedite: true }],
    ["no need to rush", {}],
    ["what's the expected port date", {}],
    ["we need this expidited", { expedite: true }],
    ["cost if it fails twice", { rejections: 2 }],
    ["cost with one resubmission", { rejections: 1 }],
    ["we got a rejection before", {}],
    ["cost if we withdraw the port after submitting", { cancel: true }],
    ["what if we have to cancel after it's submitted", { cancel: true }],
    ["I'll cancel my service after the port", {}],
    ["our last port was rejected because of a typo", {}],
    ["we're cancelling the port", { cancel: true }],
    ["what's the cancellation charge", { cancel: true }],
    ["I'll cancel my Bell account after", {}],
    ["should I cancel my old service myself", {}],
    ["it bounced twice already, what's the new total", { rejections: 2 }],
    ["rejected once so far, 2 DIDs", { rejections: 1 }],
    ["rejected once, resubmitting today", { rejections: 1 }],
    ["we expect it to get rejected once", { rejections: 1 }],
    ["probably one rejection given how messy the account is", { rejections: 1 }],
    ["withdrew my 1-800 port after it went in", { cancel: true }],
  ])("'%s' prices %j", (text, options) => {
    const read = facts(text);
    expect({ ...(read.expedite ? { expedite: true } : {}), ...(read.rejections ? { rejections: read.rejections } : {}), ...(read.cancel ? { cancel: true } : {}) }).toEqual(options);
  });

  it("reads the port's direction", () => {
    expect(facts("I want to port out my number").direction).toBe("out");
    expect(facts("bring over my number from Rogers").direction).toBe("in");
  });
});

describe("orders in customers' words", () => {
  // Monday
  const MONDAY = "2026-11-30";
  const on = (text: string, today = MONDAY) => reader.read(text, { today }).facts;

  it.each([
    ["25 numbers in Dallas, mostly local, a couple fax, how much?", { local: 23, fax: 2 }],
    ["we have 30 numbers, mostly DIDs plus three fax lines", { local: 27, fax: 3 }],
    ["3 numbers: 2 DIDs and a fax", { local: 2, fax: 1 }],
  ])("'%s': the kind named alone has what the total leaves: %j", (text, numbers) => {
    expect(on(text).numbers).toEqual(numbers);
    expect(on(text).count).toBeUndefined();
  });

  it("reads 'cel' as a cell number and ATL as Atlanta", () => {
    expect(on("bring my cel # over from ATL").numbers).toEqual({ wireless: 1 });
    expect(on("bring my cel # over from ATL")).toMatchObject({ country: "US", region: "Georgia" });
  });

  it.each([
    ["3 landlines in the Garden State", "New Jersey"],
    ["8 cell phones in the Lone Star State", "Texas"],
    ["2 fax lines from the Big Apple", "New York"],
    ["3 TFNs from the Empire State", "New York"],
  ])("'%s' is in %s", (text, region) => {
    expect(on(text)).toMatchObject({ country: "US", region });
  });

  it.each([
    ["2 lines in Honolulu", "Hawaii"],
    ["2 DIDs in Kauai", "Hawaii"],
    ["a US number in Honolulu", "Hawaii"],
    ["Anchorage, AK - 2 DIDs", "Alaska"],
    ["3 numbers in the 907 area code", "Alaska"],
    ["5 local numbers in San Juan, Puerto Rico", "Puerto Rico"],
    ["3 numbers (787) area code", "Puerto Rico"],
    ["we're in St. Thomas USVI, 2 business lines", "U.S. Virgin Islands"],
    ["2 DIDs based in Guam", "Guam"],
  ])("'%s' is outside the US48: priced like another country's numbers, as %s", (text, place) => {
    expect(on(text)).toMatchObject({ country: "INTL", place });
  });

  it("still reads the 48 states and Canada as home markets", () => {
    expect(on("2 lines in Seattle")).toMatchObject({ country: "US", region: "Washington" });
    expect(on("2 lines in the 416 area code").country).toBe("CA");
  });

  it("reads a weekday named on that same weekday as next week's, and 'today' as today", () => {
    expect(on("6 lines from Bell, submitting Monday").submitted).toBe("2026-12-07");
    expect(on("6 lines from Bell, submitting today").submitted).toBe(MONDAY);
    expect(on("6 lines from Bell, submitting Tuesday").submitted).toBe("2026-12-01");
    expect(on("we submitted 3 numbers on monday").submitted).toBe(MONDAY);
  });

  it("reads 'enviamos … el viernes' (we send it on Friday) forwards", () => {
    expect(on("¿Cuánto cuesta portar dos líneas fijas de Miami? Enviamos la solicitud el viernes.", "2027-01-06").submitted).toBe("2027-01-08");
  });

  it("reads no request for dates in the name of a date: 'FOC date', 'due date'", () => {
    expect(on("I got a FOC date, can I cancel the port?").wants).toEqual({ fees: false, dates: false });
    expect(on("our due date is friday, how much to cancel?").wants).toEqual({ fees: true, dates: false });
    expect(on("when is the completion date?").wants.dates).toBe(true);
  });
});

describe("words a typo away from a kind", () => {
  it("reads 'portarlos' (to port them) as no kind, and 'portables' as cell numbers", () => {
    expect(facts("tengo 3 números en Puerto Rico, cuánto cuesta portarlos")).toMatchObject({ numbers: {}, count: 3 });
    expect(facts("2 portables a Montreal, combien?").numbers).toEqual({ wireless: 2 });
  });
});

describe("telephone numbers and home phones", () => {
  it("counts the telephone numbers listed, not their digits, and reads the place from their area code", () => {
    expect(facts("moving (514) 555-0180 and (514) 555-0181, both fax lines")).toMatchObject({ numbers: { fax: 2 }, country: "CA" });
    expect(facts("how much for 702-555-0144, 702-555-0145 and 702-555-0146?")).toMatchObject({ numbers: {}, count: 3, country: "US" });
    expect(facts("3 cells, one of them is 555-0199").numbers).toEqual({ wireless: 3 });
  });

  it("reads no order, ticket or extension number as a count, and no 'telephone' as a typo of a cell phone", () => {
    expect(facts("port request PON 88812 for the telephone number(s) 514-555-0199").numbers).toEqual({});
    expect(facts("ticket 4417 port 3 fax numbers")).toMatchObject({ numbers: { fax: 3 } });
    expect(facts("ticket: 7 numbers, area code 512")).toMatchObject({ count: 7 });
    expect(facts("my telephone number")).not.toHaveProperty("numbers.wireless");
  });

  it("reads a home phone as a local number", () => {
    expect(facts("how long will my Shaw home phone take").numbers).toEqual({ local: 1 });
  });

  it("reads 'end of next week' as Friday of next week", () => {
    // Wednesday 2026-12-02: next week's Friday is the 11th.
    expect(facts("submitting end of next week, how long for 2 landlines?", "2026-12-02").submitted).toBe("2026-12-11");
  });
});

describe("a phone company serving one market names its country", () => {
  it.each([
    ["two Koodo phones to move", "CA"],
    ["our Sasktel line", "CA"],
    ["port my Bell landline", "CA"],
    ["a Comcast business line", "US"],
    ["3 T-Mobile numbers", "US"],
    ["moving my AT&T cell", "US"],
  ])("'%s' is in %s", (text, country) => {
    expect(facts(text).country).toBe(country);
  });

  it("any place named outweighs the company", () => {
    expect(facts("our Rogers lines in Buffalo, New York").country).toBe("US");
  });

  it.each(["the bell rang twice, 2 local numbers", "no sprint needed, 1 landline", "a cricket in the office, 2 cells"])("an everyday word in lower case names no company: '%s'", (text) => {
    expect(facts(text).country).toBeUndefined();
  });

  it("a company serving both countries says nothing", () => {
    expect(facts("our Vonage number").country).toBeUndefined();
  });
});

describe("urgency and a cancelled port in other words", () => {
  it.each(["we needed it yesterday, 1 line", "as quickly as possible please", "lo necesito con urgencia", "it's time sensitive"])("'%s' asks for the expedite", (text) => {
    expect(facts(text).expedite).toBe(true);
  });

  it("'need it yesterday' is urgency, not a submission date", () => {
    const read = facts("need it yesterday, 1 cell in Ohio, how long");
    expect(read.expedite).toBe(true);
    expect(read.submitted).toBeUndefined();
    expect(facts("we submitted it yesterday, 1 cell in Ohio").submitted).toBeDefined();
  });

  it.each(["what if we cancel it halfway", "fee to cancel partway through"])("'%s' prices cancelling the port", (text) => {
    expect(facts(text).cancel).toBe(true);
  });
});

it("a bulleted list with 'main number' counts it as a local number", () => {
  expect(facts("• 1 main number\n• 2 fax\n• Vancouver").numbers).toEqual({ local: 1, fax: 2 });
});

describe("a count written after its kind", () => {
  it.each([
    ["price: local DID x3, Boston", { local: 3 }],
    ["fax x2 + DID x5 in Quebec", { fax: 2, local: 5 }],
    ["2 faxes and DID x4", { fax: 2, local: 4 }],
  ])("'%s' gives each kind its own count: %j", (text, numbers) => {
    expect(facts(text).numbers).toEqual(numbers);
  });

  it("a word after a kind that only looks like a count is none", () => {
    expect(facts("1 fax xyz").numbers).toEqual({ fax: 1 });
  });
});

describe("a country's or region's name misspelt", () => {
  it.each([
    ["3 local numbers in Canda", "CA"],
    ["2 local in the Untied States", "US"],
    ["4 landlines in Ontaro", "CA"],
    ["2 lines in Quebc", "CA"],
  ])("'%s' is in %s", (text, country) => {
    expect(facts(text).country).toBe(country);
  });

  it.each(["I need a canal", "the state of it", "candy"])("an everyday word a letter or two from a name names no place: '%s'", (text) => {
    expect(facts(text).country).toBeUndefined();
  });
});

describe("port direction in French and Spanish", () => {
  it.each(["portabilidad entrante de 3 números fijos", "une portabilité entrante de 2 numéros", "transférer 2 numéros de fax chez vous"])("'%s' is a port in", (text) => {
    expect(facts(text).direction).toBe("in");
  });

  it.each(["portar mi número a otro operador", "portabilité sortante de mon cellulaire", "mover mis líneas a otra compañía"])("'%s' is a port out", (text) => {
    expect(facts(text).direction).toBe("out");
  });

  it("incoming calls are no port direction", () => {
    expect(facts("mes appels entrants ne marchent pas").direction).toBeUndefined();
    expect(facts("llamadas entrantes").direction).toBeUndefined();
  });
});

describe("a day the port must be done by", () => {
  // Tuesday
  const TUESDAY = "2026-12-01";
  it.each([
    ["3 local numbers in Texas, need it done within 7 days", "2026-12-08"],
    ["2 cells in Ottawa, we need it in under a week", "2026-12-08"],
    ["4 local numbers in Phoenix ported before Friday", "2026-12-04"],
    ["can 5 local numbers in Seattle be ported by end of month?", "2026-12-31"],
    ["3 numéros fixes, je dois l'avoir d'ici 10 jours", "2026-12-11"],
    ["2 números fijos portados en menos de una semana", "2026-12-08"],
  ])("'%s' is needed by %s, with no submission day", (text, deadline) => {
    const read = facts(text, TUESDAY);
    expect(read.deadline).toBe(deadline);
    expect(read.submitted).toBeUndefined();
  });

  it.each([
    ["2 local in Ohio if I submit by Friday", "2026-12-04"],
    ["when it'd be done if we get the LOA in by friday", "2026-12-04"],
    ["I'll send it in less than a week, 2 local", "2026-12-08"],
    ["starting Monday, 3 toll-free numbers in Miami", "2026-12-07"],
  ])("a day said of sending the order is the submission day: '%s'", (text, submitted) => {
    const read = facts(text, TUESDAY);
    expect(read.submitted).toBe(submitted);
    expect(read.deadline).toBeUndefined();
  });
});

describe("a wish to port beside a question about money or time", () => {
  it.each(["I want to port my number, how much does it cost?", "Hi. I want to port my number. How long will it take?"])(
    "'%s' is a question for the answers, not the pre-port checklist",
    async (text) => {
      const reader = await realReader();
      expect(reader.read(text, { today: "2026-12-02" }).intent).toBe("question");
    },
  );

  it("alone it still starts the checklist", async () => {
    const reader = await realReader();
    expect(reader.read("I want to port my number", { today: "2026-12-02" }).intent).toBe("checklist");
  });
});
