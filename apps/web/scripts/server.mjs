#!/usr/bin/env node
// The web app's server: Next.js (a production build, `npm run build` first) behind a plain
// node:http server on PORT (default 3000), every interface. The only thing it adds to `next
// start` is the person's address (client-address.mjs): it is worked out here, from the socket
// and TRUST_PROXY, because Next.js believes whatever X-Forwarded-For a client sends. Needs
// AUTH_SECRET: containers run this file directly, `npm start` (start.mjs) makes one first.
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAddressStamp } from "./client-address.mjs";
import { createPageCache, watchCatalogueOnRedis } from "./page-cache.mjs";

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
    ? watchCatalogueOnRedis({
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

const server = createServer((req, res) => {
  stampClientAddress(req);
  pageCache.handle(req, res, handle).catch((error) => {
    console.error("web: request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error(`web: cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`web: ready on http://localhost:${port}`));

// Stop taking connections, let the requests in flight finish, then exit cleanly.
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), DRAIN_MS).unref();
  server.close(() => {
    Promise.allSettled([app.close(), pageCache.close()]).finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
