import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createClient } from "@sharehood/sdk";
import { listen, type RunningServer } from "@sharehood/server-kit";
import { startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
let server: RunningServer;
let client: ReturnType<typeof createClient>;
beforeAll(async () => {
  t = await startTestApi("sdkflow");
  server = await listen(t.api.app, {
    port: 0,
    host: "127.0.0.1",
    graceMs: 1000,
    logger: t.api.logger,
    cleanup: () => t.close(),
  });
  client = createClient({ userApiUrl: `http://127.0.0.1:${server.port}` });
});
afterAll(() => server.close());

describe("the SDK against a running User API", () => {
  it("walks register → login → validate-token → refresh → logout → validate-token (401)", async () => {
    const registered = await client.auth.register({
      body: { email: "flow@example.com", password: "password123", name: "Flow" },
    });
    expect(registered.user.email).toBe("flow@example.com");
    const session = await client.auth.login({ body: { email: "flow@example.com", password: "password123" } });
    const validated = await client.auth.validateToken({ body: { token: session.accessToken } });
    expect(validated.permissions).toContain("item.create");
    const refreshed = await client.auth.refresh({ body: { refreshToken: session.refreshToken } });
    await client.auth.logout({}, { token: refreshed.accessToken });
    const error = await client.auth
      .validateToken({ body: { token: refreshed.accessToken } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).code).toBe("unauthenticated");
    expect((error as ApiError).problem.requestId).toBeTruthy();
  });

  it("carries field errors on a typed ApiError", async () => {
    const error = (await client.auth
      .register({ body: { email: "bad", password: "x", name: "" } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("validation_failed");
    expect(error.fieldErrors.map((e) => e.path)).toContain("body.password");
  });

  it("reads and updates a profile with a token function", async () => {
    const { accessToken } = await client.auth.register({
      body: { email: "profile@example.com", password: "password123", name: "P" },
    });
    const mine = createClient({ userApiUrl: `http://127.0.0.1:${server.port}`, token: () => accessToken });
    const updated = await mine.users.updateMe({ body: { name: "Pat" } });
    expect(updated.name).toBe("Pat");
    const publicProfile = await client.users.get({ params: { id: updated.id } });
    expect(publicProfile).toEqual({
      id: updated.id,
      name: "Pat",
      createdAt: updated.createdAt,
      bio: null,
      neighbourhood: null,
      avatarUrl: null,
      emailVerified: false,
    });
  });
});
