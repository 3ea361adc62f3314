import { ActivityTypes, type Activity, type ActivityHandler, type CloudAdapter } from "botbuilder";
import { AuthenticationConstants, ClaimsIdentity, type AuthenticateRequestResult } from "botframework-connector";
import { IN_PROCESS_SERVICE_URL, InProcessConnectorFactory } from "./connector.js";
import type { PostedActivity } from "./activity.js";
import { typingEvent } from "./stream.js";
import type { Grant } from "./tokens.js";
import type { TranscriptStore } from "./transcript.js";
import { PLACEHOLDER, redact } from "../../src/privacy/redact.js";

export const CHANNEL_ID = "directline";

export interface BotAccount {
  id: string;
  name: string;
}

/**
 * The Direct Line channel's side of a conversation: what a client posts becomes an activity for the same adapter
 * and bot as every other channel; what the bot sends comes back through the in-process connector; both are kept
 * in the transcript, which the REST API and the streams read.
 */
export class DirectLineChannel {
  private readonly auth: AuthenticateRequestResult;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly bot: ActivityHandler,
    readonly transcripts: TranscriptStore,
    private readonly account: BotAccount,
  ) {
    const identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: account.id },
        { type: AuthenticationConstants.AppIdClaim, value: account.id },
      ],
      true,
    );
    const connectorFactory = new InProcessConnectorFactory((conversationId, activity) => this.fromBot(conversationId, activity));
    this.auth = { audience: account.id, claimsIdentity: identity, connectorFactory };
  }

  /** Starts the conversation and lets the bot greet the user; a conversation already started is left as it is. */
  async start(grant: Grant): Promise<boolean> {
    const started = await this.transcripts.start(grant.conversationId, grant.userId);
    if (started) {
      await this.turn({
        ...this.envelope(grant),
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: grant.userId, name: "" }, { id: this.account.id, name: this.account.name }],
      });
    }
    return started;
  }

  /**
   * Keeps the client's activity, shows the bot typing on the streams, runs the bot's turn on it (its replies are kept
   * as they are sent) and returns its id.
   */
  async post(grant: Grant, posted: PostedActivity): Promise<string> {
    const activity: Partial<Activity> = {
      ...posted,
      ...this.envelope(grant),
      from: { id: grant.userId, name: posted.from?.name ?? "", role: "user" },
    };
    const [kept] = await this.transcripts.append(grant.conversationId, [{ ...activity, ...maskedText(activity.text) }]);
    if (posted.type === ActivityTypes.Message) {
      this.transcripts.events.emit(typingEvent(grant.conversationId), { type: ActivityTypes.Typing, from: this.from });
    }
    // The bot reads what was typed (it masks identifiers itself before matching, logging or storing).
    await this.turn({ ...kept!, text: activity.text });
    return kept!.id!;
  }

  private get from() {
    return { id: this.account.id, name: this.account.name, role: "bot" };
  }

  private envelope(grant: Grant): Partial<Activity> {
    return {
      channelId: CHANNEL_ID,
      serviceUrl: IN_PROCESS_SERVICE_URL,
      conversation: { id: grant.conversationId, isGroup: false, conversationType: "personal", name: "" },
      from: { id: grant.userId, name: "", role: "user" },
      recipient: { id: this.account.id, name: this.account.name, role: "bot" },
      // Replies go to the transcript through the connector, never buffered into a response nobody reads.
      deliveryMode: "normal",
      timestamp: new Date(),
    };
  }

  private async turn(activity: Partial<Activity>): Promise<void> {
    await this.adapter.processActivityDirect(this.auth, activity as Activity, (context) => this.bot.run(context));
  }

  private async fromBot(conversationId: string, activity: Partial<Activity>): Promise<string> {
    const [kept] = await this.transcripts.append(conversationId, [{ ...activity, from: this.from, serviceUrl: undefined }]);
    return kept!.id!;
  }
}

/**
 * The customer's text as the transcript keeps it, in the bot's storage, and replays it after a reload or on another
 * instance: phone numbers, PINs, account numbers and e-mail addresses masked; any other text exactly as typed.
 */
function maskedText(text: string | undefined): { text?: string } {
  if (text === undefined) return {};
  const masked = redact(text);
  return { text: masked.match(PLACEHOLDER) ? masked : text };
}
