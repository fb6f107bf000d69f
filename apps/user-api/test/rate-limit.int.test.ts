import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, newUser, register, startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("ratelimit", {
    LOGIN_MAX_FAILURES_PER_EMAIL: "3",
    LOGIN_MAX_FAILURES_PER_IP: "8",
    REGISTER_MAX_PER_IP: "6",
  });
});
afterAll(() => t.close());

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
});
