import fc from "fast-check";
import type { Route } from "@sharehood/sdk/contract";
import { isAdminRoute, multipartOf, paramNames, type NamedRoute, type Service } from "../routes.ts";
import { Ref } from "./ref.ts";
import { jsonSchemaOf, validObject, validValue, type JsonSchema } from "./schema-arbitrary.ts";
import {
  BAD_DATES,
  FORBIDDEN_KEYS,
  hugeString,
  NASTY_IDS,
  nastyString,
  wrongTypeValue,
} from "./vocabulary.ts";
import type { Principal } from "./world.ts";

/** Whose credentials go in the Authorization header. */
export type AuthSlot =
  | { kind: "none" }
  | { kind: "principal"; who: Principal }
  | { kind: "throwaway"; pick: number }
  | { kind: "revoked" }
  | { kind: "expired" }
  | { kind: "raw"; header: string };

/** What goes in the body. */
export type BodySpec =
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: number[] }
  | {
      kind: "multipart";
      field: string;
      files: { type: string; bytes: number[] }[];
      boundary: string;
      broken: boolean;
    };

/** One generated request, before live values are filled in. */
export interface FuzzCase {
  service: Service;
  /** The route's name, or `junk:<what>` for requests aimed at no route in particular. */
  label: string;
  mode: "valid" | "mutated" | "junk";
  route?: Route;
  method: string;
  /** Path parameters (strings or Refs) for `route`, or a literal request target. */
  params?: Record<string, unknown>;
  rawParams?: boolean;
  literalPath?: string;
  query?: Record<string, unknown>;
  rawQuery?: string;
  auth: AuthSlot;
  headers: Record<string, string | Ref>;
  body?: BodySpec;
  /** `undefined`: the natural type for the body; `null`: none at all. */
  contentType?: string | null;
  contentEncoding?: { name: string; compress: boolean };
  /** Send `If-Match` with the item's current ETag (valid requests that should win). */
  ifMatchCurrent?: boolean;
}

/** `arbitrary` with this probability, else undefined (fc.option counts the other way round). */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, probability: number): fc.Arbitrary<T | undefined> {
  const weight = Math.round(probability * 1000);
  return fc.oneof({ weight, arbitrary }, { weight: 1000 - weight, arbitrary: fc.constant(undefined) });
}

const ref = (pool: ConstructorParameters<typeof Ref>[0]) =>
  fc.nat({ max: 1_000_000 }).map((n) => new Ref(pool, n));

/** Routes whose successful call ends the caller's session or account: only throwaways get them. */
const SELF_DESTRUCTIVE = new Set(["logout", "deleteMe", "updateMe"]);

function paramArbitrary(route: Route, name: string): fc.Arbitrary<unknown> {
  if (name === "photoId") return ref("photoId");
  if (route.path.startsWith("/reviews")) return ref("reviewId");
  if (route.path.startsWith("/reports")) return ref("reportId");
  // Reading reviews harms no one: the principals, who have some, as well as throwaways.
  if (route.path === "/users/:id/reviews") return fc.oneof(ref("principalId"), ref("userId"));
  if (route.path.startsWith("/items")) return ref("itemId");
  if (route.path.startsWith("/loans")) return ref("loanId");
  if (route.path.startsWith("/conversations")) return ref("conversationId");
  // Throwaways only: a block between the principals would turn their threads and loans into 403s.
  if (name === "userId" || route.path.startsWith("/users")) return ref("userId");
  return fc.string({ minLength: 1, maxLength: 20 });
}

const validParams = (route: Route) =>
  fc.record(Object.fromEntries(paramNames(route).map((n) => [n, paramArbitrary(route, n)])));

const forgedToken = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((bytes) => `sha_${Buffer.from(bytes).toString("base64url")}`);

/** Garbage in the Authorization header: forged, malformed, overlong, wrong scheme. */
const garbageAuth: fc.Arbitrary<AuthSlot> = fc
  .oneof(
    forgedToken.map((t) => `Bearer ${t}`),
    forgedToken.map((t) => `bearer ${t.replace("sha_", "shr_")}`),
    nastyString.map((t) => `Bearer ${t}`),
    fc.constantFrom(
      "Bearer",
      "Bearer ",
      "Bearer  x",
      "Basic YWRtaW46YWRtaW4=",
      "Token abc",
      "",
      "null",
      `Bearer ${"x".repeat(513)}`,
    ),
    fc.string({ maxLength: 60 }),
  )
  .map((header) => ({ kind: "raw", header }));

function authFor(named: NamedRoute, mode: FuzzCase["mode"]): fc.Arbitrary<AuthSlot> {
  const { route, name } = named;
  // Admin routes mostly get the admin; every other bearer route (each declares a user permission
  // now) any of the principals.
  const admin = isAdminRoute(route);
  const validSlot: fc.Arbitrary<AuthSlot> = SELF_DESTRUCTIVE.has(name)
    ? fc.nat().map((pick) => ({ kind: "throwaway", pick }))
    : admin
      ? fc.constantFrom<AuthSlot>(
          { kind: "principal", who: "admin" },
          { kind: "principal", who: "admin" },
          { kind: "principal", who: "alice" },
        )
      : fc.constantFrom<AuthSlot>(
          { kind: "principal", who: "alice" },
          { kind: "principal", who: "bob" },
          { kind: "principal", who: "admin" },
        );
  if (mode === "valid" && route.auth === "bearer") return validSlot;
  return fc.oneof(
    { weight: 4, arbitrary: validSlot },
    { weight: 2, arbitrary: fc.constant<AuthSlot>({ kind: "none" }) },
    { weight: 1, arbitrary: fc.constant<AuthSlot>({ kind: "revoked" }) },
    { weight: 1, arbitrary: fc.constant<AuthSlot>({ kind: "expired" }) },
    { weight: 2, arbitrary: garbageAuth },
  );
}

const CONTENT_TYPES = [
  "application/json; charset=utf-8",
  "application/json; charset=UTF-8",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "application/json; charset=bogus",
  "application/problem+json",
  "application/vnd.api+json",
  "application/merge-patch+json",
  "text/plain",
  "text/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "multipart/form-data",
  "application/xml",
  "application/octet-stream",
  "application/json;;;",
  "application/jsonx",
  "*/*",
  "",
];

const headerArbitrary: fc.Arbitrary<Record<string, string | Ref>> = fc
  .record(
    {
      "idempotency-key": fc.oneof(
        fc.constantFrom("fuzz-key-1", "fuzz-key-2", ""),
        fc.stringMatching(/^[!-~]{1,40}$/),
        nastyString,
        fc.constantFrom("k".repeat(200), "k".repeat(201), "k".repeat(1000)),
      ),
      "if-match": fc.oneof(
        fc.integer({ min: 0, max: 4 }).map((n) => `"${n}"`),
        fc.constantFrom(
          "*",
          'W/"1"',
          '"abc"',
          '"99999999999999999999"',
          '"1", "2"',
          '"-1"',
          '"1.5"',
          '""',
          '"',
          "1",
          '"0x1"',
          '" 1"',
        ),
        nastyString,
      ),
      "if-none-match": fc.oneof(
        fc.constantFrom("*", '"1"', 'W/"x"', '"abc", "def"'),
        fc.string({ maxLength: 40 }),
      ),
      "x-request-id": fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/),
        nastyString,
        fc.constant("r".repeat(129)),
      ),
      accept: fc.constantFrom("application/json", "text/html", "*/*", "application/xml", "image/png", ""),
      "x-forwarded-for": fc.oneof(
        fc.ipV4(),
        fc.ipV6(),
        fc.constantFrom("unknown", "1.1.1.1, 2.2.2.2", "", "::1", "not an ip"),
      ),
      "accept-language": fc.constantFrom("en", "ar-EG", "*", "zz"),
      // A notification stream resumes after it (any route may get it; only the stream reads it).
      "last-event-id": fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom("0", "1970-01-01T00:00:00Z", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z"),
        nastyString,
      ),
      "x-http-method-override": fc.constantFrom("DELETE", "PUT", "GET"),
      [`x-fuzz-${"a"}`]: fc.string({ maxLength: 60 }),
    },
    { requiredKeys: [] },
  )
  .map((h) => h as Record<string, string | Ref>);

/** Replaces, removes or adds one field of an object, or swaps the whole body for something else. */
function mutateBody(valid: fc.Arbitrary<unknown>, schema: JsonSchema | undefined): fc.Arbitrary<BodySpec> {
  const keys = Object.keys(schema?.properties ?? {});
  const required = schema?.required ?? [];
  const onField = (f: (obj: Record<string, unknown>, key: string) => fc.Arbitrary<unknown>) =>
    fc.tuple(valid, fc.nat()).chain(([value, n]) => {
      const obj = (value !== null && typeof value === "object" ? { ...value } : {}) as Record<
        string,
        unknown
      >;
      const pool = keys.length > 0 ? keys : ["x"];
      return f(obj, pool[n % pool.length] ?? "x").map((v) => ({ kind: "json" as const, value: v }));
    });
  const withField = (obj: Record<string, unknown>, key: string, v: unknown) => {
    const out = { ...obj };
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  };
  const dateKeys = keys.filter((k) => /Date$|^available/.test(k));
  return fc.oneof(
    { weight: 3, arbitrary: onField((obj, key) => wrongTypeValue.map((v) => withField(obj, key, v))) },
    { weight: 3, arbitrary: onField((obj, key) => nastyString.map((v) => withField(obj, key, v))) },
    { weight: 1, arbitrary: onField((obj, key) => hugeString.map((v) => withField(obj, key, v))) },
    {
      weight: 2,
      arbitrary: onField((obj) => {
        const out = { ...obj };
        for (const key of required.length > 0 ? required.slice(0, 1) : keys.slice(0, 1)) delete out[key];
        return fc.constant(out);
      }),
    },
    {
      weight: 2,
      arbitrary: onField((obj) =>
        fc
          .tuple(
            fc.oneof(fc.constantFrom(...FORBIDDEN_KEYS), fc.string({ maxLength: 12 })),
            fc.oneof(wrongTypeValue, nastyString),
          )
          .map(([k, v]) => withField(obj, k, v)),
      ),
    },
    ...(dateKeys.length > 0
      ? [
          {
            weight: 3,
            arbitrary: onField((obj) =>
              fc
                .tuple(fc.constantFrom(...dateKeys), fc.constantFrom(...BAD_DATES))
                .map(([k, v]) => withField(obj, k, v)),
            ),
          },
          {
            weight: 1,
            arbitrary: onField((obj) =>
              fc.integer({ min: -400, max: 800 }).map((d) => {
                // dates in the past, reversed, or too far ahead
                const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
                const [a, b] = dateKeys;
                return b ? { ...obj, [a ?? ""]: day(d), [b]: day(d - 3) } : { ...obj, [a ?? ""]: day(d) };
              }),
            ),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: "json" as const, value })),
    },
    { weight: 1, arbitrary: junkBody },
  );
}

function deepJson(depth: number, open: string, close: string, inner = "1"): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Bodies that are not what any route wants: malformed, deep, huge, binary, empty. */
const junkBody: fc.Arbitrary<BodySpec> = fc.oneof(
  fc
    .constantFrom(
      "",
      "{",
      "}",
      "{]",
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":undefined}',
      "null",
      "true",
      "0",
      '"string"',
      "[]",
      "\uFEFF{}",
      '{"a":1}{"b":2}',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
      '{"title":"a","title":"b"}',
      '{"a":1e999999}',
      '{"a":-0}',
      '{"a":123456789012345678901234567890}',
      "\u0000",
      "%7B%7D",
      "a=1&b=2",
    )
    .map((text) => ({ kind: "text" as const, text })),
  fc.integer({ min: 100, max: 30_000 }).map((d) => ({ kind: "text" as const, text: deepJson(d, "[", "]") })),
  fc
    .integer({ min: 100, max: 10_000 })
    .map((d) => ({ kind: "text" as const, text: deepJson(d, '{"a":', "}") })),
  fc.integer({ min: 10, max: 2_000 }).map((d) => ({
    kind: "text" as const,
    text: `{"title":${deepJson(d, "[", "]", "{}")},"description":"x"}`,
  })),
  hugeString.map((s) => ({ kind: "json" as const, value: { title: s, description: s } })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ kind: "bytes" as const, bytes: [...b] })),
  fc
    .constantFrom<number[]>(
      [0xc3, 0x28],
      [0xed, 0xa0, 0x80],
      [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
      [0xf0, 0x28, 0x8c, 0x28],
      [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d],
    )
    .map((bytes) => ({ kind: "bytes" as const, bytes })),
  fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: "json" as const, value })),
);

const PNG_1X1 = [
  ...Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
];

/** A multipart body for an upload route: tiny real images, or junk bytes and broken envelopes. */
function multipartBody(field: string, valid: boolean, maxFiles = 2): fc.Arbitrary<BodySpec> {
  if (valid)
    return fc.integer({ min: 1, max: Math.max(1, Math.min(2, maxFiles)) }).map((n) => ({
      kind: "multipart" as const,
      field,
      files: Array.from({ length: n }, () => ({ type: "image/png", bytes: PNG_1X1 })),
      boundary: "----fuzzboundary",
      broken: false,
    }));
  return fc
    .record({
      field: fc.oneof({ weight: 4, arbitrary: fc.constant(field) }, { weight: 1, arbitrary: nastyString }),
      files: fc.array(
        fc.record({
          type: fc.constantFrom(
            "image/png",
            "image/jpeg",
            "image/webp",
            "text/plain",
            "application/x-msdownload",
            "",
          ),
          bytes: fc.oneof(
            fc.constant(PNG_1X1),
            fc.constant(PNG_1X1.slice(0, 30)),
            fc.uint8Array({ maxLength: 300 }).map((b) => [...b]),
            fc.constant([...Buffer.from("<?php system($_GET['c']); ?>")]),
          ),
        }),
        { maxLength: 10 },
      ),
      boundary: fc.oneof(
        fc.constant("----fuzzboundary"),
        fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/),
      ),
      broken: fc.boolean(),
    })
    .map((m) => ({ kind: "multipart" as const, ...m }) as BodySpec);
}

function queryArbitrary(
  named: NamedRoute,
  mode: FuzzCase["mode"],
): fc.Arbitrary<Record<string, unknown> | undefined> {
  const schema = named.route.query ? jsonSchemaOf(named.route.query) : undefined;
  const valid = schema ? validObject(schema, named.name) : fc.constant({});
  if (mode === "valid") return valid;
  const keys = Object.keys(schema?.properties ?? {});
  return fc.oneof(
    valid,
    fc
      .tuple(
        valid,
        fc.constantFrom(...(keys.length > 0 ? keys : ["x"])),
        fc.oneof(
          nastyString,
          hugeString.map((s) => s.slice(0, 600)),
          fc.constantFrom("0", "101", "-1", "1e3", "NaN", " 5", "5abc", "0x10", "1.5", "", "%", "%ZZ"),
          fc.constantFrom(...BAD_DATES).map(String),
        ),
      )
      .map(([q, k, v]) => ({ ...q, [k]: v })),
    fc
      .tuple(valid, fc.constantFrom(...(keys.length > 0 ? keys : ["x"])))
      .map(([q, k]) => ({ ...q, [k]: ["1", "2"] })),
    ...(keys.includes("cursor")
      ? [
          fc
            .tuple(valid, tamperedCursor, fc.constantFrom(undefined, "newest", "title", "relevance"))
            .map(([q, cursor, sort]) => ({
              ...q,
              cursor,
              ...(sort && "sort" in (schema?.properties ?? {}) ? { sort, q: "drill" } : {}),
            })),
        ]
      : []),
    fc.dictionary(
      fc.oneof(
        fc.string({ maxLength: 10 }),
        fc.constantFrom("__proto__", "constructor", "a[b]", "limit[]", "q[$ne]"),
      ),
      fc.oneof(fc.string({ maxLength: 20 }), nastyString),
      { maxKeys: 5 },
    ),
  );
}

/**
 * Cursors that decode, but to positions this API never issued: NUL, wrong types, huge numbers; and
 * one-number positions like a thread's message cursor (its seq), past PostgreSQL's integer range,
 * negative, fractional, or a string.
 */
const tamperedCursor = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        nastyString,
        fc.constantFrom("2024-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"),
        fc.double(),
        fc.constantFrom(1e308, -0, 2 ** 63),
      ),
      fc.oneof(nastyString, fc.constantFrom("\u0000", "a\u0000b", "x".repeat(64))),
    )
    .map((position) => Buffer.from(JSON.stringify(position)).toString("base64url")),
  fc
    .oneof(fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, 1e308, "1", null, true), fc.integer(), nastyString)
    .map((seq) => Buffer.from(JSON.stringify([seq])).toString("base64url")),
);

const rawQueryJunk = fc.oneof(
  fc.constantFrom(
    "&&&",
    "=",
    "==&=",
    "a=%",
    "%ZZ=1",
    "q=%E0%A4%A",
    "limit=1&limit=2&limit=3",
    "q[]=a&q[]=b",
    "cursor=",
    "a".repeat(3000),
    "q=%00",
    "limit=%00",
    "sort=relevance",
    "availableFrom=2024-01-01",
  ),
  fc.string({ unit: fc.constantFrom(..."abc=&%?#;+[]25AZ0"), maxLength: 60 }),
);

const OTHER_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Requests aimed at one contract route: valid ones drawn from its schemas, and mutated ones. */
export function routeCase(named: NamedRoute): fc.Arbitrary<FuzzCase> {
  const { route } = named;
  const bodySchema = route.body ? jsonSchemaOf(route.body) : undefined;
  const validBody: fc.Arbitrary<unknown> = bodySchema
    ? validValue(bodySchema, "(body)", named.name)
    : fc.constant(undefined);
  const multipart = multipartOf(route);

  const valid = fc
    .record({
      params: validParams(route),
      query: queryArbitrary(named, "valid"),
      auth: authFor(named, "valid"),
      body: multipart
        ? multipartBody(multipart.field, true, multipart.maxFiles)
        : validBody.map((value) => (value === undefined ? undefined : { kind: "json" as const, value })),
      idempotencyKey: sometimes(fc.constantFrom("fuzz-key-1", "fuzz-key-2", "fuzz-key-3"), 0.3),
      ifMatchCurrent: fc.boolean(),
    })
    .map((r): FuzzCase => ({
      service: named.service,
      label: named.name,
      mode: "valid",
      route,
      method: route.method,
      params: r.params,
      query: r.query,
      auth: r.auth,
      headers: {
        ...(r.idempotencyKey && route.headers?.includes("Idempotency-Key")
          ? { "idempotency-key": r.idempotencyKey }
          : {}),
      },
      body: r.body,
      ifMatchCurrent: r.ifMatchCurrent && (route.headers?.includes("If-Match") ?? false),
    }));

  const badParams = fc.record(
    Object.fromEntries(
      paramNames(route).map((n) => [
        n,
        fc.oneof(paramArbitrary(route, n), fc.constantFrom(...NASTY_IDS), nastyString),
      ]),
    ),
  );
  const mutated = fc
    .record({
      params: badParams,
      rawParams: fc.boolean(),
      query: queryArbitrary(named, "mutated"),
      auth: authFor(named, "mutated"),
      body: multipart
        ? fc.oneof(multipartBody(multipart.field, false), junkBody)
        : bodySchema
          ? mutateBody(validBody, bodySchema)
          : sometimes(junkBody, 0.3),
      headers: headerArbitrary,
      contentType: sometimes(fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.constant(null)), 0.25),
      contentEncoding: sometimes(
        fc.record({
          name: fc.constantFrom(
            "gzip",
            "deflate",
            "br",
            "identity",
            "gzip, gzip",
            "compress",
            "bogus",
            "GZIP",
          ),
          compress: fc.boolean(),
        }),
        0.08,
      ),
      method: sometimes(fc.constantFrom(...OTHER_METHODS), 0.1),
    })
    .map((r): FuzzCase => ({
      service: named.service,
      label: named.name,
      mode: "mutated",
      route,
      method: r.method ?? route.method,
      params: r.params,
      rawParams: r.rawParams,
      query: r.query,
      // Another method on a path may reach a destructive route (DELETE /users/me): only a
      // throwaway identity may be spent on that.
      auth:
        r.method && r.method !== route.method && r.auth.kind === "principal"
          ? { kind: "throwaway", pick: 0 }
          : r.auth,
      headers: r.headers,
      body: r.body,
      contentType: r.contentType ?? undefined,
      contentEncoding: r.contentEncoding ?? undefined,
    }));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 5, arbitrary: mutated });
}

const JUNK_PATHS = [
  "/",
  "//",
  "/healthz",
  "/readyz",
  "/metrics",
  "/openapi.json",
  "/docs",
  "/docs/",
  "/favicon.ico",
  "/.env",
  "/.git/config",
  "/admin",
  "/api/v1/items",
  "/items/",
  "/items//loans",
  "/ITEMS",
  "/Users/ME",
  "/users/me/",
  "/users/me/../me",
  "/items/../users",
  "/items/%2e%2e/users",
  "/items/x/loans/y",
  "/loans/x/approve/again",
  "/loans/x/explode",
  "/auth",
  "/auth/register/",
  "/notifications/",
  "/notifications//read",
  "/notifications/stream/x",
  "/notification-preferences/loan.requested",
  "/unsubscribe/",
  "/internal/events",
  "/%",
  "/%00",
  "/%ZZ",
  "/%E0%A4%A",
  "/items/%",
  "/loans/%E0%A4%A/approve",
  "/users/%ZZ",
  "/items/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "/users/..%2fadmin",
  "/items/1'%20OR%20'1'='1",
  "/items/" + "a".repeat(5000),
  "/" + "x/".repeat(500),
  "/items?",
  "/items#frag",
  "*",
];

/** Requests at no route in particular: unknown and traversal paths, platform endpoints, odd methods. */
export function junkCase(service: Service): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      path: fc.oneof(
        fc.constantFrom(...JUNK_PATHS),
        fc
          .string({ unit: fc.constantFrom(..."abcdef/._-%0123456789~!$&'()*+,;=:@"), maxLength: 40 })
          .map((p) => `/${p}`),
      ),
      rawQuery: sometimes(rawQueryJunk, 0.3),
      method: fc.constantFrom(...OTHER_METHODS),
      auth: fc.oneof(
        fc.constant<AuthSlot>({ kind: "none" }),
        fc.constant<AuthSlot>({ kind: "principal", who: "alice" }),
        garbageAuth,
      ),
      headers: headerArbitrary,
      body: sometimes(junkBody, 0.4),
      contentType: sometimes(fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.constant(null)), 0.3),
    })
    .map((r): FuzzCase => ({
      service,
      label: `junk:${r.method}`,
      mode: "junk",
      method: r.method,
      literalPath: r.path.startsWith("/") || r.path === "*" ? r.path : `/${r.path}`,
      rawQuery: r.rawQuery ?? undefined,
      auth: r.auth,
      headers: r.headers,
      body: r.body ?? undefined,
      contentType: r.contentType ?? undefined,
    }));
}
