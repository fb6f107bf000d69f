import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { fillPath, isAdminRoute, type NamedRoute } from "../routes.ts";
import {
  CASE_TEXT,
  cellFor,
  requestOf,
  SPECS,
  type CaseName,
  type Cell,
  type Prepared,
  type RouteSpec,
} from "./matrix.ts";
import type { Actor, SecurityWorld } from "./world.ts";

type Refusal = Extract<Cell, { expect: unknown }>;

/** The rightful caller of a route in this world (a throwaway made by `prepare`, or a named actor). */
export function rightfulActor(world: SecurityWorld, spec: RouteSpec, prepared: Prepared): Actor {
  if (spec.rightful === "throwaway") {
    if (!prepared.actor) throw new Error("a throwaway route's prepare must make its actor");
    return prepared.actor;
  }
  return prepared.actor ?? world.actor(spec.rightful);
}

/** The Authorization token a case sends (before the cell's own request tweaks). */
export function tokensFor(
  world: SecurityWorld,
  name: CaseName | "extra",
  cell: Refusal,
  rightful: Actor,
): string[] {
  switch (name) {
    case "noToken":
      return [""];
    case "forged":
      // a random token in the right format, and the caller's own refresh token used as a bearer
      return [`sha_${randomBytes(32).toString("base64url")}`, rightful.refreshToken];
    case "revoked":
      return [rightful.revokedToken];
    case "expired":
      return [rightful.token];
    default: {
      const who = cell.as ?? "rightful";
      return [who === "rightful" ? rightful.token : world.actor(who).token];
    }
  }
}

/** The request target of a route: its path with the parameters, and the query string. */
export function pathOf(
  named: NamedRoute,
  params: Record<string, string>,
  query?: Record<string, string>,
): string {
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : "";
  return fillPath(named.route, params) + search;
}

/**
 * Sends one refusal and checks it: the status and problem code the matrix expects, and both
 * databases exactly as they were.
 */
export async function expectRefusal(
  world: SecurityWorld,
  named: NamedRoute,
  spec: RouteSpec,
  prepared: Prepared,
  name: CaseName | "extra",
  cell: Refusal,
): Promise<void> {
  const rightful = rightfulActor(world, spec, prepared);
  for (const token of tokensFor(world, name, cell, rightful)) {
    // public routes read no bearer token: their credential cases put it in the body
    const bearer = named.route.auth === "bearer" ? token || undefined : undefined;
    const { params, query, options } = await requestOf(world, cell, prepared, bearer);
    const before = await world.fingerprint(named.service);
    const res = await world.call(named.service, named.route.method, pathOf(named, params, query), options);
    const problem = (res.json ?? {}) as { code?: string };
    expect(
      [res.status, problem.code],
      `${named.route.method} ${named.route.path}: ${res.text.slice(0, 300)}`,
    ).toEqual([cell.expect[0], cell.expect[1]]);
    expect(await world.fingerprint(named.service), "the databases changed").toEqual(before);
  }
}

/** "refuses <what> with 401 unauthenticated and changes nothing", or "answers 204 to <what> and changes nothing". */
export function refusalTitle(what: string, cell: Refusal): string {
  const [status, code] = cell.expect;
  return code === undefined
    ? `answers ${status} to ${what} and changes nothing`
    : `refuses ${what} with ${status} ${code} and changes nothing`;
}

/** Test names and the cells of one route, in matrix order, for the cases a file runs. */
export function refusalsOf(named: NamedRoute, spec: RouteSpec, cases: readonly CaseName[]) {
  const out: { title: string; name: CaseName | "extra"; cell: Refusal }[] = [];
  for (const name of cases) {
    const cell = cellFor(named, spec, name);
    if (!cell || "notApplicable" in cell) continue;
    const what = cell.attempt ? `${CASE_TEXT[name]} (${cell.attempt})` : CASE_TEXT[name];
    out.push({
      title: refusalTitle(what, cell),
      name,
      cell,
    });
  }
  return out;
}

/** Every mutating route must have a spec, and each of the six cases a test or a stated reason. */
export function matrixGaps(routes: readonly NamedRoute[], cases: readonly CaseName[]): string[] {
  const gaps: string[] = [];
  for (const named of routes) {
    const spec = SPECS[named.name];
    if (!spec) {
      gaps.push(`${named.name} (${named.route.method} ${named.route.path}) has no security spec`);
      continue;
    }
    for (const name of cases) {
      const cell = cellFor(named, spec, name);
      if (!cell) gaps.push(`${named.name}: no cell for "${CASE_TEXT[name]}"`);
      else if ("notApplicable" in cell && cell.notApplicable.trim().length < 10)
        gaps.push(`${named.name}: "${CASE_TEXT[name]}" is marked not applicable without a reason`);
      else if (name === "plainUserOnAdminRoute" && isAdminRoute(named.route) && "notApplicable" in cell)
        gaps.push(`${named.name} is an admin route: a plain user must be tested on it`);
    }
  }
  return gaps;
}

/** A markdown table of the matrix (route × case: the expected refusal, or n/a). */
export function matrixTable(routes: readonly NamedRoute[], cases: readonly CaseName[]): string {
  const head = `| route | ${cases.map((c) => CASE_TEXT[c]).join(" | ")} |\n|---|${cases.map(() => "---").join("|")}|`;
  const rows = routes.map((named) => {
    const spec = SPECS[named.name];
    const cells = cases.map((name) => {
      const cell = spec ? cellFor(named, spec, name) : undefined;
      return !cell ? "MISSING" : "notApplicable" in cell ? "n/a" : `${cell.expect[0]}`;
    });
    return `| ${named.route.method} ${named.route.path} | ${cells.join(" | ")} |`;
  });
  return [head, ...rows].join("\n");
}

/** The rightful caller succeeds with the prepared request: proof the refusals were not a broken fixture. */
export async function expectRightfulSuccess(
  world: SecurityWorld,
  named: NamedRoute,
  spec: RouteSpec,
  prepared: Prepared,
) {
  const actor = rightfulActor(world, spec, prepared);
  const before = await world.fingerprint(named.service);
  const res = await world.call(
    named.service,
    named.route.method,
    pathOf(named, prepared.params, prepared.query),
    {
      token: named.route.auth === "bearer" ? await world.live(actor) : undefined,
      body: prepared.rawBody ? undefined : prepared.body,
      rawBody: prepared.rawBody,
      headers: prepared.headers,
    },
  );
  expect(res.status, res.text.slice(0, 300)).toBe(named.route.status);
  if (spec.mutates === false) return;
  let after = await world.fingerprint(named.service);
  // Work done after the answer (a reset link is issued in the background) shows up a moment later.
  for (
    let waited = 0;
    spec.changesLater && waited < 5_000 && JSON.stringify(after) === JSON.stringify(before);
    waited += 50
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = await world.fingerprint(named.service);
  }
  expect(after, "the rightful call changed nothing").not.toEqual(before);
}

/** Declares the "every route has its matrix" test. */
export function itCoversEveryRoute(routes: readonly NamedRoute[], cases: readonly CaseName[]): void {
  it("covers every mutating route of the route tables with every case (a test or a stated reason)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(19);
    expect(matrixGaps(routes, cases)).toEqual([]);
  });
}
