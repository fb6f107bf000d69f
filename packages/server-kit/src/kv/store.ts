/**
 * The cache / pub-sub / rate-limit interface both services use. Redis backs it in real
 * deployments; an in-process implementation backs it on the embedded default.
 */
export interface KeyValueStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  /** Reads several keys in one round trip; `null` for each one absent. */
  getMany(keys: string[]): Promise<(string | null)[]>;
  /** Sets a value, expiring after `ttlMs` when given. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets a value only if the key is absent; true when it was set. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
  /**
   * Sets `key` only while the counter at `versionKey` is still `version` (0 when absent), and
   * records it in the index at `indexKey`; true when it was set. With `bumpVersion`, this keeps
   * an entry built from data older than the last bump from ever being stored.
   */
  setIfVersion(
    versionKey: string,
    version: string,
    indexKey: string,
    key: string,
    value: string,
    ttlMs: number,
  ): Promise<boolean>;
  /** Increments the counter at `versionKey` and deletes every key recorded in the index at `indexKey`. */
  bumpVersion(versionKey: string, indexKey: string): Promise<void>;
  /** Increments a counter that never expires and answers its new value. */
  incr(key: string): Promise<number>;
  /** Calls `listener` each time the connection comes back after an outage (never, in-process). */
  onReconnect(listener: () => void): void;
  /**
   * Adds `increment` to a fixed-window counter (0 reads it) and answers the count and the time
   * left in the window. The first hit starts the window.
   */
  hit(key: string, windowMs: number, increment?: number): Promise<{ count: number; resetInMs: number }>;
  /**
   * Publishes a message to every subscriber of the channel, and keeps it in the channel's log for
   * a while, so a subscriber that was disconnected gets it when it is back.
   */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Subscribes to a channel; the returned function unsubscribes. Delivery is at least once: after
   * an outage of the subscription, the messages published meanwhile are delivered from the log
   * (some may come twice), so handlers must be idempotent.
   */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
