import type { IncomingMessage, RequestListener } from "node:http";

/** The one-click body is `List-Unsubscribe=One-Click`; anything much longer is not one. */
export const MAX_BODY_BYTES = 4_096;

const oversized = new WeakSet<IncomingMessage>();

/** Whether this request came with a one-click body longer than MAX_BODY_BYTES (dropped here). */
export const hadOversizedBody = (req: IncomingMessage): boolean => oversized.has(req);

/**
 * RFC 8058 mail programs POST `/unsubscribe?token=…` with a form body (`application/x-www-form-urlencoded`
 * or `multipart/form-data`) that says only "One-Click"; the token in the URL is what counts. The
 * service's app accepts JSON bodies only (415 otherwise), so this listener, in front of it, reads and
 * drops such a body on exactly that route and hands the request on without one. Every other request
 * passes untouched.
 */
export function acceptOneClickBodies(next: RequestListener): RequestListener {
  return (req, res) => {
    const isOneClick =
      req.method === "POST" &&
      (req.url === "/unsubscribe" || req.url?.startsWith("/unsubscribe?")) &&
      /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(req.headers["content-type"] ?? "");
    if (!isOneClick) return next(req, res);
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.once("end", () => {
      // Read to the end (answering before would leave the client writing into a closed socket);
      // the route answers the 413, as the app answers every other body too large.
      if (bytes > MAX_BODY_BYTES) oversized.add(req);
      delete req.headers["content-type"];
      delete req.headers["content-length"];
      delete req.headers["transfer-encoding"];
      next(req, res);
    });
  };
}
