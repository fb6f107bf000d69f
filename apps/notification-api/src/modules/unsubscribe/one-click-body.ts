import type { RequestListener } from "node:http";

/** The one-click body is `List-Unsubscribe=One-Click`; anything much longer is not one. */
const MAX_BODY_BYTES = 4_096;

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
      if (bytes > MAX_BODY_BYTES) req.destroy();
    });
    req.once("end", () => {
      delete req.headers["content-type"];
      delete req.headers["content-length"];
      delete req.headers["transfer-encoding"];
      next(req, res);
    });
  };
}
