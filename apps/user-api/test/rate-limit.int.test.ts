import { clientAddressHeaders } from "@sharehood/sdk/client-address";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, newUser, register, startTestApi, type TestApi } from "./harness.ts";

const SERVICE_SECRET = "a-shared-service-secret-for-these-tests";
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("ratelimit", {
    LOGIN_MAX_FAILURES_PER_EMAIL: "3",
    LOGIN_MAX_FAILURES_PER_IP: "8",
    REGISTER_MAX_PER_IP: "6",
    SERVICE_SECRET,
    // Only loopback is a trusted proxy here, as by default; the signed header is the web app's way.
    TRUST_PROXY: "loopback",
  });
});
afterAll(() => t.close());

const login = (body: object, headers: Record<string, string> = {}) =>
  t.http.post("/auth/login").set(headers).send(body);

describe("rate limits", () => {
  it("answers 429 with Retry-After after repeated failed logins for one email, even with the right password", async () => {
    const user = await register(t.http);
    for (let i = 0; i < 3; i += 1) {
      expectProblem(
        await t.http.post("/auth/login").send({ email: user.user.email, password: "wrong password" }),
        401,
        "unauthenticated",
      );
    }
    const limited = await t.http
      .post("/auth/login")
      .send({ email: user.user.email, password: user.password });
    expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limits failures per IP across many emails", async () => {
    let last = 0;
    for (let i = 0; i < 10; i += 1) {
      last = (
        await t.http
          .post("/auth/login")
          .set("x-forwarded-for", "203.0.113.9")
          .send({ email: `nobody${i}@example.com`, password: "wrong password" })
      ).status;
    }
    expect(last).toBe(429);
    // Another address is unaffected.
    const other = await register(t.http);
    await t.http
      .post("/auth/login")
      .set("x-forwarded-for", "203.0.113.10")
      .send({ email: other.user.email, password: other.password })
      .expect(200);
  });

  it("limits registrations per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push(
        (await t.http.post("/auth/register").set("x-forwarded-for", "198.51.100.7").send(newUser())).status,
      );
    }
    expect(statuses.slice(0, 6).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it("lets 200 parallel guesses for one account reach the password check only as often as the limit allows", async () => {
    const user = await register(t.http);
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login(
          { email: user.user.email, password: `guess ${i}` },
          // Each from its own address, so only the per-account limit can stop them.
          clientAddressHeaders(SERVICE_SECRET, `192.0.2.${i % 250}`),
        ),
      ),
    );
    const statuses = guesses.map((res) => res.status);
    // A 401 means the password was compared; every other guess was refused before that.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(197);
  });

  it("counts the address the web app vouches for, and ignores one it did not sign", async () => {
    const victim = await register(t.http);
    const attacker = "203.0.113.66";
    const signed = (address: string) => clientAddressHeaders(SERVICE_SECRET, address);
    for (let i = 0; i < 8; i += 1)
      await login({ email: `ghost${i}@example.com`, password: "wrong password" }, signed(attacker));
    expectProblem(
      await login({ email: victim.user.email, password: victim.password }, signed(attacker)),
      429,
      "rate_limited",
    );
    // Someone else signing in through the same web server at the same moment is not affected.
    await login({ email: victim.user.email, password: victim.password }, signed("203.0.113.67")).expect(200);

    // A forged or stale signature is not believed: those requests count against the sender itself.
    const forged = { ...clientAddressHeaders("another secret that is long enough!!", "198.51.100.99") };
    const stale = clientAddressHeaders(SERVICE_SECRET, "198.51.100.98", Date.now() - 10 * 60_000);
    for (const headers of [forged, stale]) {
      const res = await login(
        { email: "nobody-here@example.com", password: "wrong password" },
        {
          ...headers,
          "x-forwarded-for": "198.51.100.50",
        },
      );
      expect(res.status).toBe(401);
    }
    // Both fell on 198.51.100.50 (the loopback proxy's word), not on the addresses they claimed.
    for (let i = 0; i < 6; i += 1)
      await login(
        { email: "nobody-here@example.com", password: "wrong" },
        { "x-forwarded-for": "198.51.100.50" },
      );
    expectProblem(
      await login({ email: "x@example.com", password: "wrong" }, { "x-forwarded-for": "198.51.100.50" }),
      429,
      "rate_limited",
    );
    await login({ email: "y@example.com", password: "wrong" }, signed("198.51.100.99")).expect(401);
  });
});

describe("rate limits while Redis is unreachable", () => {
  let down: TestApi;
  beforeAll(async () => {
    down = await startTestApi("ratelimit_down", {
      REDIS_URL: "redis://127.0.0.1:1",
      LOGIN_MAX_FAILURES_PER_EMAIL: "3",
    });
  });
  afterAll(() => down.close());

  it("keeps limiting sign-in failures in the process instead of letting every guess through", async () => {
    const user = await register(down.http);
    for (let i = 0; i < 3; i += 1)
      expectProblem(
        await down.http.post("/auth/login").send({ email: user.user.email, password: "wrong password" }),
        401,
        "unauthenticated",
      );
    expectProblem(
      await down.http.post("/auth/login").send({ email: user.user.email, password: user.password }),
      429,
      "rate_limited",
    );
  });
});
