import type { Activity } from "botbuilder";
import { ConnectorClient, ConnectorFactory, MicrosoftAppCredentials } from "botframework-connector";

/** The serviceUrl of Direct Line activities: never dialled, the connector below answers it in process. */
export const IN_PROCESS_SERVICE_URL = "https://directline.in-process.invalid/";

/** Takes one activity the bot sends into a conversation; returns the id it is kept under. */
export type Deliver = (conversationId: string, activity: Partial<Activity>) => Promise<string>;

type ConnectorOptions = NonNullable<ConstructorParameters<typeof ConnectorClient>[1]>;
type HttpClient = NonNullable<ConnectorOptions["httpClient"]>;
type WebResource = Parameters<HttpClient["sendRequest"]>[0];
type CompatResponse = Awaited<ReturnType<HttpClient["sendRequest"]>>;

const SEND = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

function respond(request: WebResource, status: number, body: unknown): CompatResponse {
  const headers = { "content-type": "application/json" };
  return {
    request,
    status,
    bodyAsText: JSON.stringify(body),
    headers: {
      get: (name: string) => headers[name.toLowerCase() as keyof typeof headers],
      toJson: () => headers,
    },
  } as unknown as CompatResponse;
}

/**
 * The Bot Connector service of the Direct Line channel, in process: the adapter's ConnectorClient sends the bot's
 * replies (POST /v3/conversations/{id}/activities[/{replyToId}]) through this HTTP client, which hands them to
 * `deliver` instead of the network. Other Connector operations (update, delete, members) are not offered: 405.
 * No credentials are attached, so nothing is asked of an identity provider either.
 */
export class InProcessConnectorFactory extends ConnectorFactory {
  private readonly client: ConnectorClient;

  constructor(deliver: Deliver) {
    super();
    const httpClient = {
      sendRequest: async (request: WebResource): Promise<CompatResponse> => {
        const send = SEND.exec(new URL(request.url).pathname);
        if (request.method !== "POST" || !send) return respond(request, 405, { error: { code: "MethodNotAllowed", message: `${request.method} is not offered by the Direct Line channel` } });
        const activity = JSON.parse(String(request.body)) as Partial<Activity>;
        return respond(request, 200, { id: await deliver(decodeURIComponent(send[1]!), activity) });
      },
    } as unknown as HttpClient;
    this.client = new ConnectorClient(new MicrosoftAppCredentials("", ""), { baseUri: IN_PROCESS_SERVICE_URL, httpClient });
  }

  override create(): Promise<ConnectorClient> {
    return Promise.resolve(this.client);
  }
}
