import { createHash } from "node:crypto";
import { PreparedResponse, type KeyValueStore, type Logger } from "@sharehood/server-kit";

/** A public response as cached: its ETag and its JSON bytes. */
export interface CachedResponse {
  etag: string;
  body: string;
}

const VERSION_KEY = "pc:version";

/** A strong ETag from the bytes of a body. */
export const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/** A stored entry is the ETag, a newline, then the body. */
function parseEntry(stored: string): CachedResponse {
  const newline = stored.indexOf("\n");
  return { etag: stored.slice(0, newline), body: stored.slice(newline + 1) };
}

/**
 * The cache of public GET responses. Every entry's key carries the catalogue version, and every
 * write that changes what public reads return bumps that version, so invalidation is one INCR
 * and no stale entry can be read afterwards. A hit runs no SQL. Concurrent misses for one key
 * share one build. If Redis is down, reads go to the database; after an outage the version is
 * bumped before the cache is trusted again.
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

  /** The entry for `name` under the current version (one round trip), and the key it lives at. */
  async function lookup(name: string): Promise<{ key: string; hit: CachedResponse | undefined }> {
    if (mustBump) {
      await store.incr(VERSION_KEY);
      mustBump = false;
    }
    const { version, value } = await store.getVersioned(VERSION_KEY, "pc:", `:${name}`);
    return { key: `pc:${version}:${name}`, hit: value ? parseEntry(value) : undefined };
  }

  async function buildOnce(
    key: string | undefined,
    build: () => Promise<CachedResponse>,
  ): Promise<CachedResponse> {
    if (!key) return build();
    const pending = building.get(key);
    if (pending) return pending;
    const promise = build()
      .then(async (built) => {
        await store
          .set(key, `${built.etag}\n${built.body}`, ttlMs)
          .catch((error: Error) => logger.warn({ err: error.message }, "public cache write failed"));
        return built;
      })
      .finally(() => building.delete(key));
    building.set(key, promise);
    return promise;
  }

  return {
    /** The cached response for `name`, if there is one; never builds (the fast path asks this). */
    async peek(name: string): Promise<CachedResponse | undefined> {
      if (!enabled) return undefined;
      return (await lookup(name).catch(() => undefined))?.hit;
    },

    /** The cached response for `name`, or the one `build` makes (once, however many ask at the same time). */
    async get(name: string, build: () => Promise<CachedResponse>): Promise<CachedResponse> {
      if (!enabled) return build();
      let key: string | undefined;
      try {
        const found = await lookup(name);
        if (found.hit) return found.hit;
        key = found.key;
      } catch (error) {
        logger.debug({ err: (error as Error).message }, "public cache unavailable; reading the database");
      }
      return buildOnce(key, build);
    },

    /** Call after every committed write that changes what public reads return. */
    async invalidate(): Promise<void> {
      try {
        await store.incr(VERSION_KEY);
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
