import { EventEmitter } from "node:events";
import type { KeyValueStore } from "./store.ts";

interface Entry {
  value: string;
  expiresAt: number;
}

// One bus per process, so that two services embedded in one process (tests, `npm start` on the
// embedded default) see each other's messages the way they would through Redis.
const bus = new EventEmitter().setMaxListeners(0);

/** The in-process store used when no REDIS_URL is configured. */
export class MemoryStore implements KeyValueStore {
  readonly kind = "memory" as const;
  readonly #entries = new Map<string, Entry>();
  readonly #indexes = new Map<string, Set<string>>();
  readonly #prefix: string;
  readonly #channelPrefix: string;

  constructor(options: { keyPrefix: string; channelPrefix: string }) {
    this.#prefix = options.keyPrefix;
    this.#channelPrefix = options.channelPrefix;
  }

  #read(key: string): Entry | undefined {
    const entry = this.#entries.get(this.#prefix + key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.#entries.delete(this.#prefix + key);
      return undefined;
    }
    return entry;
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.#read(key)?.value ?? null);
  }

  getMany(keys: string[]): Promise<(string | null)[]> {
    return Promise.resolve(keys.map((key) => this.#read(key)?.value ?? null));
  }

  set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.#entries.set(this.#prefix + key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Infinity });
    return Promise.resolve();
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.#read(key)) return Promise.resolve(false);
    this.#entries.set(this.#prefix + key, { value, expiresAt: Date.now() + ttlMs });
    return Promise.resolve(true);
  }

  del(...keys: string[]): Promise<void> {
    for (const key of keys) this.#entries.delete(this.#prefix + key);
    return Promise.resolve();
  }

  setIfVersion(
    versionKey: string,
    version: string,
    indexKey: string,
    key: string,
    value: string,
    ttlMs: number,
  ): Promise<boolean> {
    if ((this.#read(versionKey)?.value ?? "0") !== version) return Promise.resolve(false);
    this.#entries.set(this.#prefix + key, { value, expiresAt: Date.now() + ttlMs });
    const index = this.#indexes.get(this.#prefix + indexKey) ?? new Set<string>();
    this.#indexes.set(this.#prefix + indexKey, index.add(key));
    // Without a bump for a long while, forget the names whose entries have expired.
    if (index.size > 10_000) for (const name of index) if (!this.#read(name)) index.delete(name);
    return Promise.resolve(true);
  }

  bumpVersion(versionKey: string, indexKey: string): Promise<void> {
    void this.incr(versionKey);
    for (const key of this.#indexes.get(this.#prefix + indexKey) ?? [])
      this.#entries.delete(this.#prefix + key);
    this.#indexes.delete(this.#prefix + indexKey);
    return Promise.resolve();
  }

  incr(key: string): Promise<number> {
    const value = Number(this.#read(key)?.value ?? 0) + 1;
    this.#entries.set(this.#prefix + key, { value: String(value), expiresAt: Infinity });
    return Promise.resolve(value);
  }

  onReconnect(): void {}

  hit(key: string, windowMs: number, increment = 1): Promise<{ count: number; resetInMs: number }> {
    const now = Date.now();
    const entry = this.#read(key) ?? { value: "0", expiresAt: now + windowMs };
    entry.value = String(Number(entry.value) + increment);
    this.#entries.set(this.#prefix + key, entry);
    return Promise.resolve({ count: Number(entry.value), resetInMs: entry.expiresAt - now });
  }

  publish(channel: string, message: string): Promise<void> {
    bus.emit(this.#channelPrefix + channel, message);
    return Promise.resolve();
  }

  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>> {
    const name = this.#channelPrefix + channel;
    bus.on(name, onMessage);
    return Promise.resolve(() => {
      bus.off(name, onMessage);
      return Promise.resolve();
    });
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#entries.clear();
    this.#indexes.clear();
    return Promise.resolve();
  }
}
