import type express from "express";
import { pino } from "pino";
import supertest from "supertest";
import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.ts";
import { createHttpApp, finishApp } from "./create-app.ts";
import { HttpMetrics } from "./metrics.ts";

function app(mount: (a: express.Express) => void) {
  const a = createHttpApp({
    logger: pino({ level: "silent" }),
    metrics: new HttpMetrics("t", { defaultMetrics: false }),
    bodyLimitBytes: 1024,
    checks: {},
    isShuttingDown: () => false,
    openapi: { info: { title: "T" }, paths: {} },
  });
  mount(a);
  return supertest(finishApp(a));
}

describe("the error middleware", () => {
  it("turns an unexpected error into a 500 that reveals nothing", async () => {
    const res = await app((a) =>
      a.get("/boom", () => {
        throw new Error("SELECT * FROM secrets -- at /srv/app.ts:1");
      }),
    ).get("/boom");
    expect(res.status).toBe(500);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe("internal");
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secrets|app\.ts/);
  });

  it("sends an AppError's status, code, field errors and headers", async () => {
    const res = await app((a) =>
      a.get("/limited", () => {
        throw new AppError("rate_limited", "wait", { headers: { "retry-after": "3" } });
      }),
    ).get("/limited");
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("3");
    expect(res.body).toMatchObject({
      code: "rate_limited",
      detail: "wait",
      status: 429,
      type: "urn:sharehood:problem:rate_limited",
    });
  });

  it("handles rejected promises from async handlers (Express 5)", async () => {
    const res = await app((a) =>
      a.get("/async", () => Promise.reject(new AppError("conflict", "taken"))),
    ).get("/async");
    expect(res.status).toBe(409);
  });

  it("keeps the 4xx status Express and its parsers attach (a bad percent-encoding, a broken gzip body)", async () => {
    const http = app((a) => a.get("/users/:id", (req, res) => void res.json(req.params)));
    const badPath = await http.get("/users/%E0%A4%A");
    expect(badPath.status).toBe(400);
    expect(badPath.body.code).toBe("validation_failed");
    const zipped = await app((a) => a.post("/x", (_req, res) => void res.json({})))
      .post("/x")
      .set("content-type", "application/json")
      .set("content-encoding", "gzip")
      .send("{}");
    expect(zipped.status).toBe(400);
    expect(zipped.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
