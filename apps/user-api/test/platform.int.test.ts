import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, stopServer } from "../src/server.ts";
import { startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("platform");
});
afterAll(() => t.close());

describe("platform endpoints", () => {
  it("reports liveness and readiness with each dependency", async () => {
    expect((await t.http.get("/healthz").expect(200)).body).toEqual({ status: "ok" });
    expect((await t.http.get("/readyz").expect(200)).body).toEqual({
      status: "ok",
      checks: { database: "ok", redis: "ok" },
    });
  });

  it("turns readiness 503 once shutting down", async () => {
    t.api.markShuttingDown();
    const res = await t.http.get("/readyz").expect(503);
    expect(res.body.checks.server).toBe("shutting down");
  });

  it("echoes the caller's x-request-id", async () => {
    const res = await t.http.get("/healthz").set("x-request-id", "trace-123").expect(200);
    expect(res.headers["x-request-id"]).toBe("trace-123");
  });

  it("exposes Prometheus metrics by route and status", async () => {
    await t.http.post("/auth/login").send({ email: "nobody@example.com", password: "whatever1" });
    const res = await t.http.get("/metrics").expect(200);
    expect(res.text).toContain('http_requests_total{method="POST",route="/auth/login",status="401"');
    expect(res.text).toContain("http_request_duration_seconds_bucket");
  });

  it("serves /metrics only on METRICS_PORT when it is set, never on the public port", async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const server = await startServer({ ...t.config, PORT: 0, METRICS_PORT: free });
    try {
      const onPublic = await fetch(`${server.url}/metrics`);
      expect(onPublic.status).toBe(404);
      expect(onPublic.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const onMetrics = await fetch(`http://127.0.0.1:${free}/metrics`);
      expect(onMetrics.status).toBe(200);
      expect(await onMetrics.text()).toContain("http_requests_total");
      expect((await fetch(`http://127.0.0.1:${free}/healthz`)).status).toBe(404);
    } finally {
      await stopServer(server);
    }
    await expect(fetch(`http://127.0.0.1:${free}/metrics`)).rejects.toThrow();
  });

  it("serves an OpenAPI 3.1 document and a readable page generated from the contract", async () => {
    const doc = (await t.http.get("/openapi.json").expect(200)).body;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/auth/register", "/auth/validate-token", "/users/{id}", "/users/me"]),
    );
    expect(
      doc.paths["/auth/register"].post.requestBody.content["application/json"].schema.properties.password
        .minLength,
    ).toBe(8);
    const page = await t.http.get("/docs").expect(200);
    expect(page.text).toContain("Sharehood User API");
    expect(page.text).toContain("/auth/refresh");
  });

  it("sends security headers on every response", async () => {
    const res = await t.http.get("/healthz");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeDefined();
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});
