import type { TurnContext } from "botbuilder";
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from "botbuilder-dialogs";
import type { z } from "zod";
import type { Reading } from "../../src/reading/read.js";
import { choicesOf, type Reply } from "../channels/reply.js";
import { menuCard } from "../cards/welcome-card.js";
import { normalizeReply, pickAnswer } from "../../src/diagnosis/choices.js";
import { choiceText, misspeltChoice, readInput, resolveChoice } from "../input.js";
import type { BotServices } from "../services.js";
import type { FlowOptions } from "./flows.js";
import { answerAside, flowsOf } from "./interruptions.js";
import { flowOf, readingOf } from "./reading.js";

/** Times an unclear reply is asked again, with its buttons, before the flow offers a way out. */
export const MAX_REASKS = 2;

const STUCK = "Sorry, I still can't read that, so I stopped here. Pick one of these, ask a question, or talk to a person:";
const BACK_ONE = "Back one question. Your answer to it is cleared:";
const AT_FIRST = "This is the first question, there is none before it:";
/** "why?" or "what does that mean?" about the question just asked, in English, French or Spanish. */
const WHY_ASKED = /^(?:why|why (?:do|did) you (?:ask|need)(?: (?:that|this|it))?|why are you asking(?: (?:that|this))?|why does (?:it|that|this) matter|what for|what does (?:that|this|it) mean|what do you mean|pourquoi|por que|para que)$/;
/** A "yes" or "no" ("sí", "nope") at a step whose buttons are neither: the step again, saying why. */
const NOT_YES_OR_NO = "This question needs one of the answers below rather than a yes or a no. Please pick one:";
/** The most answers a flow can be taken back through. */
const MAX_BACK = 20;

/** What a step shows: a question, the flow then waits for the reply; or the last reply, ending the flow with `result`. */
export type Shown = { ask: Reply } | { last: Reply; result: unknown };

/**
 * A reply applied to the state: `understood` moves on, `intro` said before the next step; otherwise `missed` is said
 * before the step is asked again.
 */
export interface Answered<State> {
  state: State;
  understood: boolean;
  missed?: string;
  intro?: string;
}

/** What a flow keeps in its dialog instance between turns. */
interface Saved {
  state?: unknown;
  /** Unclear replies in a row. */
  misses?: number;
  /** The states before each answer given, oldest first: "go back" returns to the last. */
  history?: unknown[];
}

/**
 * A guided flow run one turn at a time over a pure step function from src/: each turn reads the state kept in dialog
 * state, applies the reply, and shows the next step. A reply that is no answer may be a porting question, answered
 * on the side before the step is asked again; a state that no longer reads (an older version) starts the flow again.
 * A flow supplies the step function, its prompts and its cards; `Knowledge` is what the step function reads, computed
 * once a turn (it depends on today's date).
 */
export abstract class StepDialog<State, Step, Knowledge> extends Dialog<FlowOptions> {
  /**
   * @param topic names the flow in "Back to your <topic>:" and "I lost track of your <topic>".
   * @param schema reads the saved state back.
   */
  constructor(
    id: string,
    protected readonly services: BotServices,
    private readonly topic: string,
    private readonly schema: z.ZodType<State>,
  ) {
    super(id);
  }

  protected abstract knowledge(): Knowledge;
  /** The first state, from the text that started the flow if any (and the flow's other options), and what to say before the first step. */
  protected abstract start(knowledge: Knowledge, opening: string | undefined, context: TurnContext, options?: FlowOptions): { state: State; intro?: string };
  protected abstract next(knowledge: Knowledge, state: State): Step;
  protected abstract answer(knowledge: Knowledge, state: State, text: string, reading: Reading): Answered<State>;
  /** The step as a reply; `intro` leads a question; `again` when the step was already shown (after an aside or an unclear reply). */
  protected abstract show(step: Step, intro: string | undefined, context: TurnContext, again: boolean): Shown;

  /** Why the step is asked, for a customer asking "why?"; undefined for a step that says no reason. */
  protected whyAsked(_step: Step): string | undefined {
    return undefined;
  }

  /** Whether a reply that is no answer is worth asking the engine about: a message read as a porting question. */
  protected mayBeQuestion(text: string, reading: Reading): boolean {
    return text !== "" && reading.intent === "question";
  }

  override async beginDialog(dc: DialogContext, options?: FlowOptions): Promise<DialogTurnResult> {
    const knowledge = this.knowledge();
    const { state, intro } = this.start(knowledge, options?.text, dc.context, options);
    return this.step(dc, knowledge, state, intro);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const knowledge = this.knowledge();
    const saved = this.schema.safeParse((dc.activeDialog!.state as Saved).state);
    if (!saved.success) {
      this.services.log.warn(`${this.topic} state unreadable, starting again: ${saved.error.issues.map((i) => i.path.join(".")).join(", ")}`);
      return this.step(dc, knowledge, this.start(knowledge, undefined, dc.context).state, `Sorry, I lost track of your ${this.topic}. Let's start again.`);
    }
    const instance = dc.activeDialog!.state as Saved;
    const current = this.show(this.next(knowledge, saved.data), undefined, dc.context, true);
    const choices = "ask" in current ? choicesOf(current.ask) : [];
    const typed = readInput(dc.context).text;
    const misspelt = misspeltChoice(typed, choices);
    const text = misspelt ? choiceText(misspelt) : typed;
    const reading = readingOf(dc.context, this.services, text);
    // "ok" or "hi" that is none of the step's choices answers nothing: the step is asked again as it was, and counts
    // as an unclear reply, so "ok" after "ok" cannot keep the customer in the flow. ("thanks, bye" is answered below.)
    const social = reading.intent === "acknowledgement" || reading.intent === "greeting";
    const answered = this.answer(knowledge, saved.data, text, reading);
    if (!answered.understood && WHY_ASKED.test(normalizeReply(text).replace(/\?/g, "").trim())) {
      const why = this.whyAsked(this.next(knowledge, saved.data));
      // The reason is said here, so the question below it goes without its own note of it.
      if (why) return this.step(dc, knowledge, saved.data, `I ask because: ${why} If a word in the question is unclear, ask me about it (for example "what is a BTN?").`, true, why);
    }
    // "thanks, bye" leaves the flow where it is, for when the customer comes back; it is no unclear reply.
    if (reading.intent === "thanks" && !answered.understood && !resolveChoice(text, choices)) {
      return this.step(dc, knowledge, saved.data, `You're welcome! Your ${this.topic} waits here: answer when you're ready, or type "cancel" to stop.`, true);
    }
    // ("not sure" answers "When will you submit?" though no button says it.)
    if (social && !answered.understood && !resolveChoice(text, choices)) return this.missed(dc, knowledge, saved.data, isYesOrNo(text) ? NOT_YES_OR_NO : this.back());
    if (answered.understood) {
      instance.misses = 0;
      instance.history = [...(instance.history ?? []), saved.data].slice(-MAX_BACK);
      return this.step(dc, knowledge, answered.state, answered.intro);
    }
    const flow = flowOf(reading);
    if (flow && flow !== this.id && dc.findDialog(flow)) return dc.replaceDialog(flow, { text } satisfies FlowOptions);
    if (this.mayBeQuestion(text, reading) && (await answerAside(dc, text))) return this.step(dc, knowledge, saved.data, this.back(), true);
    return this.missed(dc, knowledge, answered.state, answered.missed);
  }

  /** A reply that answers nothing, "ok" included: the step again, or after too many in a row the way out. */
  private async missed(dc: DialogContext, knowledge: Knowledge, state: State, intro: string | undefined): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!.state as Saved;
    instance.misses = (instance.misses ?? 0) + 1;
    // A flow that ends itself on too many misses (the diagnosis's hand-off summary) ends its own way.
    const shown = this.show(this.next(knowledge, state), intro, dc.context, true);
    if ("last" in shown) return this.step(dc, knowledge, state, intro, true);
    if (instance.misses > MAX_REASKS) {
      // The menu ends with the way to reach a person.
      await this.services.send(dc.context, menuCard(flowsOf(dc.context), STUCK));
      return dc.endDialog();
    }
    return this.step(dc, knowledge, state, intro, true);
  }

  /**
   * "go back": the question before the last answer, asked again from the state it was asked in (so that answer is
   * undone); at the first question, that question again.
   */
  async goBack(dc: DialogContext): Promise<DialogTurnResult> {
    const knowledge = this.knowledge();
    const instance = dc.activeDialog!.state as Saved;
    const history = instance.history ?? [];
    const previous = this.schema.safeParse(history.at(-1));
    instance.misses = 0;
    if (history.length > 0 && previous.success) {
      instance.history = history.slice(0, -1);
      return this.step(dc, knowledge, previous.data, BACK_ONE, true);
    }
    const current = this.schema.safeParse(instance.state);
    if (!current.success) return this.continueDialog(dc);
    return this.step(dc, knowledge, current.data, AT_FIRST, true);
  }

  /** After the main dialog answered a command or a click on the side: the current step again. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const saved = this.schema.safeParse((instance.state as Saved).state);
    if (!saved.success) return;
    const knowledge = this.knowledge();
    const shown = this.show(this.next(knowledge, saved.data), this.back(), context, true);
    if ("ask" in shown) await this.services.send(context, shown.ask);
  }

  private back(): string {
    return `Back to your ${this.topic}:`;
  }

  /** `said`: a note the intro already says (the reason a question is asked), left out of the step. */
  private async step(dc: DialogContext, knowledge: Knowledge, state: State, intro?: string, again = false, said?: string): Promise<DialogTurnResult> {
    const shown = this.show(this.next(knowledge, state), intro, dc.context, again);
    if ("last" in shown) {
      await this.services.send(dc.context, shown.last);
      return dc.endDialog(shown.result);
    }
    (dc.activeDialog!.state as Saved).state = state;
    const ask = said === undefined ? shown.ask : { ...shown.ask, blocks: shown.ask.blocks.filter((b) => !(b.kind === "note" && b.text === said)) };
    await this.services.send(dc.context, ask);
    return Dialog.EndOfTurn;
  }
}

/** Whether a reply is only a yes or a no, in any of the words the flows know ("sí", "nope", "oui"). */
function isYesOrNo(text: string): boolean {
  const answer = pickAnswer(text);
  return answer === "yes" || answer === "no";
}
