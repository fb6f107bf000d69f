import { describe, expect, it } from "vitest";
import { createClient, type ClientOptions } from "./create-client.ts";
import {
  ApiConnectionError,
  ApiError,
  SharehoodAbortError,
  SharehoodApiError,
  SharehoodConnectionError,
  SharehoodError,
  SharehoodNetworkError,
  SharehoodTimeoutError,
} from "./errors.ts";
import { backoffDelay, parseRetryAfter } from "./retry.ts";
import { testItem } from "./test-item.ts";

type Call = { url: string; init: RequestInit };
type Answer = Response | Error | "hang";

const problem = (status: number, code: string) => ({
  type: "about:blank",
  title: "Problem",
  status,
  detail: `status ${status}`,
  code,
  requestId: "rid-1",
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": "rid-1", ...headers },
  });
const page = () => json(200, { items: [], nextCursor: null });
const fail = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, problem(status, code), headers);

/**
 * A client whose fetch answers from a script, one answer per attempt ("hang" waits for the abort),
 * and whose back-off is recorded instead of waited out.
 */
function scripted(answers: Answer[], options: Partial<ClientOptions> = {}) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const fetch = ((input: string | URL, init?: RequestInit) => {
    calls.push({ url: input.toString(), init: init ?? {} });
    const answer = answers.shift() ?? new Error("script ran out");
    if (answer === "hang")
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  }) as typeof globalThis.fetch;
  const client = createClient({
    baseUrl: "http://api.test",
    fetch,
    token: "tok",
    ...options,
    retryPolicy: {
      sleep: (ms, signal) => {
        sleeps.push(ms);
        return signal?.aborted ? Promise.reject(signal.reason as Error) : Promise.resolve();
      },
      random: () => 0.5,
      now: () => Date.parse("2026-01-01T00:00:00Z"),
      ...options.retryPolicy,
    },
  });
  const header = (call: Call | undefined, name: string) =>
    (call?.init.headers as Record<string, string>)[name];
  return { calls, sleeps, client, header };
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("retries", () => {
  it("retries a GET after network errors and 502/503/504/408/429, three times by default, with doubling back-off", async () => {
    const { calls, sleeps, client } = scripted([
      new TypeError("fetch failed"),
      fail(503, "dependency_unavailable"),
      fail(502, "internal"),
      page(),
    ]);
    expect(await client.categories.list({})).toEqual({ items: [], nextCursor: null });
    expect(calls).toHaveLength(4);
    // random() = 0.5: half of 200, 400, 800.
    expect(sleeps).toEqual([100, 200, 400]);

    for (const status of [408, 429, 504]) {
      const again = scripted([fail(status, "internal"), page()]);
      await again.client.categories.list({});
      expect(again.calls).toHaveLength(2);
    }
  });

  it("gives up after the last retry with the last error", async () => {
    const { calls, client } = scripted(Array.from({ length: 4 }, () => fail(503, "dependency_unavailable")));
    const error = (await caught(client.categories.list({}))) as SharehoodApiError;
    expect(error).toBeInstanceOf(SharehoodApiError);
    expect(error.status).toBe(503);
    expect(calls).toHaveLength(4);
  });

  it("never retries a 400, 401, 404, 409 or 500", async () => {
    for (const [status, code] of [
      [400, "validation_failed"],
      [401, "unauthenticated"],
      [404, "not_found"],
      [409, "conflict"],
      [500, "internal"],
    ] as const) {
      const { calls, client } = scripted([fail(status, code), page()]);
      const error = (await caught(client.categories.list({}))) as SharehoodApiError;
      expect(error.status).toBe(status);
      expect(calls).toHaveLength(1);
    }
  });

  it("keeps each jittered wait between 0 and min(cap, base * 2^n)", () => {
    const policy = { baseDelayMs: 200, maxDelayMs: 5_000 };
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const ceiling = Math.min(5_000, 200 * 2 ** attempt);
      expect(backoffDelay(attempt, { ...policy, random: () => 0 })).toBe(0);
      expect(backoffDelay(attempt, { ...policy, random: () => 0.999_999 })).toBeLessThan(ceiling);
      expect(backoffDelay(attempt, { ...policy, random: () => 0.999_999 })).toBeGreaterThanOrEqual(
        ceiling - 1,
      );
      const drawn = backoffDelay(attempt, { ...policy, random: Math.random });
      expect(drawn).toBeGreaterThanOrEqual(0);
      expect(drawn).toBeLessThan(ceiling);
    }
  });

  it("waits out Retry-After on a 429 or 503, but answers at once when it asks for more than the cap", async () => {
    const seconds = scripted([fail(429, "rate_limited", { "retry-after": "2" }), page()]);
    await seconds.client.categories.list({});
    expect(seconds.sleeps).toEqual([2_000]);

    const date = scripted([
      fail(503, "dependency_unavailable", { "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }),
      page(),
    ]);
    await date.client.categories.list({});
    expect(date.sleeps).toEqual([3_000]);

    const long = scripted([fail(429, "rate_limited", { "retry-after": "60" }), page()]);
    const error = (await caught(long.client.categories.list({}))) as SharehoodApiError;
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBe(60);
    expect(long.calls).toHaveLength(1);
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
  });

  it("honours retries per client and per request, 0 meaning one attempt", async () => {
    const perClient = scripted([fail(503, "dependency_unavailable"), page()], { retries: 0 });
    await caught(perClient.client.categories.list({}));
    expect(perClient.calls).toHaveLength(1);

    const perRequest = scripted(
      [fail(503, "dependency_unavailable"), fail(503, "dependency_unavailable"), page()],
      { retries: 0 },
    );
    await perRequest.client.categories.list({}, { retries: 2 });
    expect(perRequest.calls).toHaveLength(3);
  });

  it("retries a POST on a route that takes an Idempotency-Key, with one generated key sent on every attempt", async () => {
    const { calls, client, header } = scripted([
      new TypeError("socket hang up"),
      fail(503, "dependency_unavailable"),
      json(201, testItem()),
    ]);
    expect(await client.items.create({ body: {} as never })).toMatchObject({ id: "item1" });
    expect(calls).toHaveLength(3);
    const key = header(calls[0], "idempotency-key");
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls.map((call) => header(call, "idempotency-key"))).toEqual([key, key, key]);

    const another = scripted([json(201, testItem())]);
    await another.client.items.create({ body: {} as never });
    expect(header(another.calls[0], "idempotency-key")).not.toBe(key);

    const given = scripted([fail(502, "internal"), json(201, testItem())]);
    await given.client.items.create({ body: {} as never }, { idempotencyKey: "mine" });
    expect(given.calls.map((call) => header(call, "idempotency-key"))).toEqual(["mine", "mine"]);
  });

  it("never retries a write without an Idempotency-Key, and sends no made-up key when retries are off", async () => {
    const approve = scripted([fail(503, "dependency_unavailable"), page()]);
    await caught(approve.client.loans.approve({ params: { id: "l1" } }));
    expect(approve.calls).toHaveLength(1);
    expect(approve.header(approve.calls[0], "idempotency-key")).toBeUndefined();

    const network = scripted([new TypeError("fetch failed")]);
    expect(await caught(network.client.loans.approve({ params: { id: "l1" } }))).toBeInstanceOf(
      SharehoodNetworkError,
    );
    expect(network.calls).toHaveLength(1);

    const keyed = scripted([fail(503, "dependency_unavailable"), fail(503, "dependency_unavailable")]);
    await caught(keyed.client.loans.approve({ params: { id: "l1" } }, { idempotencyKey: "k", retries: 1 }));
    expect(keyed.calls).toHaveLength(2);

    const off = scripted([json(201, testItem())], { retries: 0 });
    await off.client.items.create({ body: {} as never });
    expect(off.header(off.calls[0], "idempotency-key")).toBeUndefined();
  });
});

describe("timeouts and abort", () => {
  it("times each attempt out, retries it, and throws a SharehoodTimeoutError at the end", async () => {
    const { calls, client } = scripted(["hang", "hang"], { timeoutMs: 5, retries: 1 });
    const error = (await caught(client.categories.list({}))) as SharehoodTimeoutError;
    expect(error).toBeInstanceOf(SharehoodTimeoutError);
    expect(error).toBeInstanceOf(SharehoodConnectionError);
    expect(error.kind).toBe("timeout");
    expect(error.isTimeout).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it("stops at once when the caller aborts, and never retries after it", async () => {
    const controller = new AbortController();
    const { calls, client } = scripted(["hang", page()]);
    const pending = caught(client.categories.list({}, { signal: controller.signal }));
    await expect.poll(() => calls.length).toBe(1);
    controller.abort(new Error("user left"));
    const error = (await pending) as SharehoodAbortError;
    expect(error).toBeInstanceOf(SharehoodAbortError);
    expect(error.kind).toBe("aborted");
    expect((error.cause as Error).message).toBe("user left");
    expect(calls).toHaveLength(1);
  });

  it("cancels the wait before a retry when the caller aborts during the back-off", async () => {
    const controller = new AbortController();
    const { calls, client } = scripted([fail(503, "dependency_unavailable"), page()], {
      retryPolicy: {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener("abort", () => reject(signal.reason as Error));
            controller.abort();
          }),
      },
    });
    const error = await caught(client.categories.list({}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(SharehoodAbortError);
    expect(calls).toHaveLength(1);
  });

  it("does not even start a request whose signal has already aborted", async () => {
    const { calls, client } = scripted([page()]);
    const error = await caught(client.categories.list({}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(SharehoodAbortError);
    expect(calls).toHaveLength(0);
  });
});

describe("typed errors", () => {
  it("carry the problem's status, code, title, detail and request id, one hierarchy for instanceof", async () => {
    const { client } = scripted([fail(404, "not_found")]);
    const error = (await caught(client.items.get({ params: { id: "nope" } }))) as SharehoodApiError;
    expect(error).toBeInstanceOf(SharehoodApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(SharehoodError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SharehoodConnectionError);
    expect({
      status: error.status,
      code: error.code,
      title: error.title,
      detail: error.detail,
      requestId: error.requestId,
      message: error.message,
      name: error.name,
    }).toEqual({
      status: 404,
      code: "not_found",
      title: "Problem",
      detail: "status 404",
      requestId: "rid-1",
      message: "status 404",
      name: "SharehoodApiError",
    });
    expect(error.problem).toEqual(problem(404, "not_found"));

    const network = scripted([new TypeError("ECONNREFUSED")], { retries: 0 });
    const failure = (await caught(network.client.categories.list({}))) as SharehoodNetworkError;
    expect(failure).toBeInstanceOf(SharehoodNetworkError);
    expect(failure).toBeInstanceOf(ApiConnectionError);
    expect(failure).toBeInstanceOf(SharehoodError);
    expect(failure).not.toBeInstanceOf(SharehoodApiError);
    expect({ kind: failure.kind, isTimeout: failure.isTimeout }).toEqual({
      kind: "network",
      isTimeout: false,
    });
    expect((failure.cause as Error).message).toBe("ECONNREFUSED");
  });

  it("keep the ApiConnectionError constructor callers already use", () => {
    const error = new ApiConnectionError("refused", { isTimeout: true });
    expect(error).toBeInstanceOf(SharehoodConnectionError);
    expect(error.kind).toBe("timeout");
  });
});
