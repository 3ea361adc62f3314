import { createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKnowledge } from "./harness.js";
import { activity, healthy, post, start, type Running } from "./http.js";

const APP_ID = "00000000-0000-0000-0000-0000000000b0";
const CHANNEL_ISSUER = "https://api.botframework.com";
const EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
const KID = "channel-key-1";
const SERVICE_URL = "http://127.0.0.1:9/channel";

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, signWith: (data: string) => string): string {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${signWith(data)}`;
}
const rs256 = (key: KeyObject) => (data: string) => sign("sha256", Buffer.from(data), key).toString("base64url");
const hs256 = (secret: string) => (data: string) => createHmac("sha256", secret).update(data).digest("base64url");

/** The identity provider's OpenID metadata and signing keys, served on loopback as login.botframework.com does. */
async function identityProvider(publicKey: KeyObject): Promise<{ url: string; server: http.Server }> {
  const jwk = publicKey.export({ format: "jwk" });
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") res.end(JSON.stringify({ jwks_uri: `http://127.0.0.1:${port}/keys` }));
    else if (req.url === "/keys") res.end(JSON.stringify({ keys: [{ ...jwk, kid: KID, use: "sig", endorsements: ["webchat", "msteams"] }] }));
    else res.writeHead(404).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/.well-known/openid-configuration`, server };
}

describe("tokens, with an app id", () => {
  const real = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 });
  let provider: { url: string; server: http.Server };
  let app: Running;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, iat: now() - 10, nbf: now() - 10, exp: now() + 600, ...extra });
  const body = JSON.stringify(activity({ serviceUrl: SERVICE_URL, text: "How long does it take to port a number?" }));
  const withToken = (token: string) => post(app.url, body, { "content-type": "application/json", authorization: `Bearer ${token}` });

  beforeAll(async () => {
    provider = await identityProvider(real.publicKey);
    app = await start(await realKnowledge(), {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-secret",
      ToBotFromChannelOpenIdMetadataUrl: provider.url,
      ToBotFromEmulatorOpenIdMetadataUrl: provider.url,
    });
  });
  afterAll(async () => {
    await app.close();
    provider.server.close();
  });

  it("accepts a token signed by the identity provider's key for this bot", async () => {
    const res = await withToken(jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims(), rs256(real.privateKey)));
    expect(res.status).toBe(200);
    expect(res.replies()).toContain("How long does the port process take?");
  });

  const forged: Array<[string, () => string]> = [
    ["garbage", () => "garbage"],
    ["alg none", () => jwt({ alg: "none", kid: KID, typ: "JWT" }, claims(), () => "")],
    ["a junk signature", () => jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims(), () => "c2lnbmF0dXJl")],
    ["nbf in the future", () => jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims({ nbf: now() + 3600 }), rs256(real.privateKey))],
    ["an expired token", () => jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims({ exp: now() - 3600 }), rs256(real.privateKey))],
    ["another bot's audience", () => jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims({ aud: "someone-else" }), rs256(real.privateKey))],
    ["an attacker's key under the real kid", () => jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims(), rs256(attacker.privateKey))],
    [
      "HS256 signed with the public key",
      () => jwt({ alg: "HS256", kid: KID, typ: "JWT" }, claims(), hs256(real.publicKey.export({ format: "pem", type: "spki" }).toString())),
    ],
    ["an emulator-style issuer with an attacker's key", () => jwt({ alg: "RS256", kid: "attacker", typ: "JWT" }, claims({ iss: EMULATOR_ISSUER, ver: "1.0", appid: APP_ID }), rs256(attacker.privateKey))],
    ["a serviceUrl claim for another host", () => jwt({ alg: "RS256", kid: KID, typ: "JWT" }, claims({ serviceurl: "https://evil.example/" }), rs256(real.privateKey))],
  ];

  for (const [name, token] of forged) {
    it(`refuses ${name} with 401, one log line, no stack trace and no key`, async () => {
      const before = app.logs.length;
      const res = await withToken(token());
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({ error: expect.any(String) });
      expect(res.text.length).toBeLessThan(200);
      const lines = app.logs.slice(before);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/BEGIN|\n|\s+at |eyJ/);
      expect(await healthy(app.url)).toBe(true);
    });
  }

  it("does not read or inflate the body of a request whose token is refused", async () => {
    const res = await post(app.url, Buffer.from("notgzip"), { "content-type": "application/json", "content-encoding": "gzip", authorization: "Bearer garbage" });
    expect(res.status).toBe(401);
    expect(await healthy(app.url)).toBe(true);
  });
});

describe("tokens, when the identity provider cannot be reached", () => {
  let app: Running;
  beforeAll(async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    app = await start(await realKnowledge(), {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-secret",
      ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
    });
  });
  afterAll(() => app.close());

  it("answers 503 with Retry-After, without naming the provider, for any token with an allowed issuer", async () => {
    const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    for (const iss of [CHANNEL_ISSUER, EMULATOR_ISSUER]) {
      const token = jwt({ alg: "RS256", kid: KID, typ: "JWT" }, { iss, aud: APP_ID, ver: "1.0", appid: APP_ID, exp: Math.floor(Date.now() / 1000) + 600 }, rs256(key));
      const res = await post(app.url, JSON.stringify(activity({ text: "hello" })), { "content-type": "application/json", authorization: `Bearer ${token}` });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.text).not.toMatch(/127\.0\.0\.1|openid|http/);
    }
    expect(await healthy(app.url)).toBe(true);
  });
});
