import {
  PERMISSIONS_BY_ROLE,
  SCOPE_PERMISSIONS,
  SCOPES,
  scopesForRole,
  type Permission,
  type Role,
  type Scope,
} from "@sharehood/sdk/contract";
import { ALL_ROUTES, fillPath, multipartOf, paramNames, type NamedRoute } from "../routes.ts";
import type { HttpResponse } from "../http.ts";
import type { Actor, SecurityWorld } from "./world.ts";

// The scope column of the security matrix: a personal access token holding exactly one scope,
// tried against every bearer route of the three APIs. What it may do is worked out from the
// contract (each route's `permission`, each scope's permissions, the owner's role), never listed by
// hand, so a new route or scope is covered the day it lands.

/** Every route that takes a bearer token. */
export const BEARER_ROUTES: readonly NamedRoute[] = ALL_ROUTES.filter((r) => r.route.auth === "bearer");

/** The refusal of a token that lacks a route's permission, word for word (server-kit's route mounter). */
export const lacksPermission = (permission: string) => `This needs the "${permission}" permission`;
const LACKS_ANY_PERMISSION = /^This needs the "[^"]+" permission$/;

/** Who holds a token of this scope in the matrix: a plain user when users may grant it, else the admin. */
export const ownerRoleOf = (scope: Scope): Role => (scopesForRole("user").includes(scope) ? "user" : "admin");

/** What one scope's token should meet on one route. */
export interface ScopeExpectation {
  named: NamedRoute;
  /** The route's permission; undefined: any valid token may call it (GET /users/me). */
  permission?: Permission;
  /** True: the token holds the permission, so it must not be refused for lack of it. */
  granted: boolean;
}

/** The expectations of a token holding `scope` alone, owned by someone of `role`, on every bearer route. */
export function scopeExpectations(scope: Scope, role: Role = ownerRoleOf(scope)): ScopeExpectation[] {
  const held = new Set<Permission>(
    SCOPE_PERMISSIONS[scope].filter((p) => PERMISSIONS_BY_ROLE[role].includes(p)),
  );
  return BEARER_ROUTES.map((named) => ({
    named,
    permission: named.route.permission,
    granted: named.route.permission === undefined || held.has(named.route.permission),
  }));
}

export { SCOPES };

// An id in the shape the APIs give things (UUIDv7) that nothing has: a granted call fails further
// on (404, 400) without touching anyone's data, and a refused one never gets that far.
const NOBODY = "01900000-0000-7000-8000-000000000000";

/** Sends the route's request with the token: made-up ids, an empty JSON body for writes. */
export function tryRoute(world: SecurityWorld, named: NamedRoute, token: string): Promise<HttpResponse> {
  const { route } = named;
  const params = Object.fromEntries(paramNames(route).map((name) => [name, NOBODY]));
  // A multipart route parses its own body after the permission check: it gets none.
  const body = route.method === "GET" || multipartOf(route) ? undefined : {};
  return world.call(named.service, route.method, fillPath(route, params), { token, body });
}

/** What was wrong with one answer, or null when it is what the expectation says. */
export function mismatch(expected: ScopeExpectation, res: HttpResponse): string | null {
  const problem = (res.json ?? {}) as { code?: string; detail?: string };
  const where = `${expected.named.route.method} ${expected.named.route.path}`;
  if (expected.granted) {
    const refused =
      res.status === 401 || (res.status === 403 && LACKS_ANY_PERMISSION.test(problem.detail ?? ""));
    return refused
      ? `${where} (${expected.permission ?? "any token"}) refused: ${res.status} ${res.text.slice(0, 160)}`
      : null;
  }
  const ok =
    res.status === 403 &&
    problem.code === "forbidden" &&
    problem.detail === lacksPermission(expected.permission!);
  return ok
    ? null
    : `${where} (${expected.permission}) was not refused for lack of it: ${res.status} ${res.text.slice(0, 160)}`;
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A personal access token of the actor's, made with their session. */
export async function createAccessToken(
  world: SecurityWorld,
  actor: Actor,
  scopes: readonly Scope[],
  expiresAt?: string,
): Promise<{ id: string; token: string }> {
  const body = await world.ok("users", "POST", "/users/me/tokens", {
    token: await world.live(actor),
    body: { name: `matrix ${scopes.join(" ")}`, scopes, ...(expiresAt ? { expiresAt } : {}) },
  });
  return { id: String(body.id), token: String(body.token) };
}
