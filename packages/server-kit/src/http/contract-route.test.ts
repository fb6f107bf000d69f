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
