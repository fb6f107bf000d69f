import { ApiError } from "@sharehood/sdk";
import { expect, vi } from "vitest";

export { inDays, newItem } from "@sharehood/test-stack";

/** Awaits a call that must fail with an ApiError of this status and code; answers the error. */
export async function refused(promise: Promise<unknown>, status: number, code: string): Promise<ApiError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected ${status} ${code}, got success: ${JSON.stringify(value)?.slice(0, 200)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect({ status: (error as ApiError).status, code: (error as ApiError).code }).toEqual({ status, code });
  return error as ApiError;
}

/** A raw request, for what the SDK does not expose (headers, malformed bodies). */
export async function raw(url: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (typeof init.body === "string" && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return {
    status: res.status,
    headers: res.headers,
    body: body as Record<string, unknown> & { items?: unknown[] },
    text,
  };
}

/**
 * Watches the SQL the Inventory API runs through `db.$queryRaw`. The count leaves out what its
 * background work runs on the same client whenever it likes (the event relay's outbox queries, the
 * people copy taking in a new account's name), which has nothing to do with the request under test.
 */
export function watchRequestSql(db: { $queryRaw: (...args: never[]) => unknown }) {
  const spy = vi.spyOn(db, "$queryRaw");
  const background = /outbox_events|outbox_relay|INSERT INTO owners/;
  // A tagged template's strings, or a composed query's text.
  const text = (query: unknown) =>
    Array.isArray(query) ? query.join("?") : String((query as { sql?: unknown } | null)?.sql ?? query);
  return {
    count: () => spy.mock.calls.filter(([query]) => !background.test(text(query))).length,
    restore: () => spy.mockRestore(),
  };
}
