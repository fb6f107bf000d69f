#!/usr/bin/env node
// The web app's server: Next.js (a production build, `npm run build` first) behind a plain
// node:http server on PORT (default 3000), every interface. What it adds to `next start`: the
// person's address (client-address.mjs), worked out here from the socket and TRUST_PROXY because
// Next.js believes whatever X-Forwarded-For a client sends; the cache of anonymous pages
// (page-cache.mjs); with tracing on, each request's span (request-span.mjs). Needs AUTH_SECRET:
// containers run this file directly, `npm start` (start.mjs) makes one first.
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileTrust, createAddressStamp } from "./client-address.mjs";
import { createPageCache, watchChangesOnRedis } from "./page-cache.mjs";
import { createRequestSpans, flushSpans } from "./request-span.mjs";

// As `next start` does; set before Next.js loads, since some of its modules read them at import.
process.env.NODE_ENV ||= "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(appDir); // where `next start` runs, whoever starts this
const port = Number(process.env.PORT || 3000);
// In-flight requests get this long to finish after SIGTERM (Kubernetes waits 30 s in all).
const DRAIN_MS = 20_000;

let stampClientAddress;
try {
  stampClientAddress = createAddressStamp(process.env.TRUST_PROXY || "loopback");
} catch (error) {
  console.error(`web: TRUST_PROXY: ${error instanceof Error ? error.message : error}\nRefusing to start.`);
  process.exit(1);
}

/** A whole number from the environment, or the default; anything else stops the server. */
function numberSetting(name, fallback, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    console.error(`web: ${name} must be a number from 0 to ${max}, not "${raw}".\nRefusing to start.`);
    process.exit(1);
  }
  return value;
}
const redisUrl = process.env.REDIS_URL || undefined;
const pageCache = createPageCache({
  ttlSeconds: numberSetting("PAGE_CACHE_TTL_SECONDS", 60, 86_400),
  maxBytes: numberSetting("PAGE_CACHE_MAX_MB", 64, 4_096) * 1024 * 1024,
  watch: redisUrl
    ? watchChangesOnRedis({
        url: redisUrl,
        namespace: process.env.REDIS_NAMESPACE || "sharehood",
        log: (message) => console.warn(`web: ${message}`),
      })
    : undefined,
});

const { default: next } = await import("next");
// `hostname` is the name Next.js gives itself in the URLs it builds, as under `next start`.
const app = next({ dev: false, dir: appDir, hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
// After prepare(): that is where the instrumentation hook starts tracing.
const inRequestSpan = await createRequestSpans({
  endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
  trust: compileTrust(process.env.TRUST_PROXY || "loopback"),
});

// Live streams (the notification relay) never finish by themselves: on shutdown they are cut at
// once, and each browser's EventSource reconnects, to another replica or after the restart,
// instead of holding the drain open to its end. While stopping, a new stream is refused (the page
// tries again a little later) and every answer closes its connection, so that a browser's
// keep-alive connection does not bring the stream straight back here.
const STREAM_PATH = /^\/api\/notifications\/stream(\?|$)/;
/** @type {Set<import("node:http").ServerResponse>} */
const liveStreams = new Set();
let stopping = false;

const server = createServer((req, res) => {
  stampClientAddress(req);
  if (stopping) res.setHeader("connection", "close");
  if (STREAM_PATH.test(req.url ?? "")) {
    if (stopping) {
      res.writeHead(503, { "content-type": "text/plain", "retry-after": "2" });
      res.end("Restarting");
      return;
    }
    liveStreams.add(res);
    res.once("close", () => liveStreams.delete(res));
  }
  const answer = () =>
    pageCache.handle(req, res, handle).catch((error) => {
      console.error("web: request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  void (inRequestSpan ? inRequestSpan(req, res, answer) : answer());
});
server.on("error", (error) => {
  console.error(`web: cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`web: ready on http://localhost:${port}`));

// Stop taking connections, let the requests in flight finish, then exit cleanly.
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), DRAIN_MS).unref();
  server.close(() => {
    Promise.allSettled([app.close(), pageCache.close()])
      .then(() => flushSpans())
      .finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  for (const res of liveStreams) res.destroy();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
