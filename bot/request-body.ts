import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; text: string } | { ok: false; status: 400 | 413 | 415; error: string };

/**
 * The request's body as text, read only as far as `maxBytes`. Only the identity encoding is accepted: a gzip or
 * deflate body is refused (415) before a byte is read, so nothing is ever inflated.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "") {
    return { ok: false, status: 415, error: "Content-Encoding must be identity: compressed bodies are not accepted" };
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, status: 413, error: `the body is larger than ${maxBytes} bytes` };
  return new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        finish({ ok: false, status: 413, error: `the body is larger than ${maxBytes} bytes` });
      } else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString("utf8") });
    const onError = () => finish({ ok: false, status: 400, error: "the body could not be read" });
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onError);
  });
}
