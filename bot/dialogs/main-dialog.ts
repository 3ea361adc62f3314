import type { StatePropertyAccessor, TurnContext } from "botbuilder";
import { ComponentDialog, Dialog, DialogSet, DialogTurnStatus, type DialogContext, type DialogState, type DialogTurnResult } from "botbuilder-dialogs";
import { translationUrl } from "../../src/answer/language.js";
import { feedbackRecord } from "../../src/feedback/record.js";
import type { Action, Command } from "../actions.js";
import type { Choice, Reply } from "../channels/reply.js";
import { channelStyle } from "../channels/render.js";
import { clarifyCard } from "../cards/clarify-card.js";
import { fallbackCard } from "../cards/fallback-card.js";
import { handoffCard } from "../cards/handoff-card.js";
import { askCard, helpCard, menuCard, welcomeCard } from "../cards/welcome-card.js";
import { unhelpfulCard } from "../cards/unhelpful-card.js";
import { misspeltChoice, readInput, resolveChoice } from "../input.js";
import type { BotServices } from "../services.js";
import { answerReply, ask, canSee, entryReply, isAgentTurn, recordFallback } from "./answer-turn.js";
import { agentAnswerCard } from "../cards/agent-answer-card.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { FLOW_LABELS, type FlowId, type FlowOptions } from "./flows.js";
import { causesNamed, flowOf, readingOf, toldRejection } from "./reading.js";
import { describesNumbers, tellsOfAnOrder, type Intent, type Reading } from "../../src/reading/read.js";
import { looksLikeQuestion } from "../../src/reading/question-shape.js";
import { linkedPages } from "../../src/knowledge/linked-entries.js";
import { quotedEntry } from "../../src/knowledge/quoted-entry.js";
import { dateInZone, PORTING_TIME_ZONE } from "../../src/calendar/dates.js";
import { followUpWords, readFollowUp, type FollowUpWords } from "../../src/estimate/follow-up.js";
import { twoRequests, type TwoRequests } from "../../src/reading/requests.js";
import { redact } from "../../src/privacy/redact.js";
import { EstimateInput } from "../../src/estimate/input.js";
import { pickAnswer } from "../../src/diagnosis/choices.js";
import { diagnosisKnowledge } from "../../src/diagnosis/knowledge.js";
import type { Alternative, Language } from "../../src/answer/result.js";
import { asksForCannedAnswer, languageAsked } from "../../src/language/asked.js";
import { ESTIMATE_DIALOG } from "./estimate-dialog.js";
import { provideServices } from "./interruptions.js";
import { StepDialog } from "./step-dialog.js";

export const MAIN_DIALOG = "main";

const FOLLOW_UP_WORDS = new WeakMap<object, FollowUpWords>();

const NOTED = "Noted. Ask me anything else about porting, or pick one of these:";
/** The most causes an agent's pasted rejection gets canned answers for. */
const AGENT_CAUSES = 2;
/** A button's label at most this long: a longer request is cut at a word. */
const LABEL_LENGTH = 60;
/** A bare fact ("TX", "3", "next tuesday") that answers no question open: most often a reply to a flow that timed out. */
const STRAY =
  "That looks like the answer to a question, but I'm not asking you anything right now (a conversation left for a while starts afresh). Pick what you'd like to do, or ask your question in a sentence:";

/** "cancel", "never mind" or "no thanks" with no flow under way: a decline as much as a command, so nothing is refused. */
const NOTHING_UNDER_WAY = "Okay. Anything else I can help with?";
const NOTHING_BACK = "There's no question of mine to go back to right now. Pick what you'd like to do, or ask your question:";

const QUOTED = (title: string) =>
  `That's from the answer "${title}", here again. If part of it is unclear, ask about that part in your own words, or type "talk to a person".`;

/** Intents that are commands, whatever else is going on; a bare greeting opens the menu again. */
const COMMANDS: Partial<Record<Intent, Command>> = {
  person: "handoff",
  cancel: "cancel",
  menu: "menu",
  greeting: "menu",
  help: "help",
  "start-over": "start-over",
  back: "back",
  ask: "ask",
};

/**
 * Routes every message: global commands first, then a running flow (sub-dialog), then a click or a typed choice,
 * then the flows' trigger phrases, then the answer engine. It never ends; flows run as its children.
 * How flows and the main dialog share a conversation is described in ./interruptions.ts.
 */
export class MainDialog extends ComponentDialog {
  private readonly flows = new Set<string>();

  constructor(
    private readonly services: BotServices,
    flows: Dialog[] = [],
  ) {
    super(MAIN_DIALOG);
    for (const flow of flows) {
      this.addDialog(flow);
      this.flows.add(flow.id);
    }
  }

  /** Runs one turn against the conversation's dialog stack. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const set = new DialogSet(dialogState);
    set.add(this);
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** The greeting for a new conversation. */
  welcome(context: TurnContext): Promise<void> {
    return this.services.send(context, welcomeCard(this.services.kb, this.flows));
  }

  protected override onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return this.turn(inner);
  }

  protected override onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return this.turn(inner);
  }

  private async turn(inner: DialogContext): Promise<DialogTurnResult> {
    provideServices(inner, this.services, this.flows);
    const input = readInput(inner.context);
    const inFlow = inner.activeDialog !== undefined;
    // Outside a flow, "2" or a title typed back picks from the last reply's choices, whichever dialog sent it;
    // inside one, typed answers belong to the flow. Web chat clicks arrive here as their label too (see
    // channels/adaptive-card.ts), so a click on an older card, whose choices are no longer the last reply's, reads
    // as typed text: a flow's or a command's label still starts it, an entry's title is asked as a question, and a
    // bare "Yes", "No" or "That's it" (an old "Did this help?" or a finished flow) is only acknowledged: it is not a
    // question, and its answer's identity is gone, so it is neither answered nor logged.
    // After an answer, a short "nope" or "not really" is its "Did this help?", as the "No" typed back is.
    const shown = inFlow ? [] : await this.services.shown.get(inner.context);
    const typed = inFlow ? undefined : (pickedFrom(input.text, shown, inner.context.activity.channelId) ?? typedFeedback(input.text, shown, readingOf(inner.context, this.services, input.text).intent));
    const picked = input.action ?? typed?.action;
    const reading = readingOf(inner.context, this.services, picked?.action === "say" ? picked.text : input.text);
    const command = picked?.action === "command" ? picked.command : COMMANDS[reading.intent];
    if (command) {
      await this.command(inner, command);
    } else if (picked && picked.action !== "say" && picked.action !== "command") {
      await this.act(inner, picked);
    } else if (!input.action && (await this.followLink(inner, input.text))) {
      // A link to a wiki page the knowledge holds: that page's answer, or the question asked beside it.
    } else if (!inFlow && !input.action && reading.intent !== "diagnosis" && (await this.showQuoted(inner, input.text))) {
      // The customer's copy of an answer the bot gave: that answer, with how to ask about it.
    } else if (inFlow) {
      await this.flowTurn(inner, await inner.continueDialog());
    } else if (!picked && (reading.intent === "acknowledgement" || reading.intent === "thanks")) {
      // "ok", "sure" or "yes please" to "Shall I take that now?" takes it, as its button would; "no" leaves it.
      const answer = pickAnswer(input.text);
      const takes = answer === "yes" || (answer !== "no" && reading.intent === "acknowledgement");
      const offered = takes ? offeredRequest(await this.services.shown.get(inner.context)) : undefined;
      if (offered) await this.route(inner, offered);
      else await this.show(inner, menuCard(this.flows, NOTED));
    } else {
      await this.route(inner, picked?.action === "say" ? picked.text : input.text);
    }
    return Dialog.EndOfTurn;
  }

  /** Sends a main-level reply (the sender remembers its choices). */
  private show(inner: DialogContext, reply: Reply): Promise<void> {
    return this.services.send(inner.context, reply);
  }

  private async command(inner: DialogContext, command: Command): Promise<void> {
    const flow = inner.activeDialog?.id;
    switch (command) {
      case "help":
        await this.show(inner, helpCard(this.flows));
        break;
      case "handoff":
        await this.show(inner, handoffCard(this.services.kb));
        break;
      case "ask":
        await this.show(inner, askCard(this.services.kb));
        break;
      case "menu":
        await this.stopAll(inner);
        await this.show(inner, menuCard(this.flows));
        return;
      case "start-over":
        await this.stopAll(inner);
        await this.show(inner, welcomeCard(this.services.kb, this.flows));
        return;
      case "back": {
        const dialog = flow ? inner.findDialog(flow) : undefined;
        if (dialog instanceof StepDialog) await dialog.goBack(inner);
        else await this.show(inner, menuCard(this.flows, NOTHING_BACK));
        return;
      }
      case "cancel":
        await this.stopAll(inner);
        await this.show(inner, menuCard(this.flows, flow ? `Okay, I stopped "${this.flowLabel(flow)}". What next?` : NOTHING_UNDER_WAY));
        return;
    }
    if (inner.activeDialog) await inner.repromptDialog();
  }

  /** Ends every flow under way and forgets the last estimate and a request kept for later: nothing said next continues them. */
  private async stopAll(inner: DialogContext): Promise<void> {
    await inner.cancelAllDialogs();
    await this.services.lastEstimate.forget(inner.context);
    await this.services.nextRequest.forget(inner.context);
  }

  /**
   * After a flow's turn: an estimate given is remembered for the fragments that may change it; any other flow under
   * way makes it stale.
   */
  private async flowTurn(inner: DialogContext, result: DialogTurnResult): Promise<void> {
    const input = result.status === DialogTurnStatus.complete ? estimated(result.result) : undefined;
    if (input) await this.services.lastEstimate.remember(inner.context, input);
    else if (inner.activeDialog && inner.activeDialog.id !== ESTIMATE_DIALOG) await this.services.lastEstimate.forget(inner.context);
    if (result.status === DialogTurnStatus.complete) await this.offerNext(inner);
  }

  /**
   * A message that made two requests: the first is handled now and the second kept; a flow's customer is told the
   * second comes next, and it is offered, as a button, once the first is done.
   */
  private async routeTwo(inner: DialogContext, { first, second }: TwoRequests): Promise<void> {
    await this.services.nextRequest.remember(inner.context, second.text);
    const flow = flowOf(first.reading);
    if (flow && this.flows.has(flow)) {
      await this.show(inner, { blocks: [{ kind: "markdown", text: `You asked two things. First "${this.flowLabel(flow)}"; then I'll come back to "${redact(second.text)}".` }] });
    }
    await this.route(inner, first.text, false);
    if (!inner.activeDialog) await this.offerNext(inner);
  }

  /** The request kept from a message that made two, offered as a button that sends it. */
  private async offerNext(inner: DialogContext): Promise<void> {
    const next = await this.services.nextRequest.take(inner.context);
    if (!next) return;
    const shown = redact(next);
    await this.show(inner, {
      blocks: [{ kind: "markdown", text: `You also asked: "${shown}". Shall I take that now?` }],
      groups: [{ choices: [{ label: shortLabel(shown), action: { action: "say", text: shown } }] }],
      data: { nextRequest: shown },
    });
  }

  /**
   * What a fragment about an order states ("TX", "two", "cell", "and if expedited?"), when it follows an estimate
   * (it changes that order) or an answer that offered one (it starts the estimate with it).
   */
  private async estimateFollowUp(inner: DialogContext, text: string, reading: Reading): Promise<FlowOptions["followUp"]> {
    if (!this.flows.has(ESTIMATE_DIALOG) || reading.intent !== "question") return undefined;
    const previous = await this.services.lastEstimate.get(inner.context);
    if (!previous && !offersEstimate(await this.services.shown.get(inner.context))) return undefined;
    const today = dateInZone(this.services.now(), PORTING_TIME_ZONE);
    const vocabulary = this.followUpWords();
    const change = vocabulary && readFollowUp(text, reading.facts, (fragment) => this.services.reader.read(fragment, { today }).facts, vocabulary);
    // Asking for the total again needs an estimate to repeat.
    if (!change || (change.again && !previous)) return undefined;
    return { ...(previous ? { previous } : {}), change };
  }

  /**
   * Whether a message no article answers is only a fact about an order, as typed in reply to a follow-up question.
   * A question ("what counts as local?", "does it matter if it's a cell?") is none, whatever fact it names: it is asked,
   * not an answer to something asked.
   */
  private orderFragment(text: string, reading: Reading): boolean {
    if (looksLikeQuestion(text)) return false;
    const today = dateInZone(this.services.now(), PORTING_TIME_ZONE);
    const vocabulary = this.followUpWords();
    return vocabulary !== undefined && readFollowUp(text, reading.facts, (fragment) => this.services.reader.read(fragment, { today }).facts, vocabulary) !== undefined;
  }

  /** The knowledge's words of a fragment that changes an estimate, folded once per knowledge version. */
  private followUpWords(): FollowUpWords | undefined {
    const intents = this.services.kb.reading?.intents;
    if (!intents) return undefined;
    let words = FOLLOW_UP_WORDS.get(intents);
    if (!words) FOLLOW_UP_WORDS.set(intents, (words = followUpWords(intents)));
    return words;
  }

  private flowLabel(id: string): string {
    return FLOW_LABELS[id as FlowId] ?? id;
  }

  /** A click on a main-level button (or its number typed back). */
  private async act(inner: DialogContext, action: Exclude<Action, { action: "say" | "command" }>): Promise<void> {
    switch (action.action) {
      case "start":
        if (this.flows.has(action.flow)) {
          await inner.cancelAllDialogs();
          await this.flowTurn(inner, await inner.beginDialog(action.flow, {} satisfies FlowOptions));
          return;
        }
        await this.route(inner, FLOW_LABELS[action.flow as FlowId] ?? action.flow);
        return;
      case "open": {
        const entry = this.services.kb.byId.get(action.id);
        if (!canSee(this.services, inner.context, entry)) {
          await this.show(inner, fallbackCard(this.services.kb, this.flows));
          return;
        }
        const translation = action.language ? translationUrl(this.services.kb.articles, entry, action.language) : undefined;
        await this.show(
          inner,
          entryReply(this.services, this.flows, inner.context, entry, {
            ...(action.question ? { question: action.question } : {}),
            ...(action.score === undefined ? {} : { score: action.score }),
            ...(action.language ? { language: action.language } : {}),
            ...(translation ? { translation } : {}),
          }),
        );
        if (isAgentTurn(this.services, inner.context)) await this.services.cannedShown.remember(inner.context, [entry.id]);
        break;
      }
      case "feedback":
        await this.services.recordFeedback(
          feedbackRecord(
            { channel: inner.context.activity.channelId, question: action.question, entry: action.entry, score: action.score ?? null, status: action.helpful ? "helpful" : "unhelpful" },
            this.services.now(),
          ),
        );
        if (action.helpful) {
          await this.show(inner, { blocks: [{ kind: "markdown", text: "Glad it helped! Ask me anything else about porting." }] });
        } else {
          await this.show(inner, unhelpfulCard(this.otherAnswers(inner, action.question, action.entry), action.question));
        }
        break;
    }
    if (inner.activeDialog) await inner.repromptDialog();
  }

  /** The engine's closest answers to a question other than the entry that did not help, those the customer may see. */
  private otherAnswers(inner: DialogContext, question: string, unhelpful: string): Alternative[] {
    const result = this.services.engine.ask(question, { audience: isAgentTurn(this.services, inner.context) ? "agent" : "customer" });
    const first = result.answer ? [{ ...result.answer, score: result.confidence }] : [];
    const seen = new Set([unhelpful]);
    return [...first, ...result.alternatives].filter((a) => !seen.has(a.id) && seen.add(a.id) && canSee(this.services, inner.context, this.services.kb.byId.get(a.id)));
  }

  /**
   * A message holding a link to the wiki: the question typed beside it is asked (outside a flow); else the linked
   * section's entry is shown (a flow under way then resumes), or for a whole article, what to ask about it. False when
   * the message links to no page the knowledge holds, or to an article only in the middle of a flow.
   */
  private async followLink(inner: DialogContext, text: string): Promise<boolean> {
    const linked = linkedPages(this.services.kb, text);
    if (!linked) return false;
    const inFlow = inner.activeDialog !== undefined;
    if (!inFlow && (looksLikeQuestion(linked.rest) || linked.rest.split(" ").length > 2)) {
      await this.route(inner, linked.rest);
      return true;
    }
    const entry = linked.entries.find((e) => canSee(this.services, inner.context, e));
    if (entry) {
      const card = entryReply(this.services, this.flows, inner.context, entry);
      await this.show(inner, { ...card, data: { status: "answered", answer: { id: entry.id }, linked: true } });
      if (inFlow) await inner.repromptDialog();
      return true;
    }
    if (inFlow) return false;
    const titles = linked.articles.map((a) => `"${a.title}"`).join(" and ");
    await this.show(inner, { ...menuCard(this.flows, `That link is the wiki's ${titles} article. What would you like to know from it? Ask in a sentence, or pick one of these:`), data: { status: "fallback", answer: null, linked: true } });
    return true;
  }

  /**
   * A message that copies an answer's text back (pasted to ask about it, or by mistake): read as a request, it would
   * start whatever its facts suggest ("2 weeks for Fax numbers" an estimate). It gets that answer again instead, with
   * how to ask about it. False when the message quotes no entry. (A rejection notice the wiki happens to quote is
   * not asked here: it goes to the diagnosis.)
   */
  private async showQuoted(inner: DialogContext, text: string): Promise<boolean> {
    const entry = quotedEntry(this.services.kb, text);
    if (!canSee(this.services, inner.context, entry)) return false;
    await this.show(inner, { blocks: [{ kind: "markdown", text: QUOTED(entry.title) }] });
    const card = entryReply(this.services, this.flows, inner.context, entry);
    await this.show(inner, { ...card, data: { status: "answered", answer: { id: entry.id }, quoted: true } });
    return true;
  }

  /**
   * A rejection in an agents' conversation (a notice, or a customer's e-mail quoting one): the canned answer of each
   * cause it names most clearly, in the language asked when the wiki has it ("the canned answer in French"), with the
   * diagnosis offered to go step by step instead. A request for a canned answer naming no cause gets the causes to
   * pick from, not the customer's diagnosis.
   */
  private async agentRejection(inner: DialogContext, text: string): Promise<boolean> {
    if (!isAgentTurn(this.services, inner.context) || !this.flows.has("diagnose")) return false;
    const reading = readingOf(inner.context, this.services, text);
    if (reading.intent !== "diagnosis" && !reading.notice) return false;
    const language = languageAsked(text) ?? (reading.language === "en" ? undefined : reading.language);
    const entries = causesNamed(this.services, text)
      .map((cause) => this.services.kb.byId.get(cause.id))
      .filter((entry): entry is Entry => canSee(this.services, inner.context, entry))
      .slice(0, AGENT_CAUSES);
    if (entries.length === 0) return asksForCannedAnswer(text) && (await this.agentCausesToPick(inner, text, language));
    const named = entries.map((e) => `"${e.title}"`).join(" or ");
    await this.show(inner, { blocks: [{ kind: "markdown", text: `The message names this rejection: ${named}. Canned answer${entries.length > 1 ? "s" : ""} to paste:` }] });
    await this.showCanned(inner, entries, redact(text), language);
    await this.show(inner, {
      blocks: [{ kind: "markdown", text: "To find the cause with the customer step by step instead:" }],
      groups: [{ choices: [{ label: FLOW_LABELS.diagnose, action: { action: "start", flow: "diagnose" } }] }],
    });
    return true;
  }

  /** Canned answers to paste, each with the article in `language` when the wiki has it; remembered for "in French?" next. */
  private async showCanned(inner: DialogContext, entries: Entry[], question: string, language: Language | undefined): Promise<void> {
    for (const entry of entries) {
      const translation = language ? translationUrl(this.services.kb.articles, entry, language) : undefined;
      const card = agentAnswerCard(entry, this.services.kb, question, undefined, { ...(language ? { language } : {}), ...(translation ? { translation } : {}) });
      await this.show(inner, { ...card, data: { status: "answered", answer: { id: entry.id }, causes: entries.map((e) => e.id), ...(translation ? { translation } : {}) } });
    }
    await this.services.cannedShown.remember(inner.context, entries.map((e) => e.id));
  }

  /**
   * "The canned answer for a rejection" naming no cause the notice reader knows: the cause the engine answers with, or
   * every rejection cause, a button each, opening its canned answer.
   */
  private async agentCausesToPick(inner: DialogContext, text: string, language: Language | undefined): Promise<boolean> {
    const causes = diagnosisKnowledge(this.services.kb, dateInZone(this.services.now(), PORTING_TIME_ZONE)).causes;
    if (!causes.length) return false;
    const result = await ask(this.services, text, inner.context);
    const answered = result.status === "answered" ? causes.find((c) => c.id === result.answer?.id) : undefined;
    const entry = answered && this.services.kb.byId.get(answered.id);
    if (entry) {
      await this.showCanned(inner, [entry], result.masked, language);
      return true;
    }
    await this.show(inner, {
      blocks: [{ kind: "markdown", text: "Which rejection is it? Pick one for its canned answer to paste, or paste the carrier's notice:" }],
      groups: [
        { choices: causes.map((c) => ({ label: c.title, action: { action: "open", id: c.id, ...(language ? { language } : {}) } })) },
        { prompt: "To find the cause with the customer step by step instead:", choices: [{ label: FLOW_LABELS.diagnose, action: { action: "start", flow: "diagnose" } }] },
      ],
      data: { status: "clarify", alternatives: causes.map((c) => c.id) },
    });
    return true;
  }

  /** "In French please" after canned answers in an agents' conversation: the same answers, with the article in French. */
  private async agentTranslation(inner: DialogContext, text: string): Promise<boolean> {
    const language = languageAsked(text);
    if (!language || !isAgentTurn(this.services, inner.context)) return false;
    const reading = readingOf(inner.context, this.services, text);
    if (reading.intent === "diagnosis" || reading.notice) return false;
    const entries = ((await this.services.cannedShown.get(inner.context)) ?? [])
      .map((id) => this.services.kb.byId.get(id))
      .filter((entry): entry is Entry => canSee(this.services, inner.context, entry));
    if (!entries.length) return false;
    await this.showCanned(inner, entries, redact(text), language);
    return true;
  }

  /**
   * A typed message outside any flow: a flow's trigger phrase, else a question for the engine. `whole`: the message
   * as typed, which may make two requests; a part of one is routed alone.
   */
  private async route(inner: DialogContext, text: string, whole = true): Promise<void> {
    if (!text) {
      await this.show(inner, askCard(this.services.kb));
      return;
    }
    if (whole && ((await this.agentRejection(inner, text)) || (await this.agentTranslation(inner, text)))) return;
    const two = whole ? twoRequests(this.services.reader, text, { today: dateInZone(this.services.now(), PORTING_TIME_ZONE) }) : undefined;
    if (two) {
      await this.routeTwo(inner, two);
      return;
    }
    const reading = readingOf(inner.context, this.services, text);
    const flow = flowOf(reading);
    if (flow && this.flows.has(flow)) {
      await this.flowTurn(inner, await inner.beginDialog(flow, { text } satisfies FlowOptions));
      return;
    }
    const followUp = flow ? undefined : await this.estimateFollowUp(inner, text, reading);
    if (followUp) {
      await this.flowTurn(inner, await inner.beginDialog(ESTIMATE_DIALOG, { text, followUp } satisfies FlowOptions));
      return;
    }
    const result = await ask(this.services, text, inner.context);
    // "our prepaid plan ran out weeks ago": no question the articles answer outright, but a rejection the diagnosis knows.
    if (this.flows.has("diagnose") && toldRejection(this.services, text, result)) {
      await this.flowTurn(inner, await inner.beginDialog("diagnose", { text } satisfies FlowOptions));
      return;
    }
    switch (result.status) {
      case "answered":
        await this.show(inner, answerReply(this.services, this.flows, result, inner.context));
        if (isAgentTurn(this.services, inner.context)) await this.services.cannedShown.remember(inner.context, [result.answer!.id]);
        return;
      case "clarify":
        await this.show(inner, { ...clarifyCard(result.alternatives, result.masked, result.language), data: { status: "clarify", alternatives: result.alternatives.map((a) => a.id) } });
        return;
      case "fallback":
        if (this.flows.has(ESTIMATE_DIALOG) && tellsOfAnOrder(reading, text)) {
          await this.flowTurn(inner, await inner.beginDialog(ESTIMATE_DIALOG, { text } satisfies FlowOptions));
          return;
        }
        // "The number is a US number, it's in Texas": a fact told with nothing asked, like a fragment of an order.
        if (this.orderFragment(text, reading) || describesNumbers(reading, text)) {
          await this.show(inner, { ...menuCard(this.flows, STRAY), data: { status: "fallback", answer: null, fragment: true } });
          return;
        }
        await recordFallback(this.services, inner.context, result);
        await this.show(inner, { ...fallbackCard(this.services.kb, this.flows), data: { status: "fallback", answer: null } });
        return;
    }
  }
}

/** Whether a flow's last result is an estimate; its order is then what a follow-up fragment changes. */
function estimated(result: unknown): EstimateInput | undefined {
  if (typeof result !== "object" || result === null || !("input" in result)) return undefined;
  const input = EstimateInput.safeParse(result.input);
  return input.success ? input.data : undefined;
}

/**
 * The last reply's choice a typed reply names, exactly or misspelt. Cards show their buttons unnumbered, so there a
 * number typed after an answer ("4", the count the customer was about to give) is taken as none of the answer's
 * buttons: not the related entry, nor the "Yes" or "No" of "Did this help?", that happens to stand fourth.
 */
function pickedFrom(text: string, shown: Choice[], channelId: string | undefined): Choice | undefined {
  const choice = resolveChoice(text, shown) ?? misspeltChoice(text, shown);
  if (choice && channelStyle(channelId) === "card" && /^\W*\d/.test(text) && shown.some((c) => c.action.action === "feedback")) return undefined;
  return choice;
}

/** The most words of a yes or no typed as an answer's feedback ("no, not really"). */
const SHORT_REPLY = 5;

/**
 * The "Did this help?" button a short yes or no typed after an answer stands for ("nope", "not really", "yes it did");
 * not a thanks ("no thanks"), nor a question.
 */
function typedFeedback(text: string, shown: Choice[], intent: Intent): Choice | undefined {
  // A digit picks by place in the flows' lists, never here: "1" after an answer is no "Yes".
  if (intent === "thanks" || /[?\d]/.test(text) || text.trim().split(/\s+/).length > SHORT_REPLY) return undefined;
  const answer = pickAnswer(text);
  if (answer !== "yes" && answer !== "no") return undefined;
  return shown.find((c) => c.action.action === "feedback" && c.action.helpful === (answer === "yes"));
}

/**
 * The request kept from a message that made two, when the last reply offered it ("Shall I take that now?", its one
 * button): a "yes" takes it, as the button would.
 */
function offeredRequest(shown: Choice[]): string | undefined {
  const [only, ...others] = shown;
  return only && others.length === 0 && only.action.action === "say" ? only.action.text : undefined;
}

/** A request as a button's label: whole when short, else cut at a word. */
function shortLabel(text: string): string {
  if (text.length <= LABEL_LENGTH) return text;
  const cut = text.slice(0, LABEL_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 20)).trimEnd()}…`;
}

/** Whether the last reply was an answer about fees or durations that offered the estimate (not the menu's button). */
function offersEstimate(shown: Choice[]): boolean {
  return shown.some((c) => c.action.action === "feedback") && shown.some((c) => c.action.action === "start" && c.action.flow === ESTIMATE_DIALOG);
}
