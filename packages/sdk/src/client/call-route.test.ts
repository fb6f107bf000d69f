import { describe, expect, it } from "vitest";
import { createClient } from "./create-client.ts";
import { ApiConnectionError, ApiError } from "./errors.ts";

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch = (input: string | URL, init?: RequestInit) => {
    const call = { url: input.toString(), init: init ?? {} };
    calls.push(call);
    return Promise.resolve(respond(call));
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type, "x-request-id": "rid" } });

const user = {
  id: "u1",
  email: "a@example.com",
  name: "A",
  role: "user",
  emailVerified: false,
  bio: null,
  neighbourhood: null,
  avatarUrl: null,
  suspension: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("the SDK client", () => {
  it("builds URLs from the contract, encoding path params and skipping empty query values", async () => {
    const { calls, fetch } = fakeFetch(() => json(200, { items: [], nextCursor: null }));
    const client = createClient({ userApiUrl: "http://users.test/", fetch, token: "tok" });
    await client.users.list({ query: { q: "a b", limit: 5, cursor: undefined } });
    expect(calls[0]?.url).toBe("http://users.test/users?q=a+b&limit=5");
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBe("Bearer tok");
    const single = fakeFetch(() =>
      json(200, {
        id: "u1",
        name: "N",
        createdAt: user.createdAt,
        bio: null,
        neighbourhood: null,
        avatarUrl: null,
        emailVerified: false,
      }),
    );
    await createClient({ userApiUrl: "http://users.test", fetch: single.fetch }).users.get({
      params: { id: "x/y" },
    });
    expect(single.calls[0]?.url).toBe("http://users.test/users/x%2Fy");
  });

  it("leaves out a body the route lets be left out (an admin's optional reason), and sends one given", async () => {
    const { calls, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createClient({ inventoryApiUrl: "http://inv", fetch, token: "t" });
    await client.items.delete({ params: { id: "i1" } });
    await client.items.delete({ params: { id: "i2" }, body: { reason: "Spam" } });
    expect(calls.map((call) => call.init.body)).toEqual([undefined, JSON.stringify({ reason: "Spam" })]);
  });

  it("sends JSON bodies and parses the response with the contract", async () => {
    const { calls, fetch } = fakeFetch(() => json(200, user));
    const me = await createClient({ userApiUrl: "http://u", fetch, token: () => "t" }).users.updateMe({
      body: { name: "A" },
    });
    expect(me.email).toBe("a@example.com");
    expect(calls[0]?.init.method).toBe("PATCH");
    expect(calls[0]?.init.body).toBe('{"name":"A"}');
  });

  it("throws a typed ApiError carrying the problem body and Retry-After", async () => {
    const problem = {
      type: "urn:x",
      title: "Too many",
      status: 429,
      detail: "slow down",
      code: "rate_limited",
      requestId: "rid",
    };
    const { fetch } = fakeFetch(
      () => new Response(JSON.stringify(problem), { status: 429, headers: { "retry-after": "7" } }),
    );
    const error = (await createClient({ userApiUrl: "http://u", fetch })
      .auth.login({ body: { email: "a@example.com", password: "x" } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBe(7);
    expect(error.problem).toEqual(problem);
  });

  it("refuses a success response that breaks the contract", async () => {
    const { fetch } = fakeFetch(() => json(200, { id: 1 }));
    const error = await createClient({ userApiUrl: "http://u", fetch })
      .users.getMe({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
  });

  it("reports an unreachable API as an ApiConnectionError", async () => {
    const client = createClient({ userApiUrl: "http://127.0.0.1:9", timeoutMs: 2_000, retries: 0 });
    const error = await client.users.getMe({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as ApiConnectionError).isTimeout).toBe(false);
  });

  it("reports a slow API as a timeout", async () => {
    const fetch = ((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
      )) as unknown as typeof globalThis.fetch;
    const error = await createClient({ userApiUrl: "http://u", fetch, timeoutMs: 20, retries: 0 })
      .users.getMe({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as ApiConnectionError).isTimeout).toBe(true);
  });
});
