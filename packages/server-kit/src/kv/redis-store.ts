import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import type { KeyValueStore } from "./store.ts";

// The increment and the window's expiry in one round trip, atomically.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

// A versioned write and a version bump, each atomic. Keys reach the scripts as KEYS, so the
// client's key prefix applies to them; the index records the prefixed names UNLINK needs. The
// index expires with its newest entry, so it never outlives what it lists.
const SET_IF_VERSION_SCRIPT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3])
redis.call('SADD', KEYS[2], KEYS[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1`;
const BUMP_VERSION_SCRIPT = `
redis.call('INCR', KEYS[1])
local keys = redis.call('SMEMBERS', KEYS[2])
for i = 1, #keys, 500 do redis.call('UNLINK', unpack(keys, i, math.min(i + 499, #keys))) end
redis.call('DEL', KEYS[2])
return #keys`;

type RedisWithHit = Redis & {
  sharehoodHit(key: string, windowMs: number, increment: number): Promise<[number, number]>;
  sharehoodSetIfVersion(
    versionKey: string,
    indexKey: string,
    key: string,
    version: string,
    value: string,
    ttlMs: number,
  ): Promise<number>;
  sharehoodBumpVersion(versionKey: string, indexKey: string): Promise<number>;
};

/** How many messages a channel's log keeps (about): enough for any outage worth replaying. */
const LOG_MAX_LENGTH = 10_000;
/**
 * How far before the moment an outage was noticed the replay starts. The connection may have
 * been lost a little before the client noticed; a message replayed twice is harmless.
 */
const REPLAY_MARGIN_MS = 30_000;
const RESUBSCRIBE_SETTLE_MS = 100;

/**
 * Redis-backed store. Commands fail fast (no offline queue, short timeout) so that a Redis
 * outage degrades a request instead of hanging it; the connection retries in the background.
 */
export class RedisStore implements KeyValueStore {
  readonly kind = "redis" as const;
  readonly #client: RedisWithHit;
  readonly #subscriber: Redis;
  /** Channel logs live under the namespace (not the service's prefix): every service reads them. */
  readonly #logs: Redis;
  readonly #channelPrefix: string;
  readonly #logger: Logger;
  readonly #handlers = new Map<string, Set<(message: string) => void>>();
  readonly #reconnectListeners: (() => void)[] = [];

  constructor(options: { url: string; keyPrefix: string; channelPrefix: string; logger: Logger }) {
    const common = {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 1_000),
    };
    // Named, so CLIENT LIST tells which service and which role each connection has.
    const named = (role: string) => ({ connectionName: `${options.keyPrefix}${role}` });
    this.#client = new Redis(options.url, {
      ...common,
      ...named("client"),
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: false,
      // Redis answers in well under a millisecond; a command that takes this long means a hung
      // server, and the caller's fallback (the database) is better than waiting.
      commandTimeout: 250,
    }) as RedisWithHit;
    this.#client.defineCommand("sharehoodHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.#client.defineCommand("sharehoodSetIfVersion", { numberOfKeys: 3, lua: SET_IF_VERSION_SCRIPT });
    this.#client.defineCommand("sharehoodBumpVersion", { numberOfKeys: 2, lua: BUMP_VERSION_SCRIPT });
    // The subscriber keeps its offline queue: subscriptions made while Redis is down apply on reconnect.
    this.#subscriber = new Redis(options.url, { ...common, ...named("subscriber") });
    this.#logs = new Redis(options.url, {
      ...common,
      ...named("logs"),
      keyPrefix: options.channelPrefix,
      enableOfflineQueue: false,
      commandTimeout: 1_000,
    });
    this.#channelPrefix = options.channelPrefix;
    this.#logger = options.logger;
    this.#watchSubscription();
    let down = false;
    for (const connection of [this.#client, this.#subscriber, this.#logs]) {
      connection.on("error", (error: Error) => {
        if (!down) options.logger.warn({ err: error.message }, "redis unavailable; retrying");
        down = true;
      });
      connection.on("ready", () => {
        if (down) {
          options.logger.info("redis reconnected");
          for (const listener of this.#reconnectListeners) listener();
        }
        down = false;
      });
    }
    this.#subscriber.on("message", (channel: string, message: string) => {
      for (const handler of this.#handlers.get(channel) ?? []) handler(message);
    });
  }

  /** Connects every connection; a Redis that is down now is not fatal (readiness reports it). */
  async connect(): Promise<void> {
    await Promise.all([this.#client.connect(), this.#subscriber.connect(), this.#logs.connect()]).catch(
      () => undefined,
    );
  }

  /**
   * Pub/sub forgets what it could not deliver. When the subscription comes back after an outage,
   * each subscribed channel's log is read from a little before the outage was noticed.
   */
  #watchSubscription(): void {
    let downSince: number | undefined;
    this.#subscriber.on("close", () => {
      downSince ??= Date.now();
    });
    this.#subscriber.on("ready", () => {
      if (downSince === undefined) return;
      const from = downSince - REPLAY_MARGIN_MS;
      downSince = undefined;
      // ioredis sends the resubscriptions right after "ready"; reading the log a moment later
      // leaves no gap between what the log gives and what the subscription delivers.
      setTimeout(() => void this.#replay(from), RESUBSCRIBE_SETTLE_MS).unref();
    });
  }

  async #replay(fromMs: number): Promise<void> {
    for (const [name, handlers] of this.#handlers) {
      try {
        const entries = await this.#logs.xrange(
          `${name.slice(this.#channelPrefix.length)}:log`,
          `${fromMs}`,
          "+",
        );
        for (const [, fields] of entries) {
          const message = fields[fields.indexOf("m") + 1];
          if (message !== undefined) for (const handler of handlers) handler(message);
        }
        if (entries.length > 0)
          this.#logger.info({ channel: name, replayed: entries.length }, "replayed missed messages");
      } catch (error) {
        this.#logger.warn(
          { err: (error as Error).message, channel: name },
          "could not replay missed messages",
        );
      }
    }
  }

  async get(key: string): Promise<string | null> {
    return this.#client.get(key);
  }

  async getMany(keys: string[]): Promise<(string | null)[]> {
    return keys.length === 0 ? [] : this.#client.mget(...keys);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs) await this.#client.set(key, value, "PX", Math.max(1, Math.round(ttlMs)));
    else await this.#client.set(key, value);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.#client.set(key, value, "PX", Math.max(1, Math.round(ttlMs)), "NX")) === "OK";
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.#client.del(...keys);
  }

  async setIfVersion(
    versionKey: string,
    version: string,
    indexKey: string,
    key: string,
    value: string,
    ttlMs: number,
  ): Promise<boolean> {
    const ttl = Math.max(1, Math.round(ttlMs));
    return (await this.#client.sharehoodSetIfVersion(versionKey, indexKey, key, version, value, ttl)) === 1;
  }

  async bumpVersion(versionKey: string, indexKey: string): Promise<void> {
    await this.#client.sharehoodBumpVersion(versionKey, indexKey);
  }

  async incr(key: string): Promise<number> {
    return this.#client.incr(key);
  }

  onReconnect(listener: () => void): void {
    this.#reconnectListeners.push(listener);
  }

  async hit(key: string, windowMs: number, increment = 1): Promise<{ count: number; resetInMs: number }> {
    const [count, ttl] = await this.#client.sharehoodHit(key, windowMs, increment);
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }

  async publish(channel: string, message: string): Promise<void> {
    // The log first: a subscriber that misses the live message finds it there when it is back.
    await this.#logs.xadd(`${channel}:log`, "MAXLEN", "~", LOG_MAX_LENGTH, "*", "m", message);
    await this.#client.publish(this.#channelPrefix + channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    const name = this.#channelPrefix + channel;
    const handlers = this.#handlers.get(name) ?? new Set();
    this.#handlers.set(name, handlers);
    handlers.add(onMessage);
    if (handlers.size === 1) await this.#subscriber.subscribe(name);
    return async () => {
      handlers.delete(onMessage);
      if (handlers.size === 0) await this.#subscriber.unsubscribe(name).catch(() => undefined);
    };
  }

  async ping(): Promise<void> {
    await this.#client.ping();
  }

  async close(): Promise<void> {
    this.#client.disconnect();
    this.#subscriber.disconnect();
    this.#logs.disconnect();
    return Promise.resolve();
  }
}
