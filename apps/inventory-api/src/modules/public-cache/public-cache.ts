import { createHash } from "node:crypto";
import { CATALOGUE_CHANGED_CHANNEL } from "@sharehood/sdk/contract";
import { PreparedResponse, type KeyValueStore, type Logger } from "@sharehood/server-kit";

/** A public response as cached: its ETag and its JSON bytes. */
export interface CachedResponse {
  etag: string;
  body: string;
}

const VERSION_KEY = "pc:version";
const INDEX_KEY = "pc:index";
const BUDGET_KEY = "pc:budget";
const entryKey = (name: string) => `pc:entry:${name}`;

/** A body larger than this is served but never stored: one entry must not take a large share of Redis. */
export const MAX_ENTRY_BYTES = 256 * 1024;
// What an entry costs the budget at least: its key, its index member and Redis's bookkeeping, so
// that a flood of tiny answers (empty searches) is bounded in number as well as in bytes.
const MIN_ENTRY_CHARGE = 1024;

/** A strong ETag from the bytes of a body. */
export const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/** A stored entry is the ETag, a newline, then the body. */
function parseEntry(stored: string): CachedResponse {
  const newline = stored.indexOf("\n");
  return { etag: stored.slice(0, newline), body: stored.slice(newline + 1) };
}

/**
 * The cache of public GET responses. A hit is one plain GET and runs no SQL. Every write that
 * changes what public reads return bumps the catalogue version and deletes every entry in one
 * atomic step, and an entry is stored only if the version is still the one read before its data
 * was, so no entry built from data older than a write can be read after it. Concurrent misses for
 * one entry share one build. If Redis is down, reads go to the database; after an outage the
 * cache is emptied before it is trusted again.
 *
 * What it holds is bounded, because anyone can ask for new entries and the same Redis keeps rate
 * limits: at most `maxBytes` are stored per catalogue version and cache lifetime (a window of
 * `ttlSeconds` that a write starts again, since it deletes every entry), so at most twice that is
 * held at once, and no entry is larger than MAX_ENTRY_BYTES. Past the budget, answers are built
 * from the database as when Redis is down.
 */
export function createPublicCache(options: {
  store: KeyValueStore;
  ttlSeconds: number;
  maxBytes: number;
  logger: Logger;
}) {
  const { store, maxBytes, logger } = options;
  const ttlMs = options.ttlSeconds * 1000;
  // A TTL of 0 turns the cache off (benchmarks measure uncached reads that way).
  const enabled = ttlMs > 0;
  const building = new Map<string, Promise<CachedResponse>>();
  let mustBump = false;
  store.onReconnect(() => {
    mustBump = true;
  });
  let budgetSpentUntil = 0;

  /**
   * Whether a body of `bytes` may be stored, counting it against the budget (one atomic increment
   * shared by every replica). A flood that spent it leaves reads uncached until the next write or
   * for one cache lifetime at most.
   */
  async function fitsBudget(bytes: number): Promise<boolean> {
    if (bytes > MAX_ENTRY_BYTES) return false;
    const { count, resetInMs } = await store.hit(BUDGET_KEY, ttlMs, Math.max(bytes, MIN_ENTRY_CHARGE));
    if (count <= maxBytes) return true;
    if (Date.now() >= budgetSpentUntil) {
      budgetSpentUntil = Date.now() + resetInMs;
      logger.warn(
        { maxBytes, resetInMs },
        "public cache budget spent: answers are built from the database until the window ends",
      );
    }
    return false;
  }

  /**
   * Deletes every entry (and starts a new budget, since they no longer take any room), then tells
   * whoever keeps pages built from public reads.
   */
  async function empty(): Promise<void> {
    await store.bumpVersion(VERSION_KEY, INDEX_KEY);
    await store.del(BUDGET_KEY);
    await store.publish(CATALOGUE_CHANGED_CHANNEL, String(Date.now()));
  }

  async function lookup(name: string): Promise<CachedResponse | undefined> {
    if (mustBump) {
      await empty();
      mustBump = false;
    }
    const stored = await store.get(entryKey(name));
    return stored ? parseEntry(stored) : undefined;
  }

  /**
   * Builds the entry (once for all who ask under one version) and stores it unless a write came
   * since. A request whose lookup missed just before another build was stored finds no flight to
   * join, so a new flight looks again before building: that build's entry is there by then.
   */
  function buildOnce(name: string, version: string, build: () => Promise<CachedResponse>) {
    const flight = `${version}:${name}`;
    const pending = building.get(flight);
    if (pending) return pending;
    const promise = (async () => {
      const stored = await lookup(name).catch(() => undefined);
      if (stored) return stored;
      const built = await build();
      await fitsBudget(Buffer.byteLength(built.body))
        .then((fits) =>
          fits
            ? store.setIfVersion(
                VERSION_KEY,
                version,
                INDEX_KEY,
                entryKey(name),
                `${built.etag}\n${built.body}`,
                ttlMs,
              )
            : false,
        )
        .catch((error: Error) => logger.warn({ err: error.message }, "public cache write failed"));
      return built;
    })().finally(() => building.delete(flight));
    building.set(flight, promise);
    return promise;
  }

  return {
    /** The cached response for `name`, if there is one; never builds (the fast path asks this). */
    async peek(name: string): Promise<CachedResponse | undefined> {
      if (!enabled) return undefined;
      return lookup(name).catch(() => undefined);
    },

    /** The cached response for `name`, or the one `build` makes (once, however many ask at the same time). */
    async get(name: string, build: () => Promise<CachedResponse>): Promise<CachedResponse> {
      if (!enabled) return build();
      let version: string;
      try {
        const hit = await lookup(name);
        if (hit) return hit;
        // Read before the data is: a write after this point makes the build's result unstorable.
        version = (await store.get(VERSION_KEY)) ?? "0";
      } catch (error) {
        logger.debug({ err: (error as Error).message }, "public cache unavailable; reading the database");
        return build();
      }
      return buildOnce(name, version, build);
    },

    /** Call after every committed write that changes what public reads return. */
    async invalidate(): Promise<void> {
      try {
        await empty();
      } catch {
        mustBump = true;
      }
    },
  };
}

export type PublicCache = ReturnType<typeof createPublicCache>;

/** Sends a cached public response: 304 when the client already has it, else the bytes. */
export function respondCached(cached: CachedResponse, ifNoneMatch: string | undefined): PreparedResponse {
  return respondWith(cached, ifNoneMatch, "public, no-cache");
}

/**
 * Sends a response only its caller may see (an owner's hidden items) the same way, but marked
 * `private` so no shared cache between them and the API keeps it.
 */
export function respondPrivate(response: CachedResponse, ifNoneMatch: string | undefined): PreparedResponse {
  return respondWith(response, ifNoneMatch, "private, no-cache");
}

function respondWith(cached: CachedResponse, ifNoneMatch: string | undefined, cacheControl: string) {
  const headers = { etag: cached.etag, "cache-control": cacheControl };
  const matches = ifNoneMatch
    ?.split(",")
    .some((tag) => tag.trim().replace(/^W\//, "") === cached.etag || tag.trim() === "*");
  return matches
    ? new PreparedResponse(304, undefined, headers)
    : new PreparedResponse(200, cached.body, headers);
}
