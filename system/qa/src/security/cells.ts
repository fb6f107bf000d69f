import { randomBytes } from "node:crypto";
import type { Actor, ActorName, SecurityWorld } from "./world.ts";

// The vocabulary of the security matrix: its cases, what a cell and a route's spec say, and the
// refusals and reasons the specs share (matrix.ts and the spec files beside it).

/** The six ways a caller without the right to act can try anyway. */
export const CASES = [
  "noToken",
  "expired",
  "forged",
  "revoked",
  "otherUser",
  "plainUserOnAdminRoute",
] as const;
export type CaseName = (typeof CASES)[number];

export const CASE_TEXT: Record<CaseName, string> = {
  noToken: "no token",
  expired: "an expired token",
  forged: "a forged token",
  revoked: "a revoked (logged-out) token",
  otherUser: "another user's token",
  plainUserOnAdminRoute: "a plain user on an admin route",
};

/** A request ready to send: path parameters, a JSON or multipart body, headers. */
export interface Prepared {
  params: Record<string, string>;
  /** The query string's parameters (a link's `?token=`). */
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: { bytes: Buffer; contentType: string };
  headers?: Record<string, string>;
  /** The rightful caller, when it is made for this route (throwaway accounts). */
  actor?: Actor;
  /** Credentials the cells send instead of the rightful one (a link already used, another person's). */
  tokens?: Record<string, string>;
}

/** Who sends the request of a cell. */
export type Who = ActorName | "rightful";

/** One cell of the matrix: a refusal to check, or why the case cannot apply to this route. */
export type Cell =
  | {
      /**
       * What the refusal looks like: status and problem code; or a 2xx with no code where the API
       * answers as if it had worked and silently does nothing (marking another person's notification read).
       */
      expect: readonly [number, string] | readonly [number];
      /** Whose live token is sent (token cases use the rightful caller's dead tokens). */
      as?: Who;
      /** What this cell tries, in words (the test name). */
      attempt?: string;
      /** A different request than the prepared one (a body naming someone else, a bad credential). */
      request?: (world: SecurityWorld, prepared: Prepared) => Promise<Partial<Prepared>> | Partial<Prepared>;
      /** Send no Authorization header even for token cases (public routes with a credential in the body). */
      noBearer?: boolean;
    }
  | { notApplicable: string };

export interface RouteSpec {
  /** Who may do it. `rightful` cells and the control use this caller. */
  rightful: ActorName | "throwaway";
  /** Builds what the route acts on (a fresh item, a loan in the right state, a throwaway account). */
  prepare: (world: SecurityWorld) => Promise<Prepared>;
  /** Cells that differ from the defaults (401 unauthenticated for the token cases of bearer routes). */
  cells: Partial<Record<CaseName, Cell>>;
  /** More refusals worth checking on this route. */
  extra?: Cell[];
  /** Whether the rightful call changes the databases (false for validate-token). */
  mutates?: boolean;
  /** The rightful call's change lands after its answer (work the service does in the background). */
  changesLater?: boolean;
}

export const UNAUTHENTICATED = [401, "unauthenticated"] as const;
export const FORBIDDEN = [403, "forbidden"] as const;
export const INVALID = [400, "validation_failed"] as const;

export const forgedAccessToken = () => `sha_${randomBytes(32).toString("base64url")}`;
export const forgedRefreshToken = () => `shr_${randomBytes(32).toString("base64url")}`;

export const notAdmin = (why: string): Cell => ({ notApplicable: `not an admin route: ${why}` });
export const publicRoute = (why: string): Cell => ({
  notApplicable: `public by design, takes no bearer token: ${why}`,
});

export const throwaway = async (world: SecurityWorld): Promise<Prepared> => {
  const actor = await world.newActor("throwaway");
  return { params: {}, actor, body: { currentPassword: actor.password } };
};
