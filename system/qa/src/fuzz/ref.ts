/** Pools of live values the fuzzer learns while it runs: ids, tokens, cursors. */
export type PoolName =
  | "itemId"
  | "loanId"
  | "conversationId"
  | "userId"
  | "photoId"
  | "principalId"
  | "email"
  | "category"
  | "accessToken"
  | "refreshToken"
  | "notificationId"
  | "reviewId"
  | "reportId"
  | "reportSubjectId"
  | "unsubscribeToken"
  | "verifyToken"
  | "resetToken"
  | `cursor:${string}`;

/**
 * A placeholder for a value that only exists at send time (the id of an item created a moment ago,
 * a token that still works). Generation stays deterministic: `pick` is drawn by fast-check and
 * chooses from the pool as it is when the request goes out.
 */
export class Ref {
  constructor(
    readonly pool: PoolName,
    readonly pick: number,
  ) {}
}

/** Replaces every Ref inside a value with what `resolve` answers. */
export function materialise(value: unknown, resolve: (ref: Ref) => string): unknown {
  if (value instanceof Ref) return resolve(value);
  if (Array.isArray(value)) return value.map((v) => materialise(v, resolve));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, so a generated "__proto__" key stays an own property and is sent as such
      Object.defineProperty(out, k, {
        value: materialise(v, resolve),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
