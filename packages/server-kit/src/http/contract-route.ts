import type { Request, Response, Router } from "express";
import type { RouteOutput } from "@sharehood/sdk";
import type { Invalidates, Route } from "@sharehood/sdk/contract";
import type { z } from "zod";
import { forbidden } from "../app-error.ts";
import { parseInput } from "./validate.ts";

// Route fields are optional properties, so their types include `undefined`; strip it before asking.
type Parsed<S> = [NonNullable<S>] extends [never]
  ? undefined
  : NonNullable<S> extends z.ZodType
    ? z.output<NonNullable<S>>
    : undefined;

/**
 * A response already serialised (a cached body, a 304), sent as is. Handlers of cached public
 * reads return one instead of an object, so the bytes are not parsed and stringified again.
 */
export class PreparedResponse {
  constructor(
    readonly status: number,
    readonly body: string | undefined,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** What a handler returns: the contract's response body (nothing for 204 routes), or a prepared response. */
type HandlerResult<R extends Route> =
  ([NonNullable<R["response"]>] extends [never] ? void : RouteOutput<R>) | PreparedResponse;

/** The least a caller must carry: the permissions its token grants. */
export interface PermissionHolder {
  permissions: readonly string[];
}

/** What a handler receives: the caller (on bearer routes) and the request parts, validated by the contract. */
export interface ContractInput<R extends Route, C> {
  caller: R["auth"] extends "bearer" ? C : undefined;
  params: Parsed<R["params"]>;
  query: Parsed<R["query"]>;
  body: Parsed<R["body"]>;
  req: Request;
  res: Response;
}

/** What an idempotency hook learns of one request to a route declared `idempotent`. */
export interface IdempotentRequest<C> {
  route: Route;
  /** The caller (idempotent routes are bearer routes; undefined on a public one). */
  caller: C | undefined;
  /** The route's method and path with its validated params filled in, such as `POST /items/<id>/loans`. */
  scope: string;
  /** The validated body. */
  body: unknown;
  req: Request;
}

/**
 * Wraps the handler of a route the contract declares `idempotent`: it may run `handle` (and keep its
 * result) or answer without running it (a replay).
 */
export type IdempotentHook<C> = (
  request: IdempotentRequest<C>,
  handle: () => Promise<unknown>,
) => Promise<unknown>;

/** Per-service additions to the mounter. */
export interface RouteMounterOptions<C> {
  /** Applied to exactly the routes declared `idempotent: true`; without it they run as any other. */
  idempotent?: IdempotentHook<C>;
  /**
   * Empties the caches of what a write route declares it `invalidates` (never called for `nothing`).
   * It runs once the handler has run, before the answer is sent, so a client that got the answer
   * cannot read what it replaced; it runs after a failed handler too, since a handler may fail
   * after its write committed (while building its answer). It must not throw.
   */
  invalidate?: (what: Exclude<Invalidates, "nothing">) => Promise<void>;
}

function scopeOf(route: Route, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return `${route.method} ${route.path.replace(/:(\w+)/g, (_, name: string) => String(values[name]))}`;
}

/**
 * Returns `mount(router, route, handler)` for one service. Each mounted route takes its method and
 * path from the contract; on bearer routes it authenticates first (401), then checks the route's
 * permission (403), then parses input with the contract's schemas (400), runs the handler (through
 * the service's idempotency hook when the route is declared `idempotent`), empties the caches the
 * route declares it `invalidates`, and sends its result with the contract's status.
 */
export function createRouteMounter<C extends PermissionHolder>(
  authenticate: (req: Request) => Promise<C>,
  options: RouteMounterOptions<C> = {},
) {
  return function mount<R extends Route>(
    router: Router,
    route: R,
    handler: (input: ContractInput<R, C>) => Promise<HandlerResult<R>> | HandlerResult<R>,
  ): void {
    const method = route.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    router[method](route.path, async (req: Request, res: Response) => {
      const caller = route.auth === "bearer" ? await authenticate(req) : undefined;
      if (caller && route.permission && !caller.permissions.includes(route.permission)) {
        throw forbidden(`This needs the "${route.permission}" permission`);
      }
      const input: ContractInput<R, C> = {
        caller: caller as ContractInput<R, C>["caller"],
        params: (route.params ? parseInput(route.params, req.params, "params") : undefined) as Parsed<
          R["params"]
        >,
        query: (route.query ? parseInput(route.query, req.query, "query") : undefined) as Parsed<R["query"]>,
        body: (route.body ? parseInput(route.body, req.body, "body") : undefined) as Parsed<R["body"]>,
        req,
        res,
      };
      const handle = async (): Promise<unknown> => handler(input);
      const run = () =>
        route.idempotent && options.idempotent
          ? options.idempotent(
              { route, caller, scope: scopeOf(route, input.params), body: input.body, req },
              handle,
            )
          : handle();
      const invalidates = route.invalidates === "nothing" ? undefined : route.invalidates;
      let result: unknown;
      if (invalidates && options.invalidate) {
        try {
          result = await run();
        } finally {
          await options.invalidate(invalidates);
        }
      } else result = await run();
      if (res.headersSent) return;
      if (result instanceof PreparedResponse) {
        res.status(result.status).set(result.headers);
        if (result.body === undefined) res.end();
        else res.type("application/json").send(result.body);
      } else if (route.status === 204 || result === undefined) res.status(route.status).end();
      else res.status(route.status).json(result);
    });
  };
}
