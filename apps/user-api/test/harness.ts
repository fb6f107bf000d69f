import { randomUUID } from "node:crypto";
import { DomainEventSchema, type DomainEvent, type RevocationEvent } from "@sharehood/sdk";
import { startInProcessService, type InProcessService } from "@sharehood/test-stack";
import supertest from "supertest";
import type { UserApi } from "../src/app.ts";
import type { UserApiConfig } from "../src/env.ts";
import { userApiService } from "../src/service.ts";

export interface TestApi extends InProcessService<UserApiConfig, UserApi> {
  http: ReturnType<typeof supertest>;
}

/**
 * The User API in-process on its own fresh PostgreSQL database and its own Redis namespace, so
 * test files can run in parallel without seeing each other.
 */
export async function startTestApi(name: string, env: Record<string, string> = {}): Promise<TestApi> {
  const started = await startInProcessService(userApiService, name, env);
  return { ...started, http: supertest(started.api.app) };
}

/** The administrator a test's User API creates at start-up (pass WITH_ROOT_ADMIN to startTestApi). */
export const ROOT_ADMIN = { email: "root@example.com", password: "admin-password" };
export const WITH_ROOT_ADMIN = { ADMIN_EMAIL: ROOT_ADMIN.email, ADMIN_PASSWORD: ROOT_ADMIN.password };

/** Signs ROOT_ADMIN in: the login answer (tokens and user). */
export async function signInRootAdmin(t: TestApi) {
  const res = await t.http.post("/auth/login").send(ROOT_ADMIN).expect(200);
  const session = res.body as Omit<Awaited<ReturnType<typeof register>>, "password">;
  return { ...session, password: ROOT_ADMIN.password };
}

/** Every revocation the User API publishes from now on (pub/sub, delivered after the answer). */
export async function collectRevocations(t: TestApi): Promise<RevocationEvent[]> {
  const revocations: RevocationEvent[] = [];
  await t.api.store.subscribe("revocations", (message) =>
    revocations.push(JSON.parse(message) as RevocationEvent),
  );
  return revocations;
}

let counter = 0;
/** A fresh, valid registration body. */
export function newUser(overrides: Partial<{ email: string; password: string; name: string }> = {}) {
  counter += 1;
  return {
    email: `user${counter}-${randomUUID().slice(0, 6)}@example.com`,
    password: "correct horse",
    name: `User ${counter}`,
    ...overrides,
  };
}

/** Registers a user and answers the register response body. */
export async function register(http: TestApi["http"], body = newUser()) {
  const res = await http.post("/auth/register").send(body).expect(201);
  return {
    ...(res.body as {
      accessToken: string;
      refreshToken: string;
      user: { id: string; email: string; name: string; role: string; emailVerified: boolean };
    }),
    password: body.password,
  };
}

/** Asserts the RFC 9457 shape every error has. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: unknown },
  status: number,
  code: string,
) {
  const body = res.body as Record<string, unknown>;
  if (
    res.status !== status ||
    body.code !== code ||
    !String(res.headers["content-type"]).startsWith("application/problem+json")
  ) {
    throw new Error(`expected ${status} ${code} problem, got ${res.status} ${JSON.stringify(body)}`);
  }
  for (const key of ["type", "title", "status", "detail", "code", "requestId"]) {
    if (!(key in body)) throw new Error(`problem is missing "${key}": ${JSON.stringify(body)}`);
  }
  if (JSON.stringify(body).includes("    at ")) throw new Error("problem leaks a stack trace");
}

/** Every event in the outbox (published or not), oldest first. */
export async function outboxEvents(t: TestApi): Promise<DomainEvent[]> {
  const rows = await t.api.db.outboxEvent.findMany({ orderBy: { seq: "asc" }, select: { body: true } });
  return rows.map((row) => DomainEventSchema.parse(row.body));
}

/** The outbox events about one user (their subject), oldest first. */
export async function eventsAbout(t: TestApi, userId: string): Promise<DomainEvent[]> {
  return (await outboxEvents(t)).filter((event) => event.subject.id === userId);
}

/** Polls until `find` answers something: for work done after the answer (a background task). */
export async function eventually<T>(find: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`nothing turned up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
