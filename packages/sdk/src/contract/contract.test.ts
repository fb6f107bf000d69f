import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inventoryRoutes } from "./inventory-routes.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import { PERMISSIONS_BY_ROLE } from "./permissions.ts";
import { userRoutes } from "./user-routes.ts";
import { RegisterBodySchema, UpdateMeBodySchema } from "./users.ts";

describe("the contract", () => {
  it("normalises emails and rejects unknown fields", () => {
    expect(
      RegisterBodySchema.parse({ email: " Ann@Example.COM ", password: "12345678", name: " Ann " }),
    ).toEqual({ email: "ann@example.com", password: "12345678", name: "Ann" });
    expect(
      RegisterBodySchema.safeParse({ email: "a@example.com", password: "12345678", name: "A", role: "admin" })
        .success,
    ).toBe(false);
  });

  it("needs the current password to set a new one", () => {
    expect(UpdateMeBodySchema.safeParse({ password: "new-password" }).success).toBe(false);
    expect(UpdateMeBodySchema.safeParse({ password: "new-password", currentPassword: "old" }).success).toBe(
      true,
    );
  });

  it("gives admins every permission users have", () => {
    for (const permission of PERMISSIONS_BY_ROLE.user)
      expect(PERMISSIONS_BY_ROLE.admin).toContain(permission);
    expect(PERMISSIONS_BY_ROLE.user).not.toContain("user.delete");
  });

  it("generates an OpenAPI 3.1 path for every route", () => {
    const doc = buildOpenApiDocument({ title: "t", version: "1" }, userRoutes) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const route of Object.values(userRoutes)) {
      const operation = doc.paths[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(Object.keys(operation!.responses)).toContain(String(route.status));
    }
  });

  it("documents the photo upload as a multipart/form-data body of `photo` files", () => {
    const doc = buildOpenApiDocument({ title: "t", version: "1" }, inventoryRoutes) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const upload = doc.paths["/items/{id}/photos"]?.post;
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(["multipart/form-data"]);
    expect(upload?.requestBody?.content["multipart/form-data"]).toMatchObject({
      schema: { required: ["photo"], properties: { photo: { type: "array", maxItems: 8 } } },
      encoding: { photo: { contentType: "image/jpeg, image/png, image/webp" } },
    });
    expect(Object.keys(doc.paths["/items/{id}/photos/order"]?.put?.requestBody?.content ?? {})).toEqual([
      "application/json",
    ]);
  });
});

describe("the modules pages' scripts import", () => {
  // The web app's client components read limits, dates and positions from these subpaths; one
  // import of a schema module would put zod and the whole contract in every page's JavaScript
  // (about 27 kB compressed on the browse page, the last time it happened).
  const browserSafe = ["./limits.ts", "./days.ts", "./geo.ts"];

  it.each(browserSafe)("%s imports nothing", (module) => {
    const source = readFileSync(new URL(module, import.meta.url), "utf8");
    expect(source).not.toMatch(/^(import|export)\b[^;]*?\bfrom\s*["']/m);
    expect(source).not.toMatch(/^import\s*["']|\bimport\(/m);
  });

  it("are the package's own subpaths", () => {
    const { exports } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, string>;
    };
    for (const module of browserSafe)
      expect(Object.values(exports)).toContain(`./src/contract/${module.slice(2)}`);
  });
});
