import express, { Router } from "express";
import supertest from "supertest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRoute } from "@sharehood/sdk/contract";
import { createRouteMounter, type IdempotentRequest } from "./contract-route.ts";

const caller = { id: "u1", permissions: [] as string[] };

const plainPost = defineRoute({
  method: "POST",
  path: "/plain",
  summary: "not idempotent",
  auth: "bearer",
  status: 201,
  errors: [],
});
const idempotentPost = defineRoute({
  method: "POST",
  path: "/things/:id/children",
  summary: "idempotent",
  auth: "bearer",
  params: z.object({ id: z.string() }),
  body: z.object({ name: z.string() }),
  status: 201,
  response: z.object({ made: z.string() }),
  errors: [],
  idempotent: true,
});

function appWith(mounter: ReturnType<typeof createRouteMounter<typeof caller>>) {
  const router = Router();
  mounter(router, plainPost, () => undefined);
  mounter(router, idempotentPost, ({ body }) => ({ made: body.name }));
  return express().use(express.json()).use(router);
}

describe("createRouteMounter's invalidation hook", () => {
  const write = (invalidates?: "catalogue" | "nothing") =>
    defineRoute({
      method: "POST",
      path: `/w/${invalidates ?? "undeclared"}`,
      summary: "a write",
      auth: "bearer",
      status: 204,
      errors: [],
      ...(invalidates ? { invalidates } : {}),
    });

  function appFor(calls: string[], handler: () => void = () => undefined) {
    const router = Router();
    const mount = createRouteMounter(() => Promise.resolve(caller), {
      invalidate: (what) => {
        calls.push(what);
        return Promise.resolve();
      },
    });
    for (const route of [write("catalogue"), write("nothing"), write()]) mount(router, route, handler);
    return express()
      .use(router)
      .use(
        (_error: unknown, _req: unknown, res: express.Response, _next: unknown) => void res.status(500).end(),
      );
  }

  it("empties the caches a route declares, and only for such routes", async () => {
    const calls: string[] = [];
    const app = appFor(calls);
    await supertest(app).post("/w/nothing").expect(204);
    await supertest(app).post("/w/undeclared").expect(204);
    expect(calls).toEqual([]);
    await supertest(app).post("/w/catalogue").expect(204);
    expect(calls).toEqual(["catalogue"]);
  });

  it("empties them before the answer is sent", async () => {
    const calls: string[] = [];
    const router = Router();
    const mount = createRouteMounter(() => Promise.resolve(caller), {
      invalidate: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        calls.push("catalogue");
      },
    });
    mount(router, write("catalogue"), () => undefined);
    await supertest(express().use(router)).post("/w/catalogue").expect(204);
    expect(calls).toEqual(["catalogue"]);
  });

  it("empties them when the handler fails too, since it may fail after its write committed", async () => {
    const calls: string[] = [];
    const app = appFor(calls, () => {
      throw new Error("failed after committing");
    });
    await supertest(app).post("/w/catalogue").expect(500);
    expect(calls).toEqual(["catalogue"]);
  });
});

describe("createRouteMounter's idempotency hook", () => {
  it("wraps exactly the routes declared idempotent, with their scope, caller and body", async () => {
    const seen: IdempotentRequest<typeof caller>[] = [];
    const app = appWith(
      createRouteMounter(() => Promise.resolve(caller), {
        idempotent: async (request, handle) => {
          seen.push(request);
          return handle();
        },
      }),
    );

    await supertest(app).post("/plain").expect(201);
    expect(seen).toHaveLength(0);

    const res = await supertest(app).post("/things/t9/children").send({ name: "x" }).expect(201);
    expect(res.body).toEqual({ made: "x" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      route: idempotentPost,
      caller,
      scope: "POST /things/t9/children",
      body: { name: "x" },
    });
  });

  it("sends what the hook answers instead of running the handler", async () => {
    let handled = false;
    const router = Router();
    const mount = createRouteMounter(() => Promise.resolve(caller), {
      idempotent: () => Promise.resolve({ made: "replayed" }),
    });
    mount(router, idempotentPost, () => {
      handled = true;
      return { made: "fresh" };
    });
    const app = express().use(express.json()).use(router);
    const res = await supertest(app).post("/things/t9/children").send({ name: "x" }).expect(201);
    expect(res.body).toEqual({ made: "replayed" });
    expect(handled).toBe(false);
  });

  it("runs idempotent routes as any other when the service supplies no hook", async () => {
    const app = appWith(createRouteMounter(() => Promise.resolve(caller)));
    const res = await supertest(app).post("/things/t9/children").send({ name: "y" }).expect(201);
    expect(res.body).toEqual({ made: "y" });
  });
});
