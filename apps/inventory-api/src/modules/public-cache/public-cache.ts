import { createHash } from "node:crypto";
import { PreparedResponse, type KeyValueStore, type Logger } from "@sharehood/server-kit";

/** A public response as cached: its ETag and its JSON bytes. */
export interface CachedResponse {
  etag: string;
  body: string;
}

const VERSION_KEY = "pc:version";
const INDEX_KEY = "pc:index";
const entryKey = (name: string) => `pc:entry:${name}`;

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
 */
export function createPublicCache(options: { store: KeyValueStore; ttlSeconds: number; logger: Logger }) {
  const { store, logger } = options;
  const ttlMs = options.ttlSeconds * 1000;
  // A TTL of 0 turns the cache off (benchmarks measure uncached reads that way).
  const enabled = ttlMs > 0;
  const building = new Map<string, Promise<CachedResponse>>();
  let mustBump = false;
  store.onReconnect(() => {
    mustBump = true;
  });

  async function lookup(name: string): Promise<CachedResponse | undefined> {
    if (mustBump) {
      await store.bumpVersion(VERSION_KEY, INDEX_KEY);
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
      await store
        .setIfVersion(VERSION_KEY, version, INDEX_KEY, entryKey(name), `${built.etag}\n${built.body}`, ttlMs)
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
        await store.bumpVersion(VERSION_KEY, INDEX_KEY);
      } catch {
        mustBump = true;
      }
    },
  };
}

export type PublicCache = ReturnType<typeof createPublicCache>;

/** Sends a cached public response: 304 when the client already has it, else the bytes. */
export function respondCached(cached: CachedResponse, ifNoneMatch: string | undefined): PreparedResponse {
  const headers = { etag: cached.etag, "cache-control": "public, no-cache" };
  const matches = ifNoneMatch
    ?.split(",")
    .some((tag) => tag.trim().replace(/^W\//, "") === cached.etag || tag.trim() === "*");
  return matches
    ? new PreparedResponse(304, undefined, headers)
    : new PreparedResponse(200, cached.body, headers);
}
