import { createServer } from "node:http";
import express from "express";
import supertest from "supertest";
import { describe, expect, it } from "vitest";
import { withFastPath } from "./fast-path.ts";
import { HttpMetrics } from "./metrics.ts";

function server() {
  const app = express();
  app.get("/miss", (_req, res) => void res.json({ from: "express" }));
  app.post("/hit", (_req, res) => void res.json({ from: "express" }));
  const metrics = new HttpMetrics("t", { defaultMetrics: false });
  const listener = withFastPath(
    app,
    (req) => {
      if (req.url === "/boom") return Promise.reject(new Error("fast path failed"));
      return Promise.resolve(
        req.url === "/hit"
          ? { status: 200, route: "/hit", body: '{"from":"fast"}', headers: { etag: '"1"' } }
          : undefined,
      );
    },
    metrics,
  );
  return { http: supertest(createServer(listener)), metrics };
}

describe("the fast path", () => {
  it("answers a hit itself, with security headers, a request id and metrics", async () => {
    const { http, metrics } = server();
    const res = await http.get("/hit").set("x-request-id", "abc-1").expect(200);
    expect(res.body).toEqual({ from: "fast" });
    expect(res.headers).toMatchObject({
      etag: '"1"',
      "x-request-id": "abc-1",
      "x-content-type-options": "nosniff",
      "content-type": "application/json; charset=utf-8",
    });
    expect(res.headers["strict-transport-security"]).toBeDefined();
    expect(await metrics.registry.metrics()).toContain('route="/hit",status="200"');
  });

  it("sends no body to HEAD", async () => {
    const res = await server().http.head("/hit").expect(200);
    expect(res.text ?? "").toBe("");
  });

  it("hands misses, other methods and its own failures to Express", async () => {
    const { http } = server();
    expect((await http.get("/miss").expect(200)).body).toEqual({ from: "express" });
    expect((await http.post("/hit").expect(200)).body).toEqual({ from: "express" });
    expect((await http.get("/boom")).status).toBe(404);
  });
});
