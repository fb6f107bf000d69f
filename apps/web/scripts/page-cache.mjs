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
// A person's own Borrowing page is kept too, for that session alone (keyed by its whole Cookie
// header): the proxy says whose it is and how long its session needs no refresh (PAGE_OWNER_HEADER),
// and it is dropped by every event concerning the person (a loan of theirs changed, a message,
// their account) and by every write the session itself sends through this process.
//
// Freshness: the Inventory API publishes on Redis every write that changes what public reads
// return (the writes that empty its own public cache), and every web replica subscribed to it
// drops what it holds; each replica also reads the event stream for the people events concern. A
// page is never kept longer than PAGE_CACHE_TTL_SECONDS either. Without Redis (the embedded
// default) or while either watch is down, a page is kept one second.
import { randomBytes } from "node:crypto";
import { finished } from "node:stream/promises";
import { constants as zlibConstants, crc32, createGzip, deflateRawSync } from "node:zlib";

/** The channel the Inventory API announces catalogue changes on (CATALOGUE_CHANGED_CHANNEL in the SDK's contract). */
export const CATALOGUE_CHANGED_CHANNEL = "catalogue-changed";
/** The services' event stream (EVENT_STREAM in the SDK's contract): `<namespace>:events`, one `event` field of JSON each. */
export const EVENT_STREAM = "events";
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
/**
 * Set on the requests this cache sends Next.js for a person's own page it may keep, to a render id
 * (PERSONAL_RENDER_HEADER in src/server/request-path.ts): the proxy answers PAGE_OWNER_HEADER, and
 * a page that could not read all it shows names the render in UNKEPT_RENDERS.
 */
export const PERSONAL_RENDER_HEADER = "x-sharehood-personal-render";
/** The proxy's answer: `<person id> <ms since the epoch until which the session needs no refresh>`; never sent on. */
export const PAGE_OWNER_HEADER = "x-sharehood-page-owner";
/** Where a page names a render of it that must not be kept (src/server/personal-render.ts); one process holds both. */
const UNKEPT_RENDERS = Symbol.for("sharehood.web.unkept-renders");
/** The attribute on <html> that tells the page's scripts a session cookie came with the request. */
export const SESSION_MARK = "data-session";
const HTML_TAG = Buffer.from("<html");
const MARK_BYTES = Buffer.from(` ${SESSION_MARK}=""`);
/** How long a page is kept when no catalogue change can reach this process. */
const UNWATCHED_TTL_MS = 1_000;
/** A person's page whose render took longer than this is not kept (changes are remembered this long past a page's lifetime). */
const MAX_RENDER_MS = 30_000;

// The public pages: the browse page (its category and search filters are query parameters), an
// item page and a person's public profile. Besides PERSONAL_PAGES, nothing else (sign-in, a
// person's other pages, the admin, route handlers) is ever kept.
const PUBLIC_PAGES = [/^\/$/, /^\/items\/(?!new$)[^/]+$/, /^\/people\/[^/]+$/];
// A person's own pages kept for their session: the Borrowing list, either side (issue 20).
const PERSONAL_PAGES = [/^\/loans$/];

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
  return sessionOf(req) !== "";
}

/**
 * The request's session cookie (its chunks in order), or "" without one: what a session's pages
 * and writes are known by.
 * @param {import("node:http").IncomingMessage} req
 */
function sessionOf(req) {
  const cookie = req.headers.cookie;
  if (cookie === undefined) return "";
  return cookie
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => SESSION_COOKIE_NAME.test(pair))
    .join("; ");
}

/**
 * The path of a GET or HEAD page request (not a server action), or undefined for anything else.
 * @param {import("node:http").IncomingMessage} req
 */
function pagePath(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  if (req.headers["next-action"]) return undefined;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * What besides the cookies a page depends on: its origin (without AUTH_URL, canonical links are
 * built on the request's own), its URL, and the request headers of an RSC answer.
 * @param {import("node:http").IncomingMessage} req
 */
function keyParts(req) {
  const parts = [
    req.headers.host,
    req.headers["x-forwarded-host"],
    req.headers["x-forwarded-proto"],
    req.url,
  ];
  for (const name of RSC_HEADERS) parts.push(req.headers[name]);
  return parts.map((part) => String(part ?? ""));
}

/**
 * The key a request's page is kept under, or undefined when it must be rendered for this request
 * alone: not a GET or HEAD, a server action, or not a public page. Whether someone is signed in
 * does not matter: everyone gets the same page.
 * @param {import("node:http").IncomingMessage} req
 */
export function pageKey(req) {
  const path = pagePath(req);
  if (path === undefined || !PUBLIC_PAGES.some((page) => page.test(path))) return undefined;
  return keyParts(req).join("\n");
}

/**
 * The key a person's own page is kept under for the session that asked, or undefined when it is
 * not such a page or nobody is signed in. The whole Cookie header is part of it: only the same
 * session, with the same cookies, gets the page again.
 * @param {import("node:http").IncomingMessage} req
 */
export function personalPageKey(req) {
  const path = pagePath(req);
  if (path === undefined || !PERSONAL_PAGES.some((page) => page.test(path)) || !isSignedIn(req))
    return undefined;
  return ["personal", String(req.headers.cookie), ...keyParts(req)].join("\n");
}

/**
 * Whether the person asked for a page afresh (a hard reload sends `no-cache`): their own page is
 * then rendered again. A shared page is not: anyone could make every visit a render.
 * @param {import("node:http").IncomingMessage} req
 */
function asksAfresh(req) {
  return /\bno-cache\b/.test(`${req.headers["cache-control"] ?? ""} ${req.headers.pragma ?? ""}`);
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
 * @property {{ person: string, session: string, changes: number }} [owner] a person's own page: whose,
 *   for which session, and how many changes concerning people there had been when its render began
 */

/**
 * Who gets an answer: the shared page signed out or signed in (marked for them), or a person's own page.
 * @typedef {"anonymous" | "signed-in" | "personal"} Audience
 */

/**
 * What a watch tells the cache: the catalogue changed (every page goes), a change concerned these
 * people (their own pages go), or whether it can hear changes at all.
 * @typedef {{ changed: () => void, peopleChanged: (ids: readonly string[]) => void, watching: (live: boolean) => void }} WatchCallbacks
 */

/**
 * @param {{
 *   ttlSeconds: number,
 *   maxBytes: number,
 *   watch?: (callbacks: WatchCallbacks) => (() => Promise<void>),
 * }} options
 */
export function createPageCache(options) {
  const enabled = options.ttlSeconds > 0 && options.maxBytes > 0;
  /** @type {Map<string, StoredPage>} in least recently used order */
  const pages = new Map();
  /** @type {Map<string, Promise<StoredPage | undefined>>} renders in flight, shared by those who wait */
  const rendering = new Map();
  let bytes = 0;
  let personalBytes = 0;
  // Bumped by every catalogue change: a render that started before one is not kept.
  let generation = 0;
  let live = false;
  // Changes that concern people (an event about them, a write by one of their sessions), counted.
  // A person's page kept, or a render begun, before the last change concerning them is not served.
  let changes = 0;
  /** @type {Map<string, { changes: number, at: number }>} "person:<id>" or "session:<cookie>" → its last change, oldest first */
  const lastChange = new Map();
  // As long as a change can matter: a kept page lives ttlSeconds at most, and began its render at
  // most MAX_RENDER_MS before it was kept.
  const changeMemoryMs = options.ttlSeconds * 1000 + MAX_RENDER_MS;
  /** @type {Map<string, string>} a session (its cookie) → its person, learned from their pages' renders */
  const sessionPeople = new Map();

  function clear() {
    generation += 1;
    pages.clear();
    bytes = 0;
    personalBytes = 0;
  }

  /** @param {string} who "person:<id>" or "session:<cookie>" */
  function noteChange(who) {
    changes += 1;
    const now = Date.now();
    lastChange.delete(who);
    lastChange.set(who, { changes, at: now });
    for (const [oldest, change] of lastChange) {
      if (change.at > now - changeMemoryMs) break;
      lastChange.delete(oldest);
    }
  }

  /** Notes a change for a session and, when known, its person (a write it sent). @param {string} session */
  function noteSessionChange(session) {
    noteChange(`session:${session}`);
    const person = sessionPeople.get(session);
    if (person !== undefined) noteChange(`person:${person}`);
  }

  /** Whether a change concerning a person's page came since its render began. @param {StoredPage} page */
  function changedSince(page) {
    const owner = page.owner;
    if (!owner) return false;
    const since = (who) => (lastChange.get(who)?.changes ?? 0) > owner.changes;
    return since(`person:${owner.person}`) || since(`session:${owner.session}`);
  }

  /** Whether a page may still be served: no catalogue change since its render, none concerning its person. @param {StoredPage} page */
  const isCurrent = (page) => page.generation === generation && !changedSince(page);

  const unwatch = options.watch?.({
    changed: clear,
    peopleChanged(ids) {
      for (const id of ids) noteChange(`person:${id}`);
    },
    watching(isLive) {
      // Whatever was announced while a watch was down is unknown: start afresh.
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
    if (page.expiresAt <= Date.now() || !isCurrent(page)) {
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
    if (page.owner) personalBytes -= page.bytes;
  }

  /** @param {string} key @param {StoredPage} page */
  function keep(key, page) {
    if (!isCurrent(page) || page.bytes > options.maxBytes / 8) return;
    if (page.owner) {
      sessionPeople.delete(page.owner.session);
      sessionPeople.set(page.owner.session, page.owner.person);
      // As many sessions as pages could be kept, at the least.
      if (sessionPeople.size > 50_000) sessionPeople.delete(sessionPeople.keys().next().value);
    }
    const old = pages.get(key);
    if (old) forget(key, old);
    pages.set(key, page);
    bytes += page.bytes;
    if (page.owner) personalBytes += page.bytes;
    for (const [oldestKey, oldest] of pages) {
      if (bytes <= options.maxBytes) break;
      forget(oldestKey, oldest);
    }
    // People's own pages take half the room at most: however many sessions (or cookies) ask, the
    // public pages everyone gets keep the other half.
    for (const [oldestKey, oldest] of pages) {
      if (personalBytes <= options.maxBytes / 2) break;
      if (oldest.owner) forget(oldestKey, oldest);
    }
  }

  /**
   * Answers from a stored page with a nonce of its own.
   * @param {StoredPage} page
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {Audience} audience
   */
  function serve(page, req, res, audience) {
    const nonce = newNonce();
    const marked =
      audience === "signed-in" && isHtml(page.headers["content-type"]) ? markedFirstPart(page) : undefined;
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
    headers["cache-control"] = cacheControlFor(audience);
    // Set apart, so that it can be read back (getHeader) by the request's span (request-span.mjs).
    res.setHeader(CACHE_STATUS_HEADER, "hit");
    res.writeHead(page.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /**
   * Lets Next.js render the page to this response and answers a copy of what it sent, unmarked,
   * when the copy may be kept: a complete 200 HTML or RSC answer without cookies, and for a
   * person's own page, one the proxy said whose it is and the page did not refuse.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
   * @param {Audience} audience
   * @returns {Promise<StoredPage | undefined>}
   */
  async function renderCopy(req, res, render, audience) {
    const startedIn = generation;
    const startedAt = Date.now();
    const changesBefore = changes;
    const renderId = audience === "personal" ? newNonce() : undefined;
    if (renderId) req.headers[PERSONAL_RENDER_HEADER] = renderId;
    /** @type {string | undefined} the proxy's PAGE_OWNER_HEADER */
    let ownerSaid;
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
    let toMark = audience === "signed-in";
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
      if (renderId) {
        const said = res.getHeader(PAGE_OWNER_HEADER);
        ownerSaid = typeof said === "string" ? said : undefined;
        res.removeHeader(PAGE_OWNER_HEADER);
      }
      toMark = toMark && isHtml(res.getHeader("content-type"));
      // The mark adds bytes: a length Next.js set would be short.
      if (toMark) res.removeHeader("content-length");
      if (
        res.statusCode === 200 &&
        !res.hasHeader("set-cookie") &&
        isPageType(res.getHeader("content-type"))
      ) {
        res.setHeader("cache-control", cacheControlFor(audience));
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
    let refused = false;
    try {
      await render(req, res);
      await answered(res);
    } finally {
      if (renderId) refused = unkeptRenders().delete(renderId);
    }
    let expiresAt = Date.now() + ttlMs();
    /** @type {StoredPage["owner"]} */
    let owner;
    if (renderId) {
      const [person, until] = (ownerSaid ?? "").split(" ");
      const freshUntil = Number(until);
      if (refused || !person || !(freshUntil > Date.now()) || Date.now() - startedAt > MAX_RENDER_MS)
        return undefined;
      owner = { person, session: sessionOf(req), changes: changesBefore };
      // Never past the moment the session's token is to be refreshed: that request goes to Next.js.
      expiresAt = Math.min(expiresAt, freshUntil);
    }
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
      expiresAt,
      generation: startedIn,
      ...(owner ? { owner } : {}),
    };
  }

  /**
   * Answers from the page kept under `key`, or from the render of it in flight, or renders it and
   * keeps the copy.
   * @param {string} key
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
   * @param {Audience} audience
   */
  async function answer(key, req, res, render, audience) {
    const afresh = audience === "personal" && asksAfresh(req);
    const kept = afresh ? undefined : lookup(key);
    if (kept) return serve(kept, req, res, audience);
    const inFlight = afresh ? undefined : rendering.get(key);
    if (inFlight) {
      const page = await inFlight.catch(() => undefined);
      if (page && isCurrent(page)) return serve(page, req, res, audience);
      return void (await renderCopy(req, res, render, audience));
    }
    // A HEAD answer has no body to keep.
    if (req.method === "HEAD") return void (await renderCopy(req, res, render, audience));
    const flight = renderCopy(req, res, render, audience);
    rendering.set(key, flight);
    try {
      const page = await flight;
      if (page) keep(key, page);
    } finally {
      if (rendering.get(key) === flight) rendering.delete(key);
    }
  }

  return {
    /**
     * Answers a request: from the cache when its page is kept, else through `render` (Next.js),
     * keeping the result when it may be. Concurrent visitors of a page that is being rendered
     * wait for that render instead of starting their own. A write sent with a session drops that
     * person's own pages, before it and again once it is answered (a render that read the data
     * while it was being changed is not kept).
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
     */
    async handle(req, res, render) {
      // Only this cache says a render is shared, or a person's own to keep.
      delete req.headers[SHARED_RENDER_HEADER];
      delete req.headers[PERSONAL_RENDER_HEADER];
      if (!enabled) return render(req, res);
      const key = pageKey(req);
      if (key !== undefined) {
        const audience = isSignedIn(req) ? "signed-in" : "anonymous";
        // The page is rendered for nobody in particular, whoever asked for it first.
        delete req.headers.cookie;
        req.headers[SHARED_RENDER_HEADER] = "1";
        return answer(key, req, res, render, audience);
      }
      const personal = personalPageKey(req);
      if (personal !== undefined) return answer(personal, req, res, render, "personal");
      const session = req.method === "GET" || req.method === "HEAD" ? "" : sessionOf(req);
      if (!session) return render(req, res);
      noteSessionChange(session);
      try {
        await render(req, res);
        await answered(res);
      } finally {
        noteSessionChange(session);
      }
    },
    async close() {
      await unwatch?.();
    },
  };
}

/**
 * Settles once the response is sent or its connection is gone, whenever that was: a client that
 * left during the render (its socket already closed) must not leave the render, and everyone
 * waiting on it, waiting for ever.
 * @param {import("node:http").ServerResponse} res
 */
async function answered(res) {
  if (!res.writableFinished) await finished(res).catch(() => undefined);
}

/** The Cache-Control of an answer: only the shared page signed out may be kept by others. @param {Audience} audience */
function cacheControlFor(audience) {
  return audience === "anonymous" ? ANONYMOUS_CACHE_CONTROL : SIGNED_IN_CACHE_CONTROL;
}

/** The renders that pages asked not to be kept, by render id. @returns {Set<string>} */
function unkeptRenders() {
  const holder = /** @type {Record<symbol, Set<string> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[UNKEPT_RENDERS] ??= new Set());
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

/** How long one XREAD of the event stream waits for new entries; also the longest a close waits for it. */
const STREAM_BLOCK_MS = 2_000;

/**
 * Watches Redis for createPageCache: the catalogue changes the Inventory API announces (a
 * subscription), and the people each event concerns (its `audience`, read from the event stream
 * with plain XREADs: every web replica reads every event, and no consumer group keeps them). The
 * cache hears changes only while both are live; after a break it starts afresh, reading the
 * stream from its end again.
 * @param {{ url: string, namespace: string, log: (message: string) => void }} options
 */
export function watchChangesOnRedis(options) {
  return (/** @type {WatchCallbacks} */ callbacks) => {
    /** @type {import("ioredis").Redis | undefined} */
    let subscriber;
    /** @type {import("ioredis").Redis | undefined} */
    let reader;
    let subscribed = false;
    let reading = false;
    let closed = false;
    const report = () => callbacks.watching(subscribed && reading);
    const ready = import("ioredis").then(({ Redis }) => {
      // Keep retrying for ever: pages are kept a second at most meanwhile.
      const connection = (/** @type {string} */ name) =>
        new Redis(options.url, {
          connectionName: `${options.namespace}:web:${name}`,
          retryStrategy: (times) => Math.min(times * 200, 2_000),
          maxRetriesPerRequest: null,
        });
      subscriber = connection("page-cache");
      const channel = `${options.namespace}:${CATALOGUE_CHANGED_CHANNEL}`;
      subscriber.on("message", (name) => {
        if (name === channel) callbacks.changed();
      });
      subscriber.on("ready", () => {
        subscriber
          ?.subscribe(channel)
          .then(() => {
            subscribed = true;
            report();
          })
          .catch((error) => options.log(`page cache: cannot subscribe (${error.message})`));
      });
      subscriber.on("close", () => {
        subscribed = false;
        report();
      });
      subscriber.on("error", (error) => options.log(`page cache: Redis ${error.message}`));

      reader = connection("page-cache-events");
      reader.on("error", () => undefined); // the subscriber reports Redis being down
      void readEvents(reader, `${options.namespace}:${EVENT_STREAM}`);
    });

    /**
     * Reads the stream from its end for as long as the watch lasts. After a break the reads go on
     * from the last entry read, so nothing is missed; the watch is down while the connection is.
     * @param {import("ioredis").Redis} redis @param {string} stream
     */
    async function readEvents(redis, stream) {
      redis.on("close", () => {
        if (!reading) return;
        reading = false;
        report();
      });
      /** @type {string | undefined} */
      let last;
      while (!closed) {
        try {
          if (last === undefined) {
            const [newest] = /** @type {[string, string[]][]} */ (
              await redis.xrevrange(stream, "+", "-", "COUNT", 1)
            );
            last = newest?.[0] ?? "0-0";
          }
          if (!reading && redis.status === "ready") {
            reading = true;
            report();
          }
          const reply = /** @type {[string, [string, string[]][]][] | null} */ (
            await redis.xread("COUNT", 500, "BLOCK", STREAM_BLOCK_MS, "STREAMS", stream, last)
          );
          for (const [, entries] of reply ?? []) {
            for (const [id, fields] of entries) {
              last = id;
              const people = audienceOf(fields);
              if (people.length > 0) callbacks.peopleChanged(people);
            }
          }
        } catch (error) {
          if (closed) return;
          options.log(`page cache: reading events failed (${/** @type {Error} */ (error).message})`);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    }

    return async () => {
      closed = true;
      await ready;
      subscriber?.disconnect();
      reader?.disconnect();
    };
  };
}

/**
 * The people a stream entry's event concerns: its `audience`, or none when it cannot be read.
 * @param {string[]} fields the entry's field names and values, alternating
 * @returns {string[]}
 */
export function audienceOf(fields) {
  const at = fields.indexOf("event");
  if (at === -1 || at % 2 !== 0) return [];
  try {
    const audience = JSON.parse(fields[at + 1] ?? "").audience;
    return Array.isArray(audience) ? audience.filter((id) => typeof id === "string") : [];
  } catch {
    return [];
  }
}
