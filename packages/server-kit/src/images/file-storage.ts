/**
 * Where uploaded files (item photos, avatars) live. One small interface so the disk and any
 * S3-compatible store are interchangeable; keys look like `<photo key>/display.webp`.
 */
export interface FileStorage {
  /** Says where files go, for the start-up log. */
  readonly description: string;
  /** Stores bytes under a key, replacing what was there; a reader never sees a partial file. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes under a key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes a key; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

// Segments start with a letter or digit, so no key can climb out of its folder ("..") or be hidden.
const STORAGE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,3}$/;

/** Throws unless `key` is a safe storage key (a few `/`-separated segments of letters, digits, `._-`). */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new TypeError(`Not a valid storage key: ${JSON.stringify(key)}`);
}
