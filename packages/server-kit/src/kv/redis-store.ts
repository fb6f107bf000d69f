import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import type { KeyValueStore } from "./store.ts";

// The increment and the window's expiry in one round trip, atomically.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

// The version and the entry under it in one round trip. The entry's key prefix is passed as a
// key (KEYS[2]) so that the client's own key prefix is applied to it as to KEYS[1].
const GET_VERSIONED_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
return { version, redis.call('GET', KEYS[2] .. version .. ARGV[1]) }`;

type RedisWithHit = Redis & {
  sharehoodHit(key: string, windowMs: number, increment: number): Promise<[number, number]>;
  sharehoodGetVersioned(
    versionKey: string,
    keyPrefix: string,
    keySuffix: string,
  ): Promise<[string, string | null]>;
};

/**
 * Redis-backed store. Commands fail fast (no offline queue, short timeout) so that a Redis
 * outage degrades a request instead of hanging it; the connection retries in the background.
 */
export class RedisStore implements KeyValueStore {
  readonly kind = "redis" as const;
  readonly #client: RedisWithHit;
  readonly #subscriber: Redis;
  readonly #channelPrefix: string;
  readonly #handlers = new Map<string, Set<(message: string) => void>>();
  readonly #reconnectListeners: (() => void)[] = [];

  constructor(options: { url: string; keyPrefix: string; channelPrefix: string; logger: Logger }) {
    const common = {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 1_000),
    };
    this.#client = new Redis(options.url, {
      ...common,
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: false,
      // Redis answers in well under a millisecond; a command that takes this long means a hung
      // server, and the caller's fallback (the database) is better than waiting.
      commandTimeout: 250,
    }) as RedisWithHit;
    this.#client.defineCommand("sharehoodHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.#client.defineCommand("sharehoodGetVersioned", { numberOfKeys: 2, lua: GET_VERSIONED_SCRIPT });
    // The subscriber keeps its offline queue: subscriptions made while Redis is down apply on reconnect.
    this.#subscriber = new Redis(options.url, common);
    this.#channelPrefix = options.channelPrefix;
    let down = false;
    for (const connection of [this.#client, this.#subscriber]) {
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

  /** Connects both connections; a Redis that is down now is not fatal (readiness reports it). */
  async connect(): Promise<void> {
    await Promise.all([this.#client.connect(), this.#subscriber.connect()]).catch(() => undefined);
  }

  async get(key: string): Promise<string | null> {
    return this.#client.get(key);
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

  async getVersioned(
    versionKey: string,
    keyPrefix: string,
    keySuffix: string,
  ): Promise<{ version: string; value: string | null }> {
    const [version, value] = await this.#client.sharehoodGetVersioned(versionKey, keyPrefix, keySuffix);
    return { version, value };
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
    return Promise.resolve();
  }
}
