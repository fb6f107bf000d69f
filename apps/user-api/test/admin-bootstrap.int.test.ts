import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testRedisUrl } from "@sharehood/test-stack";
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
  it("creates the configured admin, and promotes a self-registered account only when told to, ending its sessions", async () => {
    const first = await start({ ADMIN_EMAIL: "Boss@Example.com", ADMIN_PASSWORD: "first-password" });
    const login = await supertest(first.app)
      .post("/auth/login")
      .send({ email: "boss@example.com", password: "first-password" })
      .expect(200);
    expect(login.body.user.role).toBe("admin");
    const squatter = await supertest(first.app)
      .post("/auth/register")
      .send({ email: "later@example.com", password: "user-password", name: "Later" })
      .expect(201);
    await first.dispose();

    // Whoever registered the address first must not become admin because the operator chose it.
    await expect(
      start({ ADMIN_EMAIL: "later@example.com", ADMIN_PASSWORD: "promoted-password" }),
    ).rejects.toThrow(/signed itself up.*ADMIN_PROMOTE_EXISTING=true/);
    expect((await first.db.user.findUniqueOrThrow({ where: { email: "later@example.com" } })).role).toBe(
      "user",
    );

    const second = await start({
      ADMIN_EMAIL: "later@example.com",
      ADMIN_PASSWORD: "promoted-password",
      ADMIN_PROMOTE_EXISTING: "true",
    });
    const promoted = await supertest(second.app)
      .post("/auth/login")
      .send({ email: "later@example.com", password: "promoted-password" })
      .expect(200);
    expect(promoted.body.user.role).toBe("admin");
    await supertest(second.app)
      .post("/auth/login")
      .send({ email: "later@example.com", password: "user-password" })
      .expect(401);
    // The sessions it had as a plain user are over: their tokens cannot become admin tokens.
    await supertest(second.app)
      .post("/auth/refresh")
      .send({ refreshToken: squatter.body.refreshToken })
      .expect(401);
    await supertest(second.app)
      .post("/auth/validate-token")
      .send({ token: squatter.body.accessToken })
      .expect(401);
    expect(await second.db.user.count({ where: { role: "admin" } })).toBe(2);
    await second.dispose();

    // A restart with the same settings changes nothing and signs nobody out.
    const third = await start({
      ADMIN_EMAIL: "later@example.com",
      ADMIN_PASSWORD: "promoted-password",
      ADMIN_PROMOTE_EXISTING: "true",
    });
    await supertest(third.app)
      .post("/auth/validate-token")
      .send({ token: promoted.body.accessToken })
      .expect(200);
    await third.dispose();
  });

  it("never seeds a demo admin on a configured database, and no demo users in production unless insisted", async () => {
    const seeded = await start({ SEED_DEMO_DATA: "true" });
    expect(await seeded.db.user.count({ where: { email: "alice@example.com" } })).toBe(1);
    expect(await seeded.db.user.count({ where: { email: "admin@example.com" } })).toBe(0);
    await seeded.dispose();
    const production = { NODE_ENV: "production", SEED_DEMO_DATA: "true", DATABASE_URL: database.url };
    expect(UserApiEnvSchema.safeParse(production).success).toBe(false);
    expect(UserApiEnvSchema.safeParse({ ...production, ALLOW_DEMO_DATA_IN_PRODUCTION: "true" }).success).toBe(
      true,
    );
    expect(UserApiEnvSchema.safeParse({ NODE_ENV: "production", DATABASE_URL: database.url }).success).toBe(
      true,
    );
    // `npm start` on the embedded database runs a production build of a local demo.
    expect(UserApiEnvSchema.safeParse({ NODE_ENV: "production", SEED_DEMO_DATA: "true" }).success).toBe(true);
  });

  it("refuses to start with only one of ADMIN_EMAIL and ADMIN_PASSWORD", () => {
    expect(UserApiEnvSchema.safeParse({ ADMIN_EMAIL: "a@example.com" }).success).toBe(false);
    expect(
      UserApiEnvSchema.safeParse({ ADMIN_EMAIL: "a@example.com", ADMIN_PASSWORD: "short" }).success,
    ).toBe(false);
  });
});
