/**
 * The cache / pub-sub / rate-limit interface both services use. Redis backs it in real
 * deployments; an in-process implementation backs it on the embedded default.
 */
export interface KeyValueStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  /** Sets a value, expiring after `ttlMs` when given. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets a value only if the key is absent; true when it was set. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
  /**
   * Reads a versioned entry in one round trip: the counter at `versionKey` (0 when absent) and
   * the value at `${keyPrefix}${version}${keySuffix}` under that version.
   */
  getVersioned(
    versionKey: string,
    keyPrefix: string,
    keySuffix: string,
  ): Promise<{ version: string; value: string | null }>;
  /** Increments a counter that never expires and answers its new value. */
  incr(key: string): Promise<number>;
  /** Calls `listener` each time the connection comes back after an outage (never, in-process). */
  onReconnect(listener: () => void): void;
  /**
   * Adds `increment` to a fixed-window counter (0 reads it) and answers the count and the time
   * left in the window. The first hit starts the window.
   */
  hit(key: string, windowMs: number, increment?: number): Promise<{ count: number; resetInMs: number }>;
  publish(channel: string, message: string): Promise<void>;
  /** Subscribes to a channel; the returned function unsubscribes. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
