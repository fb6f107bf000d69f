import {
  inventoryRoutes,
  notificationRoutes,
  PERMISSIONS_BY_ROLE,
  userRoutes,
  type Route,
} from "@sharehood/sdk/contract";

/** Which service answers a route. */
export type Service = "users" | "inventory" | "notifications";

/** Every service, in the order the suites visit them. */
export const SERVICES: readonly Service[] = ["users", "inventory", "notifications"];

/** How the suites name each service to people. */
export const SERVICE_TITLES: Record<Service, string> = {
  users: "User API",
  inventory: "Inventory API",
  notifications: "Notification API",
};

/** A contract route with its name (the key in its route table) and the service that serves it. */
export interface NamedRoute {
  service: Service;
  name: string;
  route: Route;
}

/**
 * A `multipart/form-data` body a route parses itself. Read loosely so this package compiles whether
 * or not the contract in this checkout declares multipart routes yet.
 */
export interface MultipartSpec {
  field: string;
  mediaTypes: readonly string[];
  maxFiles: number;
}

const table = (service: Service, routes: Record<string, Route>): NamedRoute[] =>
  Object.entries(routes).map(([name, route]) => ({ service, name, route }));

/** Every route of the three APIs, straight from the contract's route tables. */
export const ALL_ROUTES: readonly NamedRoute[] = [
  ...table("users", userRoutes),
  ...table("inventory", inventoryRoutes),
  ...table("notifications", notificationRoutes),
];

/**
 * GETs that change state on purpose: the unsubscribe link a mail program or a browser opens
 * switches that kind of email off (RFC 8058 asks for the POST, people click the link).
 */
const STATE_CHANGING_GETS = new Set(["unsubscribeLanding"]);

/** Routes that change state: everything but GET, and the GETs above. A new route in a table lands here by itself. */
export const MUTATING_ROUTES: readonly NamedRoute[] = ALL_ROUTES.filter(
  (r) => r.route.method !== "GET" || STATE_CHANGING_GETS.has(r.name),
);

const USER_PERMISSIONS = new Set<string>(PERMISSIONS_BY_ROLE.user);

/** A route that needs a permission only admins hold (user.list, user.update.role, user.delete…). */
export function isAdminRoute(route: Route): boolean {
  return route.permission !== undefined && !USER_PERMISSIONS.has(route.permission);
}

/**
 * The Notification API's reads of the caller's own data (list, count, stream, preferences): each
 * needs a live token of the person whose data it answers. The audit log is an admin's read, not
 * personal: it is checked with the other admin reads.
 */
export const PERSONAL_READS: readonly NamedRoute[] = ALL_ROUTES.filter(
  (r) =>
    r.service === "notifications" &&
    r.route.method === "GET" &&
    r.route.auth === "bearer" &&
    !isAdminRoute(r.route) &&
    // One of the person's own things by id (a webhook's deliveries) is the matrix's, cell by cell.
    !r.route.path.includes("/:"),
);

/**
 * A route whose success answer never ends by itself (Server-Sent Events): a client reads its status
 * and headers, maybe the first events, and then hangs up.
 */
export function isStreamRoute(route: Route): boolean {
  return route.responseMediaType === "text/event-stream";
}

/** The multipart body a route accepts, if it declares one. */
export function multipartOf(route: Route): MultipartSpec | undefined {
  return (route as Route & { multipart?: MultipartSpec }).multipart;
}

/** The names of a route's path parameters, such as `["id", "photoId"]`. */
export function paramNames(route: Route): string[] {
  return [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? "");
}

/** Fills a route's path with parameters, percent-encoding each unless `raw` says to send it as is. */
export function fillPath(route: Route, params: Record<string, string>, raw = false): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name] ?? "";
    return raw ? value : encodeURIComponent(value);
  });
}

/** Looks a route up by its table name. */
export function routeNamed(name: string): NamedRoute {
  const found = ALL_ROUTES.find((r) => r.name === name);
  if (!found) throw new Error(`No route named ${name} in the contract`);
  return found;
}
