// The cache of anonymous pages, in the web server in front of Next.js (server.mjs).
//
// Every page is rendered per request, because its scripts carry that response's CSP nonce
// (src/proxy.ts), so Next.js cannot prerender or keep it. This cache keeps what a signed-out
// visitor gets from the public pages (browse, category and search results, an item page) and
// answers the next visitor from memory, with the nonce of the stored copy replaced by a fresh one
// in the body and in the Content-Security-Policy header: each response still has its own nonce,
// and React renders the page once per catalogue change instead of once per visit.
//
// Signed-in visitors get the same copy. A public page is rendered for nobody in particular (no
// cookies reach Next.js, and SHARED_RENDER_HEADER tells the root layout so); the parts that are a
// person's own (the header's account controls, the borrow form, an owner's buttons) are client
// components that ask /api/viewer who is there. The copy a signed-in visitor gets is marked for
// them (SESSION_MARK on <html>, which hides the signed-out controls until that answer is in) and
// goes out `private, no-store`, never with s-maxage.
//
// Freshness: the Inventory API publishes on Redis every write that changes what public reads
// return (the writes that empty its own public cache), and every web replica subscribed to it
// drops what it holds; a page is never kept longer than PAGE_CACHE_TTL_SECONDS either. Without
// Redis (the embedded default) or while the subscription is down, a page is kept one second.
import { randomBytes } from "node:crypto";
import { constants as zlibConstants, crc32, createGzip, deflateRawSync } from "node:zlib";

/** The channel the Inventory API announces catalogue changes on (CATALOGUE_CHANGED_CHANNEL in the SDK's contract). */
export const CATALOGUE_CHANGED_CHANNEL = "catalogue-changed";
/** The session cookie (SESSION_COOKIE in src/auth.ts), whole or in chunks (`.0`, `.1`, ...), whatever its value. */
const SESSION_COOKIE_NAME = /^sharehood\.session(\.\d+)?=/;
/** Says whether the cache answered ("hit"), rendered and kept the page ("miss") or was not used ("bypass"). */
export const CACHE_STATUS_HEADER = "x-page-cache";

/** What a CDN or the ingress may do with an anonymous page: keep it briefly, refresh it in the background. */
export const ANONYMOUS_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";
/** What goes with the shared page when it is served to someone signed in: no cache keeps it. */
export const SIGNED_IN_CACHE_CONTROL = "private, no-store";
/** Set on the requests this cache sends Next.js for a shared render (SHARED_RENDER_HEADER in src/server/request-path.ts). */
export const SHARED_RENDER_HEADER = "x-sharehood-shared-render";
/** The attribute on <html> that tells the page's scripts a session cookie came with the request. */
export const SESSION_MARK = "data-session";
const HTML_TAG = Buffer.from("<html");
const MARK_BYTES = Buffer.from(` ${SESSION_MARK}=""`);
/** How long a page is kept when no catalogue change can reach this process. */
const UNWATCHED_TTL_MS = 1_000;

// The public pages: the browse page (its category and search filters are query parameters), an
// item page and a person's public profile. Everything else (sign-in, a person's own pages, the
// admin, route handlers) is never kept.
const PUBLIC_PAGES = [/^\/$/, /^\/items\/(?!new$)[^/]+$/, /^\/people\/[^/]+$/];

// Next.js answers a client-side navigation or prefetch with an RSC payload that depends on these
// request headers (it lists them in Vary); they are part of the key.
const RSC_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-router-state-tree",
  "next-url",
];

// Response headers a stored page keeps; the others are per connection or per response.
const STORED_HEADERS = new Set([
  "content-type",
  "content-security-policy",
  "cache-control",
  "vary",
  "link",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "strict-transport-security",
  "x-nextjs-stale-time",
  "x-nextjs-postponed",
]);

const NONCE_IN_CSP = /'nonce-([^']+)'/;
const GZIP = /\bgzip\b/;
// Fast enough to run per response (a 70 kB page in well under a millisecond), most of the gain.
const GZIP_LEVEL = 4;
// A kept page is compressed once, part by part (the parts between its nonces), and each answer
// is put together from those parts with its own nonce between them as stored blocks: one valid
// gzip member, with no compression work per answer but a CRC.
const KEPT_GZIP_LEVEL = 6;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final deflate block: the end of the stream. */
const DEFLATE_END = Buffer.from([3, 0]);

/** A fresh nonce, the same shape as src/server/security-headers.ts makes. */
const newNonce = () => randomBytes(16).toString("base64");

/** @param {import("node:http").IncomingMessage} req */
export function isSignedIn(req) {
  const cookie = req.headers.cookie;
  return cookie !== undefined && cookie.split(";").some((pair) => SESSION_COOKIE_NAME.test(pair.trim()));
}

/**
 * The key a request's page is kept under, or undefined when it must be rendered for this request
 * alone: not a GET or HEAD, a server action, or not a public page. Whether someone is signed in
 * does not matter: everyone gets the same page.
 * @param {import("node:http").IncomingMessage} req
 */
export function pageKey(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  if (req.headers["next-action"]) return undefined;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (!PUBLIC_PAGES.some((page) => page.test(path))) return undefined;
  // The origin too: without AUTH_URL, canonical links are built on the request's own.
  const parts = [
    req.headers.host,
    req.headers["x-forwarded-host"],
    req.headers["x-forwarded-proto"],
    url,
  ].map((part) => String(part ?? ""));
  for (const name of RSC_HEADERS) parts.push(String(req.headers[name] ?? ""));
  return parts.join("\n");
}

/**
 * @typedef {object} StoredPage
 * @property {number} status
 * @property {Record<string, string | string[]>} headers
 * @property {string[]} parts the body split at the stored nonce
 * @property {Buffer[]} deflated each part compressed on its own (deflatePart)
 * @property {{ first: string, deflated: Buffer } | undefined} [marked] the first part with the session mark
 * @property {string} nonce
 * @property {number} bytes
 * @property {number} expiresAt
 * @property {number} generation
 */

/**
 * @param {{
 *   ttlSeconds: number,
 *   maxBytes: number,
 *   watch?: (callbacks: { changed: () => void, watching: (live: boolean) => void }) => (() => Promise<void>),
 * }} options
 */
export function createPageCache(options) {
  const enabled = options.ttlSeconds > 0 && options.maxBytes > 0;
  /** @type {Map<string, StoredPage>} in least recently used order */
  const pages = new Map();
  /** @type {Map<string, Promise<StoredPage | undefined>>} renders in flight, shared by those who wait */
  const rendering = new Map();
  let bytes = 0;
  // Bumped by every catalogue change: a render that started before one is not kept.
  let generation = 0;
  let live = false;

  function clear() {
    generation += 1;
    pages.clear();
    bytes = 0;
  }
  const unwatch = options.watch?.({
    changed: clear,
    watching(isLive) {
      // Whatever was announced while the subscription was down is unknown: start afresh.
      if (isLive !== live) clear();
      live = isLive;
    },
  });

  const ttlMs = () =>
    live ? options.ttlSeconds * 1000 : Math.min(UNWATCHED_TTL_MS, options.ttlSeconds * 1000);

  /** @param {string} key */
  function lookup(key) {
    const page = pages.get(key);
    if (!page) return undefined;
    if (page.expiresAt <= Date.now() || page.generation !== generation) {
      forget(key, page);
      return undefined;
    }
    // Most recently used last.
    pages.delete(key);
    pages.set(key, page);
    return page;
  }

  /** @param {string} key @param {StoredPage} page */
  function forget(key, page) {
    pages.delete(key);
    bytes -= page.bytes;
  }

  /** @param {string} key @param {StoredPage} page */
  function keep(key, page) {
    if (page.generation !== generation || page.bytes > options.maxBytes / 8) return;
    const old = pages.get(key);
    if (old) forget(key, old);
    pages.set(key, page);
    bytes += page.bytes;
    for (const [oldestKey, oldest] of pages) {
      if (bytes <= options.maxBytes) break;
      forget(oldestKey, oldest);
    }
  }

  /**
   * Answers from a stored page with a nonce of its own.
   * @param {StoredPage} page
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {boolean} signedIn
   */
  function serve(page, req, res, signedIn) {
    const nonce = newNonce();
    const marked = signedIn && isHtml(page.headers["content-type"]) ? markedFirstPart(page) : undefined;
    const parts = marked ? [marked.first, ...page.parts.slice(1)] : page.parts;
    let body = Buffer.from(parts.join(nonce));
    const headers = { ...page.headers };
    const csp = headers["content-security-policy"];
    if (typeof csp === "string") headers["content-security-policy"] = csp.split(page.nonce).join(nonce);
    if (GZIP.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024) {
      const deflated = marked ? [marked.deflated, ...page.deflated.slice(1)] : page.deflated;
      body = gzipFromParts(deflated, Buffer.from(nonce), body);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = String(body.length);
    headers.vary = varyOn(headers.vary);
    headers["cache-control"] = signedIn ? SIGNED_IN_CACHE_CONTROL : ANONYMOUS_CACHE_CONTROL;
    // Set apart, so that it can be read back (getHeader) by the request's span (request-span.mjs).
    res.setHeader(CACHE_STATUS_HEADER, "hit");
    res.writeHead(page.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /**
   * Lets Next.js render the shared page to this response and answers a copy of what it sent,
   * unmarked, when the copy may be kept: a complete 200 HTML or RSC answer without cookies.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
   * @param {boolean} signedIn
   * @returns {Promise<StoredPage | undefined>}
   */
  async function renderShared(req, res, render, signedIn) {
    const startedIn = generation;
    // The copy is kept uncompressed, so Next.js is asked for identity bytes; a client that
    // accepts gzip gets this answer compressed here as it streams (flushed after every write, so
    // Suspense boundaries still arrive as they render).
    const acceptsGzip = GZIP.test(String(req.headers["accept-encoding"] ?? ""));
    delete req.headers["accept-encoding"];
    /** @type {Buffer[]} */
    const chunks = [];
    let cacheable = true;
    /** @type {import("node:zlib").Gzip | undefined} */
    let compressor;
    // A signed-in visitor's copy gets the session mark on its <html>; the kept copy never does.
    let toMark = signedIn;
    const { write, end, writeHead } = res;
    const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (typeof chunk === "string")
        chunks.push(
          Buffer.from(
            chunk,
            typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
          ),
        );
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      else cacheable = false;
    };
    /** The chunk as this visitor gets it. @param {any} chunk @param {unknown} encoding */
    const outgoing = (chunk, encoding) => {
      if (!toMark || chunk === undefined || chunk === null || typeof chunk === "function") return chunk;
      const bytes =
        typeof chunk === "string"
          ? Buffer.from(
              chunk,
              typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
            )
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : undefined;
      if (!bytes || bytes.indexOf(HTML_TAG) === -1) return chunk;
      toMark = false;
      return markSession(bytes);
    };
    /** @type {typeof res.writeHead} */
    const patchedWriteHead = function (/** @type {any[]} */ ...args) {
      toMark = toMark && isHtml(res.getHeader("content-type"));
      // The mark adds bytes: a length Next.js set would be short.
      if (toMark) res.removeHeader("content-length");
      if (
        res.statusCode === 200 &&
        !res.hasHeader("set-cookie") &&
        isPageType(res.getHeader("content-type"))
      ) {
        res.setHeader("cache-control", signedIn ? SIGNED_IN_CACHE_CONTROL : ANONYMOUS_CACHE_CONTROL);
        res.setHeader(CACHE_STATUS_HEADER, "miss");
        res.setHeader("vary", varyOn(res.getHeader("vary")));
        if (acceptsGzip && !res.hasHeader("content-encoding")) {
          res.removeHeader("content-length");
          res.setHeader("content-encoding", "gzip");
          compressor = createGzip({ level: GZIP_LEVEL, flush: zlibConstants.Z_SYNC_FLUSH });
          compressor.on("data", (/** @type {Buffer} */ compressed) => write.call(res, compressed));
        }
      }
      return writeHead.apply(res, /** @type {any} */ (args));
    };
    res.writeHead = patchedWriteHead;
    res.write = function (
      /** @type {any} */ chunk,
      /** @type {any} */ encoding,
      /** @type {any} */ callback,
    ) {
      collect(chunk, encoding);
      if (!res.headersSent) res.writeHead(res.statusCode);
      chunk = outgoing(chunk, encoding);
      if (!compressor) return write.call(res, chunk, encoding, callback);
      compressor.write(chunk, typeof encoding === "string" ? encoding : "utf8");
      if (typeof encoding === "function") encoding();
      else if (typeof callback === "function") callback();
      return true;
    };
    res.end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
      collect(chunk, encoding);
      if (!res.headersSent) res.writeHead(res.statusCode);
      chunk = outgoing(chunk, encoding);
      const gzipping = compressor;
      if (!gzipping) return end.call(res, chunk, encoding, callback);
      const done = [chunk, encoding, callback].find((arg) => typeof arg === "function");
      const last = typeof chunk === "function" ? undefined : chunk;
      gzipping.once("end", () => end.call(res, done));
      if (last === undefined || last === null) gzipping.end();
      else gzipping.end(last, typeof encoding === "string" ? encoding : "utf8");
      return res;
    };
    await render(req, res);
    if (!res.writableFinished) await new Promise((resolve) => res.once("close", resolve));
    if (!cacheable || !res.writableFinished || res.statusCode !== 200) return undefined;
    if (res.hasHeader("set-cookie") || (res.hasHeader("content-encoding") && !compressor)) return undefined;
    if (!isPageType(res.getHeader("content-type"))) return undefined;
    const csp = String(res.getHeader("content-security-policy") ?? "");
    const nonce = NONCE_IN_CSP.exec(csp)?.[1];
    if (!nonce) return undefined;
    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (STORED_HEADERS.has(name) && value !== undefined)
        headers[name] = Array.isArray(value) ? value : String(value);
    }
    const body = Buffer.concat(chunks).toString("utf8");
    const parts = body.split(nonce);
    const deflated = parts.map(deflatePart);
    return {
      status: 200,
      headers,
      parts,
      deflated,
      nonce,
      bytes: body.length * 2 + deflated.reduce((sum, part) => sum + part.length, 0) + 1024,
      expiresAt: Date.now() + ttlMs(),
      generation: startedIn,
    };
  }

  return {
    /**
     * Answers a request: from the cache when its page is kept, else through `render` (Next.js),
     * keeping the result when it may be. Concurrent visitors of a page that is being rendered
     * wait for that render instead of starting their own.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
     */
    async handle(req, res, render) {
      // Only this cache says a render is shared.
      delete req.headers[SHARED_RENDER_HEADER];
      const key = enabled ? pageKey(req) : undefined;
      if (key === undefined) return render(req, res);
      const signedIn = isSignedIn(req);
      // The page is rendered for nobody in particular, whoever asked for it first.
      delete req.headers.cookie;
      req.headers[SHARED_RENDER_HEADER] = "1";
      const kept = lookup(key);
      if (kept) return serve(kept, req, res, signedIn);
      const inFlight = rendering.get(key);
      if (inFlight) {
        const page = await inFlight.catch(() => undefined);
        if (page && page.generation === generation) return serve(page, req, res, signedIn);
        return void (await renderShared(req, res, render, signedIn));
      }
      // A HEAD answer has no body to keep.
      if (req.method === "HEAD") return void (await renderShared(req, res, render, signedIn));
      const flight = renderShared(req, res, render, signedIn);
      rendering.set(key, flight);
      try {
        const page = await flight;
        if (page) keep(key, page);
      } finally {
        rendering.delete(key);
      }
    },
    async close() {
      await unwatch?.();
    },
  };
}

/**
 * A Vary value that names Accept-Encoding (kept pages go out gzipped or not, as the client asks)
 * and Cookie (a signed-in visitor's copy is marked and private).
 * @param {unknown} vary
 */
function varyOn(vary) {
  const names = String(vary ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const wanted of ["Accept-Encoding", "Cookie"])
    if (!names.some((name) => name.toLowerCase() === wanted.toLowerCase())) names.push(wanted);
  return names.join(", ");
}

/**
 * The first part of a kept page with the session mark, and compressed, made once per page.
 * @param {StoredPage} page
 */
function markedFirstPart(page) {
  if (!page.marked) {
    const first = markSession(Buffer.from(page.parts[0] ?? "")).toString("utf8");
    page.marked = { first, deflated: deflatePart(first) };
  }
  return page.marked;
}

/**
 * A part of a kept page compressed on its own: no reference to what comes before it, and ending on
 * a byte boundary (Z_SYNC_FLUSH, not the final block), so that other blocks can follow it.
 * @param {string} text
 */
function deflatePart(text) {
  return deflateRawSync(Buffer.from(text), {
    level: KEPT_GZIP_LEVEL,
    finishFlush: zlibConstants.Z_SYNC_FLUSH,
  });
}

/**
 * Bytes as one stored (uncompressed) deflate block: a non-final block header on a byte of its own,
 * then LEN and its one's complement, little-endian.
 * @param {Buffer} bytes at most 65,535 of them
 */
function storedBlock(bytes) {
  const head = Buffer.alloc(5);
  head.writeUInt16LE(bytes.length, 1);
  head.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([head, bytes]);
}

/**
 * A gzip answer put together from a kept page's compressed parts with this answer's nonce between
 * them; `body` is the same answer uncompressed, for the trailer's CRC and length.
 * @param {Buffer[]} deflated @param {Buffer} nonce @param {Buffer} body
 */
function gzipFromParts(deflated, nonce, body) {
  const between = storedBlock(nonce);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(body), 0);
  trailer.writeUInt32LE(body.length >>> 0, 4);
  const pieces = [GZIP_HEADER, deflated[0] ?? Buffer.alloc(0)];
  for (const part of deflated.slice(1)) pieces.push(between, part);
  pieces.push(DEFLATE_END, trailer);
  return Buffer.concat(pieces);
}

/**
 * The page with the session mark on its <html> tag (an RSC answer has none, and is left as it is).
 * @param {Buffer} body
 */
function markSession(body) {
  const at = body.indexOf(HTML_TAG);
  if (at === -1) return body;
  const end = at + HTML_TAG.length;
  return Buffer.concat([body.subarray(0, end), MARK_BYTES, body.subarray(end)]);
}

/** @param {unknown} contentType */
function isHtml(contentType) {
  return String(contentType ?? "").startsWith("text/html");
}

/** @param {unknown} contentType */
function isPageType(contentType) {
  const type = String(contentType ?? "");
  return type.startsWith("text/html") || type.startsWith("text/x-component");
}

/**
 * Subscribes to the catalogue changes the Inventory API announces on Redis, for createPageCache.
 * @param {{ url: string, namespace: string, log: (message: string) => void }} options
 */
export function watchCatalogueOnRedis(options) {
  return (/** @type {{ changed: () => void, watching: (live: boolean) => void }} */ callbacks) => {
    let subscriber;
    const ready = import("ioredis").then(({ Redis }) => {
      subscriber = new Redis(options.url, {
        connectionName: `${options.namespace}:web:page-cache`,
        // Keep retrying for ever: pages are kept a second at most meanwhile.
        retryStrategy: (times) => Math.min(times * 200, 2_000),
        maxRetriesPerRequest: null,
      });
      const channel = `${options.namespace}:${CATALOGUE_CHANGED_CHANNEL}`;
      subscriber.on("message", (name) => {
        if (name === channel) callbacks.changed();
      });
      subscriber.on("ready", () => {
        subscriber
          .subscribe(channel)
          .then(() => callbacks.watching(true))
          .catch((error) => options.log(`page cache: cannot subscribe (${error.message})`));
      });
      subscriber.on("close", () => callbacks.watching(false));
      subscriber.on("error", (error) => options.log(`page cache: Redis ${error.message}`));
    });
    return async () => {
      await ready;
      subscriber?.disconnect();
    };
  };
}
