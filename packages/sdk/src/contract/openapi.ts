import { z } from "zod";
import { ProblemSchema } from "./errors.ts";
import type { MultipartBody, Route } from "./route.ts";

type JsonSchema = Record<string, unknown>;

// Request schemas describe what a client sends (before defaults and transforms); responses what it gets.
function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, "{$1}");
}

function parametersOf(route: Route): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, "input") as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  for (const header of route.headers ?? []) {
    parameters.push({ name: header, in: "header", required: false, schema: { type: "string" } });
  }
  return parameters;
}

function multipartRequestBody(body: MultipartBody): JsonSchema {
  return {
    required: true,
    description: body.description,
    content: {
      "multipart/form-data": {
        schema: {
          type: "object",
          required: [body.field],
          properties: {
            [body.field]: {
              type: "array",
              minItems: 1,
              maxItems: body.maxFiles,
              items: { type: "string", format: "binary", maxLength: body.maxFileBytes },
            },
          },
        },
        encoding: { [body.field]: { contentType: body.mediaTypes.join(", ") } },
      },
    },
  };
}

function requestBodyOf(route: Route): JsonSchema | undefined {
  if (route.multipart) return multipartRequestBody(route.multipart);
  if (!route.body) return undefined;
  // A body whose schema accepts none (an admin's optional reason) may be left out.
  const required = !route.body.safeParse(undefined).success;
  return { required, content: { "application/json": { schema: toSchema(route.body, "input") } } };
}

/** Builds an OpenAPI 3.1 document from a route table. */
export function buildOpenApiDocument(
  info: { title: string; version: string; description?: string },
  routes: Record<string, Route>,
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  for (const [operationId, route] of Object.entries(routes)) {
    const responses: Record<string, JsonSchema> = {
      [route.status]: route.response
        ? {
            description: "Success",
            content: {
              [route.responseMediaType ?? "application/json"]: { schema: toSchema(route.response, "output") },
            },
          }
        : { description: "Success, no content" },
    };
    for (const status of route.errors) responses[status] = { description: "Problem", content: problem };
    responses["500"] = { description: "Unexpected failure (no details leak)", content: problem };
    // The docs page shows descriptions, not multipart schemas, so the body is described in words too.
    const description = [
      route.permission ? `Requires the \`${route.permission}\` permission.` : "",
      route.multipart ? `Request body: ${route.multipart.description}` : "",
    ]
      .filter(Boolean)
      .join(" ");
    const requestBody = requestBodyOf(route);
    const operation: JsonSchema = {
      operationId,
      summary: route.summary,
      parameters: parametersOf(route),
      responses,
      ...(description ? { description } : {}),
      ...(route.auth === "bearer" ? { security: [{ bearer: [] }] } : {}),
      ...(requestBody ? { requestBody } : {}),
    };
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Problem: toSchema(ProblemSchema, "output") },
    },
  };
}
