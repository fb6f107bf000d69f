import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testRedisUrl } from "@sharehood/server-kit/testing";
import { randomUUID } from "node:crypto";
import supertest from "supertest";
import { createUserApi, PRISMA_DIR } from "../src/app.ts";
import { UserApiEnvSchema } from "../src/env.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase({ name: "user_bootstrap", prismaDir: PRISMA_DIR });
});
afterAll(() => database.drop());

const start = (env: Record<string, string>) =>
  createUserApi(
    UserApiEnvSchema.parse({
      LOG_LEVEL: "silent",
      NODE_ENV: "test",
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_NAMESPACE: `test-boot-${randomUUID().slice(0, 8)}`,
      ...env,
    }),
  );

describe("admin bootstrap", () => {
  it("creates the configured admin, then promotes an existing user and resets their password", async () => {
    const first = await start({ ADMIN_EMAIL: "Boss@Example.com", ADMIN_PASSWORD: "first-password" });
    const login = await supertest(first.app)
      .post("/auth/login")
      .send({ email: "boss@example.com", password: "first-password" })
      .expect(200);
    expect(login.body.user.role).toBe("admin");
    await supertest(first.app)
      .post("/auth/register")
      .send({ email: "later@example.com", password: "user-password", name: "Later" })
      .expect(201);
    await first.dispose();

    const second = await start({ ADMIN_EMAIL: "later@example.com", ADMIN_PASSWORD: "promoted-password" });
    const promoted = await supertest(second.app)
      .post("/auth/login")
      .send({ email: "later@example.com", password: "promoted-password" })
      .expect(200);
    expect(promoted.body.user.role).toBe("admin");
    await supertest(second.app)
      .post("/auth/login")
      .send({ email: "later@example.com", password: "user-password" })
      .expect(401);
    expect(await second.db.user.count({ where: { role: "admin" } })).toBe(2);
    await second.dispose();
  });

  it("refuses to start with only one of ADMIN_EMAIL and ADMIN_PASSWORD", () => {
    expect(UserApiEnvSchema.safeParse({ ADMIN_EMAIL: "a@example.com" }).success).toBe(false);
    expect(
      UserApiEnvSchema.safeParse({ ADMIN_EMAIL: "a@example.com", ADMIN_PASSWORD: "short" }).success,
    ).toBe(false);
  });
});
