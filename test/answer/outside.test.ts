import { readdir, readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine, type AnswerEngine } from "../../src/answer/engine.js";
import { parseEvalSet } from "../../src/answer/evaluate.js";
import { outsideTopicReader } from "../../src/answer/outside.js";
import { loadKnowledgeBase } from "../../src/knowledge/loader.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { knowledgeDir } from "../../src/paths.js";

let kb: KnowledgeBase;
let engine: AnswerEngine;

beforeAll(async () => {
  kb = await loadKnowledgeBase(knowledgeDir({}));
  engine = createAnswerEngine(kb);
});

describe("topics outside porting", () => {
  const reader = outsideTopicReader({
    synonyms: [],
    outside_porting: [
      { topic: "network setup", phrases: ["firewall", "port forwarding"] },
      { topic: "voicemail", phrases: ["voicemail pin"] },
    ],
  });

  it("names the topic of a phrase found word for word, in any inflection or case", () => {
    expect(reader("Which ports on my FIREWALLS?")).toBe("network setup");
    expect(reader("help with Port Forwarding please")).toBe("network setup");
    expect(reader("reset my voicemail PIN")).toBe("voicemail");
  });

  it("names the topic when a customer slips a word or two between the phrase's words", () => {
    expect(reader("what's my voicemail security PIN")).toBe("voicemail");
    expect(reader("how do I set up port 5060 forwarding")).toBe("network setup");
  });

  it("names none when the words are apart, partial or absent", () => {
    expect(reader("my PIN for voicemail")).toBeUndefined();
    expect(reader("the voicemail on my old line and the PIN the carrier gave me")).toBeUndefined();
    expect(reader("how long does a port take")).toBeUndefined();
    expect(reader("")).toBeUndefined();
  });

  it("names none when the question also holds one of the topic's unless words", () => {
    const travel = outsideTopicReader({ synonyms: [], outside_porting: [{ topic: "travelling", phrases: ["travelling to"], unless: ["porting"] }] });
    expect(travel("will my number work when I'm travelling to Spain")).toBe("travelling");
    expect(travel("I'm travelling to Spain while my number is ported")).toBeUndefined();
  });

  it("refuses porting-worded questions about them, where choices were offered before", () => {
    for (const question of ["how do i transfer my domain name to another registrar", "what ports do i need to open on my firewall", "reset my voicemail pin please", "how do i transfer a call to another extension"]) {
      expect(engine.ask(question), question).toMatchObject({ status: "fallback", answer: null });
    }
  });

  it("still answers porting questions that share their words", () => {
    expect(engine.ask("why do I need a PIN to port my cell")).toMatchObject({ status: "answered", answer: { id: "i-am-being-asked-for-my-pin-and-imei-why" } });
    expect(engine.ask("can I forward my calls to a temporary number while porting")).not.toMatchObject({ status: "fallback" });
  });

  it("refuse the rest of a phone provider's help centre, from text registration to small talk", () => {
    const named = outsideTopicReader(kb.vocabulary);
    for (const [question, topic] of [
      ["how do I register my brand for 10DLC texting", "text messages"],
      ["my calls sound robotic since yesterday", "call quality"],
      ["my Yealink shows unregistered", "phone and SIP setup"],
      ["can I pay my bill with Interac e-transfer", "payments"],
      ["how do I turn on voicemail transcription", "voicemail"],
      ["set up a conference bridge for my team", "call features"],
      ["does your phone service integrate with Salesforce", "integrations"],
      ["how much are calls to India", "international calls and rates"],
      ["are you hiring right now", "jobs"],
      ["what is the capital of France", "small talk"],
      ["will my line still work when I'm travelling to Spain", "travelling with a number"],
      ["why did my monthly bill go up", "bills and fees of the service"],
      ["my outgoing texts to Rogers customers never show up", "sending texts"],
      ["there is no dial tone on any handset", "line trouble"],
      ["how do I stop my subscription from renewing next year", "cancelling this service"],
      ["I want a second number for my side business", "new numbers and lines"],
    ]) {
      expect(named(question!), question).toBe(topic);
      expect(engine.ask(question!), question).toMatchObject({ status: "fallback", answer: null });
    }
  });

  it("refuse account, ticket, lookup, text and fax questions told in porting's words", () => {
    const named = outsideTopicReader(kb.vocabulary);
    for (const [question, topic] of [
      ["please transfer my support ticket to someone else", "support tickets and complaints"],
      ["does your API offer a carrier lookup for a list of numbers", "carrier lookups"],
      ["which carriers do you route my outbound calls through in Ontario", "outbound call routing"],
      ["the signup form rejected my postal code", "opening an account"],
      ["can I release a DID I no longer need", "managing the account's numbers"],
      ["please release the hold on my account funds from yesterday", "account funds"],
      ["is there a fee for receiving SMS on a toll free line", "text message features"],
      ["a fax I sent to a clinic was rejected", "fax features"],
      ["I need an account manager for my 200 seats", "resale and staff accounts"],
      ["how do I cancel a callback a customer requested", "callbacks"],
      ["update the e911 address on my number", "emergency address"],
    ]) {
      expect(named(question!), question).toBe(topic);
      expect(engine.ask(question!), question).toMatchObject({ status: "fallback", answer: null });
    }
  });

  it("refuse telecom definitions, other senses of port, comparisons, disputes and requests for other tasks", () => {
    const named = outsideTopicReader(kb.vocabulary);
    for (const [question, topic] of [
      ["how does VoIP work exactly", "telecom general knowledge"],
      ["is a cloud PBX worth it for a small office", "telecom general knowledge"],
      ["explain 5G to me", "telecom general knowledge"],
      ["can you recommend a good port wine", "other senses of port"],
      ["can I port my game to Linux", "other senses of port"],
      ["how would I port a React Native app", "other senses of port"],
      ["why should I choose you over Vonage", "comparing providers"],
      ["can I use my own desk phone with your service", "using one's own phone"],
      ["can I move my account to my wife's name", "account ownership"],
      ["my LOA for the apartment lease was rejected", "housing and leases"],
      ["my calls are being rejected by Verizon customers", "calls failing"],
      ["translate this sentence into Italian: my number was ported", "other tasks"],
      ["what's the baud rate of your fax line", "line and fax speeds"],
      ["do you offer cell phone service", "services not sold here"],
      ["I was charged for a number I cancelled", "plans and billing disputes"],
      ["the app won't let me log in", "signing in"],
      ["how do I keep my number private when calling", "caller ID display"],
      ["why was my SMS rejected by the recipient carrier", "sending texts"],
      ["what's the carrier of number 212-555-0199", "carrier lookups"],
      ["move my photos to my new phone", "devices and personal phones"],
    ]) {
      expect(named(question!), question).toBe(topic);
      expect(engine.ask(question!), question).toMatchObject({ status: "fallback", answer: null });
    }
  });

  it("refuse texting and outage talk that is not about a port's approval text, its first texts or its downtime", () => {
    const named = outsideTopicReader(kb.vocabulary);
    for (const [question, topic] of [
      ["can I send SMS from the web portal", "using texts"],
      ["do I have to reply to texts from customers within a time limit", "using texts"],
      ["my bank's verification code never shows up", "using texts"],
      ["how much is it per text sent to Canada", "using texts"],
      ["I want my text messages emailed to me", "using texts"],
      ["SMS isn't working on my account", "text message trouble"],
      ["my texts are delayed by hours", "text message trouble"],
      ["every text shows up twice", "text message trouble"],
      ["is your service down right now", "service down now"],
      ["our phones have been down since 9am", "service down now"],
      ["calls keep dropping after a minute", "service down now"],
      ["none of my calls go through today", "service down now"],
      ["can I get a credit for the downtime yesterday", "service down now"],
      ["we lost power at the office, how do I send calls to my cell", "service down now"],
      ["can I text a landline from my number", "using texts"],
      ["my texts to T-Mobile customers are blocked as spam", "sending texts"],
      ["what does SMS stand for", "using texts"],
      ["how long does 10DLC approval take", "text registrations"],
      ["is the line down or is it my handset", "service down now"],
      ["can I get my voicemails as texts", "voicemail"],
      ["how do I move my extension to another phone", "call features"],
      ["do you sell toll free numbers", "new numbers and lines"],
    ]) {
      expect(named(question!), question).toBe(topic);
      expect(engine.ask(question!), question).toMatchObject({ status: "fallback", answer: null });
    }
  });

  it("leave porting questions told with those topics' everyday words to the porting answers", () => {
    const named = outsideTopicReader(kb.vocabulary);
    for (const question of ["can I transfer my number if my balance is negative", "can I transfer if my balance is negative"]) {
      expect(named(question), question).toBeUndefined();
      expect(engine.ask(question), question).toMatchObject({ status: "answered", answer: { id: "can-a-port-in-out-be-rejected-for-negative" } });
    }
    expect(engine.ask("I never got the text message to approve the transfer")).toMatchObject({ status: "answered", answer: { id: "i-read-that-i-will-receive-an-sms-to-approve" } });
    for (const question of [
      "port rejected because I still have internet with them and a modem",
      "the rejection says pending order, we had just changed our internet speed plan",
      "we want to bring over the two desk phone lines at our restaurant but keep the fax",
      "how do I know my porting PIN if I'm locked out of my carrier account",
      "what would it cost to port 40 local numbers from Ottawa",
      "can we break up the port into two batches",
      "once it has ported out, do I remove it from my account myself",
      "do I need to update the e911 address before the port",
    ]) {
      expect(named(question), question).toBeUndefined();
      expect(engine.ask(question).status, question).not.toBe("fallback");
    }
  });

  it("name no topic in porting troubles told with their words", () => {
    const named = outsideTopicReader(kb.vocabulary);
    for (const question of ["my fax port failed again", "the fax number port got an error", "the PIN for my port out was rejected",
      "I'm travelling to Spain the week my number ports", "my outgoing texts stopped after the port", "why is ordering a new number cheaper than transferring mine",
      "we're moving offices and want to bring our numbers with us", "can I cancel my service with the old carrier yet", "my line went dead, was my number ported", "can I send photos of my bill with the LOA", "my account was hacked and my number got ported out", "how many channels can I port",
      "the reception line rolls over to two others when it's busy and only the reception number was sent",
      "we have a second number on that bill we are not bringing over", "I was on a business trip and missed the text to approve it",
      "we set up call forwarding on the line the day before the request went in", "we relocated last year and the old phone company still has our old address",
      "I signed up with another phone company a few days after sending you the request", "the LSR came back asking for a callback number",
      "our request is on hold and was escalated to a supervisor at the losing side",
      "my port got rejected because of a pending order on my cell phone plan", "we changed plans with our carrier and there is a pending order",
      "my old company charged me for a number I moved to you", "can I bring my own phone over to you", "can I port a number from a hosted PBX",
      "will my 5G phone need an IMEI for the port", "can I transfer ownership of my number to my wife's account", "my landlord owns the phone line, can I port it",
      "my calls fail since the number ported", "calls are being rejected after the FOC date", "can I speed up the transfer",
      "what's the transfer speed for a toll free number", "is the porting FAQ translated into Spanish", "which carrier should I port my number to",
      "the SMS was not answered and my port was rejected", "can I pick the date my number moves over", "my old phone company is charging me a port out fee",
      "our office move is on Friday but the FOC date is the week after, can it be sooner", "the shop is closed on Saturdays, can the port happen then", "our store is closed on Sundays, could the cutover be that day",
      "I'm closing my voip.ms account and keeping my number, how do I move it elsewhere",
      "SMS is not working on the number that just came over", "my texts are delayed since the number moved to you",
      "the approval text never arrived because my phone had no service", "our phones have been down since the number came over this morning",
      "calls are not going through since the port", "will calls drop during the transfer", "is there an outage while my number ports",
      "I got a text from a 5 digit number asking me to approve the port", "is the approval text free",
      "a short code texted me about the transfer and I deleted it as spam", "my cell had no service when the approval text came",
      "what does SMS/800 stand for", "all circuits are busy when people call my newly ported number", "how do I reply to a text from my old carrier to approve",
      "the number is virtual, so there is no service address for the form"]) {
      expect(named(question), question).toBeUndefined();
    }
  });

  it("are never phrases of what the knowledge answers (a title or an alternate question)", () => {
    const named = outsideTopicReader(kb.vocabulary);
    const clashes = kb.entries
      .filter((e) => e.status === "current")
      .flatMap((e) => [e.title, ...e.questions].map((q) => ({ id: e.id, q, topic: named(q) })))
      .filter((c) => c.topic !== undefined)
      .map((c) => `${c.q} (${c.id}) names ${c.topic}`);
    expect(clashes).toEqual([]);
  });

  it("are never named by an in-scope question of an answer evaluation set", async () => {
    const named = outsideTopicReader(kb.vocabulary);
    const answerSets = (await readdir("eval")).filter((f) => f.startsWith("answers-") || f === "hard.jsonl" || f === "holdout.jsonl");
    const files = ["../shared/eval/dev.jsonl", ...answerSets.filter((f) => f.endsWith(".jsonl")).map((f) => `eval/${f}`)];
    expect(files.length).toBeGreaterThan(5);
    const clashes: string[] = [];
    for (const file of files) {
      for (const c of parseEvalSet(await readFile(file, "utf8"), file)) {
        const topic = c.expected.length > 0 ? named(c.question) : undefined;
        if (topic !== undefined) clashes.push(`${file}: "${c.question}" names ${topic}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe("an entry's choice label", () => {
  it("is offered with its choice, and left out of the ask --json contract", async () => {
    const { toAskJson } = await import("../../src/cli/ask.js");
    const result = engine.ask("tips for porting");
    expect(result.status).toBe("clarify");
    const labels = Object.fromEntries(result.alternatives.map((a) => [a.id, a.label]));
    expect(labels["pro-bonus-tip"]).toBe(kb.byId.get("pro-bonus-tip")!.label);
    expect(labels["pro-bonus-tip"]).not.toBe(kb.byId.get("pro-bonus-tip")!.title);
    expect(JSON.stringify(toAskJson(result))).not.toContain('"label"');
  });
});
