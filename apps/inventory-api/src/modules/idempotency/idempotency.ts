import { createHash } from "node:crypto";
import { AppError, PreparedResponse, type IdempotentHook } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import type { IdempotencyRepository } from "./idempotency.repository.ts";

const REPLAY_WINDOW_MS = 24 * 3600 * 1000;
// A first request that has not finished in this long died with its process; a retry may take over.
const ABANDONED_AFTER_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` for creating POSTs: the first request with a key runs and its answer is kept;
 * a retry with the same key and body within 24 hours gets that answer again, creating nothing; the
 * same key with another body is 422; a retry while the first is still running is 409. Keys are
 * scoped to the caller and the route. Records live in PostgreSQL, so they survive a Redis outage.
 * The route mounter applies it to the routes the contract declares `idempotent`.
 */
export function createIdempotency(repo: IdempotencyRepository): IdempotentHook<Caller> {
  return async function idempotent({ route, caller, scope, body, req }, run) {
    // Keys are scoped to the caller, so only bearer routes can be idempotent.
    if (!caller) throw new Error(`${scope} is declared idempotent but has no caller`);
    const options = {
      callerId: caller.user.id,
      scope,
      key: req.get("idempotency-key"),
      request: body,
      status: route.status,
    };
    if (options.key === undefined) return run();
    if (!KEY_PATTERN.test(options.key)) {
      throw new AppError("validation_failed", "The Idempotency-Key header is not valid", {
        errors: [{ path: "headers.idempotency-key", message: "must be 1 to 200 visible ASCII characters" }],
      });
    }
    const id = { callerId: options.callerId, scope: options.scope, key: options.key };
    const requestHash = createHash("sha256").update(JSON.stringify(options.request)).digest("hex");

    if (!(await repo.claim(id, requestHash))) {
      const existing = await repo.find(id);
      const age = existing ? Date.now() - existing.createdAt.getTime() : Infinity;
      const expired = age > REPLAY_WINDOW_MS;
      if (existing && !expired && existing.requestHash !== requestHash) {
        throw new AppError(
          "unprocessable",
          "This Idempotency-Key was already used with a different request body",
        );
      }
      if (existing && !expired && existing.responseStatus !== null) {
        return new PreparedResponse(existing.responseStatus, JSON.stringify(existing.responseBody), {
          "idempotent-replayed": "true",
        });
      }
      const abandoned = existing && existing.responseStatus === null && age > ABANDONED_AFTER_MS;
      const olderThan = new Date(Date.now() - (expired ? REPLAY_WINDOW_MS : ABANDONED_AFTER_MS));
      if (
        !(existing
          ? (expired || abandoned) && (await repo.reclaim(id, requestHash, olderThan))
          : await repo.claim(id, requestHash))
      ) {
        throw new AppError(
          "conflict",
          "A request with this Idempotency-Key is still being processed; retry in a moment",
        );
      }
    }

    try {
      const result = await run();
      await repo.complete(id, options.status, result);
      return result;
    } catch (error) {
      // A failed first attempt leaves nothing behind, so a retry runs again.
      await repo.release(id).catch(() => undefined);
      throw error;
    }
  };
}

/** Forgets keys past their replay window (a single idempotent statement, safe on every replica). */
export async function purgeExpiredKeys(repo: IdempotencyRepository): Promise<void> {
  await repo.purgeOlderThan(new Date(Date.now() - REPLAY_WINDOW_MS));
}
