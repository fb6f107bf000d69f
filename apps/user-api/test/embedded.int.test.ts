import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import supertest from "supertest";
import { createUserApi } from "../src/app.ts";
import { UserApiEnvSchema } from "../src/env.ts";

const dataDir = mkdtempSync(join(tmpdir(), "sharehood-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The embedded default: no DATABASE_URL and no REDIS_URL. PGlite behind a local socket, the
// in-process store, migrations applied at start, data kept across restarts.
const start = () =>
  createUserApi(UserApiEnvSchema.parse({ LOG_LEVEL: "silent", NODE_ENV: "test", DATA_DIR: dataDir }));

describe("embedded default (no DATABASE_URL, no REDIS_URL)", () => {
  it("serves the User API on PGlite and the in-process store, and keeps data across restarts", async () => {
    const first = await start();
    expect(first.store.kind).toBe("memory");
    const http = supertest(first.app);
    expect((await http.get("/readyz").expect(200)).body.checks).toEqual({ database: "ok", redis: "ok" });
    const reg = await http
      .post("/auth/register")
      .send({ email: "embedded@example.com", password: "password123", name: "Em" })
      .expect(201);
    await http.post("/auth/validate-token").send({ token: reg.body.accessToken }).expect(200);
    await http.post("/auth/logout").set("authorization", `Bearer ${reg.body.accessToken}`).expect(204);
    await http.post("/auth/validate-token").send({ token: reg.body.accessToken }).expect(401);
    await first.dispose();

    const second = await start();
    await supertest(second.app)
      .post("/auth/login")
      .send({ email: "embedded@example.com", password: "password123" })
      .expect(200);
    await second.dispose();
  });
});
