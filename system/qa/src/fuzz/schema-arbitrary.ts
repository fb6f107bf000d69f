import fc from "fast-check";
import { z } from "zod";
import { Ref, type PoolName } from "./ref.ts";

/** The subset of JSON Schema that `z.toJSONSchema` emits for the contract's request schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  /** A record's keys (`z.record(z.enum(…), …)`), with `additionalProperties` as its values. */
  propertyNames?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

/** The JSON Schema of a request part, as a client would send it (before transforms and defaults). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

const ID_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"];
const pick = fc.nat({ max: 1_000_000 });
const ref = (pool: PoolName) => pick.map((n) => new Ref(pool, n));

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The password every identity the fuzzer makes shares, so some generated logins succeed. */
export const FUZZ_PASSWORD = "fuzz-password-1";

/**
 * Field-name hints: the contract says `string`, but a useful value is an existing category, a
 * near-future date, an id that exists, a token that works. Valid requests use these so they get
 * past the first check and exercise the code behind it.
 */
function hinted(name: string, routeName: string): fc.Arbitrary<unknown> | undefined {
  switch (name) {
    case "email":
      return fc.oneof(
        ref("email"),
        fc
          .tuple(
            fc.stringMatching(/^[a-z][a-z0-9._+-]{0,15}[a-z0-9]$/),
            fc.constantFrom("example.com", "Example.ORG", "mail.test"),
          )
          .map(([local, domain]) => `${local.replace(/\.\.+/g, ".")}@${domain}`),
      );
    case "password":
      return fc.oneof(fc.constant(FUZZ_PASSWORD), fc.string({ minLength: 8, maxLength: 40 }));
    case "currentPassword":
      return fc.oneof(fc.constant(FUZZ_PASSWORD), fc.string({ minLength: 1, maxLength: 20 }));
    case "token":
      // The link tokens of the route, learned from the emails, else an access token (the wrong kind).
      if (routeName.startsWith("unsubscribe")) return fc.oneof(ref("unsubscribeToken"), ref("accessToken"));
      if (routeName === "verifyEmail") return fc.oneof(ref("verifyToken"), ref("resetToken"));
      if (routeName === "resetPassword") return fc.oneof(ref("resetToken"), ref("verifyToken"));
      return ref("accessToken");
    case "ids":
      return fc.array(ref("notificationId"), { minLength: 1, maxLength: 4 });
    case "refreshToken":
      return ref("refreshToken");
    case "categoryId":
    case "category":
      return ref("category");
    case "ownerId":
      return ref("principalId");
    case "cursor":
      return ref(`cursor:${routeName}`);
    case "startDate":
    case "endDate":
    case "availableFrom":
    case "availableTo":
      return fc.integer({ min: 1, max: 60 }).map(isoDay);
    case "photoIds":
      return fc.array(ref("photoId"), { maxLength: 4 });
    case "subjectId":
      // What a report may name without touching the principals (a suspension would end their
      // sessions): another person's items, messages and account, and throwaways. The audit log's
      // filter names the same kinds of things.
      return routeName === "createReport"
        ? ref("reportSubjectId")
        : fc.oneof(ref("reportSubjectId"), ref("userId"), ref("itemId"));
    case "reportId":
      return ref("reportId");
    case "actorId":
      return ref("principalId");
    default:
      return undefined;
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, Math.max(minLength, 60));
  if (schema.format === "date") return fc.integer({ min: -30, max: 400 }).map(isoDay);
  // A moment within a month either side of now (the audit log's from/to), as the contract writes them.
  if (schema.format === "date-time")
    return fc
      .integer({ min: -30 * 24, max: 30 * 24 })
      .map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString());
  if (schema.format === "uri")
    return fc
      .constantFrom("https", "http")
      .chain((scheme) =>
        fc.stringMatching(/^[a-z0-9]{1,12}$/).map((p) => `${scheme}://img.example.com/${p}.jpg`),
      );
  if (schema.pattern === "^[A-Za-z0-9_-]+$")
    return fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: Math.max(1, minLength), maxLength });
  return fc
    .oneof(
      fc.string({ unit: "grapheme-ascii", minLength, maxLength }),
      fc.string({ unit: "grapheme", minLength, maxLength }),
    )
    .map((s) =>
      // the contract trims most text fields: keep valid text from being all blanks
      minLength > 0 && s.trim().length < minLength ? `${s}x`.padStart(minLength, "x") : s,
    );
}

/**
 * A value the schema accepts (modulo refinements across fields, which the caller fixes up), with
 * live ids, tokens and cursors as Refs.
 */
export function validValue(schema: JsonSchema, name: string, routeName: string): fc.Arbitrary<unknown> {
  // Hints are for text and lists: `email` is an address in a body, a switch in the preferences.
  const hint = ["boolean", "number", "integer", "object"].includes(schema.type ?? "")
    ? undefined
    : hinted(name, routeName);
  if (hint) return hint;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validValue(s, name, routeName)));
  switch (schema.type) {
    case "object": {
      const keys = schema.propertyNames?.enum;
      const values = schema.additionalProperties;
      if (!schema.properties && keys && typeof values === "object")
        return fc.dictionary(fc.constantFrom(...keys.map(String)), validValue(values, name, routeName), {
          maxKeys: keys.length,
        });
      return validObject(schema, routeName);
    }
    case "array":
      return fc.array(validValue(schema.items ?? {}, name, routeName), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "string":
      return stringArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An object with every required key and any subset of the optional ones. */
export function validObject(schema: JsonSchema, routeName: string): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = validValue(property, key, routeName);
  return fc
    .record(model, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) })
    .map((value) => fixPairs(value as Record<string, unknown>));
}

// Refinements JSON Schema cannot say: ranges run forwards, relevance needs q.
function fixPairs(value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const [from, to] of [
    ["startDate", "endDate"],
    ["availableFrom", "availableTo"],
    ["from", "to"],
  ] as const) {
    const a = out[from];
    const b = out[to];
    if (typeof a === "string" && typeof b === "string" && a > b) [out[from], out[to]] = [b, a];
  }
  if ((out.availableFrom === undefined) !== (out.availableTo === undefined))
    out.availableFrom = out.availableTo = out.availableFrom ?? out.availableTo;
  if (out.sort === "relevance" && !out.q) out.q = "drill";
  return out;
}
