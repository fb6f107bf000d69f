import { ApiError, type CreateItemBody } from "@sharehood/sdk";
import { expect } from "vitest";

let counter = 0;

/** A valid item body; titles are unique so searches in one test do not see another's items. */
export function newItem(overrides: Partial<CreateItemBody> = {}): CreateItemBody {
  counter += 1;
  return {
    title: `Cordless drill ${counter}`,
    description: "An 18V drill with two batteries and a case of bits.",
    categoryId: "tools",
    condition: "good",
    location: "Elm Street",
    ...overrides,
  };
}

/** A date `days` from today (UTC), as `YYYY-MM-DD`. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

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
