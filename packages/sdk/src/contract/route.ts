import type { z } from "zod";
import type { Permission } from "./permissions.ts";

/**
 * A `multipart/form-data` request body, which a zod schema cannot describe: the documentation says
 * what it carries, and the service parses it itself (streaming, with limits).
 */
export interface MultipartBody {
  /** What to send, in words (shown in the docs). */
  description: string;
  /** The form field that carries the files. */
  field: string;
  /** The file types accepted (checked by content on the server). */
  mediaTypes: readonly string[];
  /** The largest file accepted, in bytes. */
  maxFileBytes: number;
  /** The most files one request may carry. */
  maxFiles: number;
}

/**
 * Which cached public reads a successful write can change: `catalogue` (categories, item lists,
 * item details), or `nothing` for a write that changes no public read.
 */
export type Invalidates = "catalogue" | "nothing";

/** An HTTP method the contract uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One endpoint of the contract. The services validate requests with its schemas, the OpenAPI
 * documents are generated from it, and the client parses responses with it.
 */
export interface Route<
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType | undefined = z.ZodType | undefined,
  Auth extends "none" | "bearer" = "none" | "bearer",
> {
  method: HttpMethod;
  /** Express-style path, such as `/users/:id`. */
  path: string;
  summary: string;
  /** `bearer`: a token is required; `none`: public. */
  auth: Auth;
  /** The permission the caller needs, when one is fixed by the route. */
  permission?: Permission;
  params?: Params;
  query?: Query;
  body?: Body;
  /** A multipart/form-data body (file uploads), documented here and parsed by the route itself. */
  multipart?: MultipartBody;
  /** The success status. */
  status: number;
  /** The success body; absent for 204. */
  response?: Response;
  /**
   * A success body that is not one JSON document, such as `text/event-stream` (each event's data is
   * one `response`). Clients read such a route with their own reader, not the JSON call.
   */
  responseMediaType?: string;
  /** The error statuses this route documents. */
  errors: readonly number[];
  /** Request headers the route reads, for the documentation. */
  headers?: readonly string[];
  /**
   * The route honours `Idempotency-Key`: a retry with the same key replays the first answer. The
   * service's route mounter applies it, so no handler sets it up by hand.
   */
  idempotent?: boolean;
  /**
   * For writes: which public reads the route can change. The service's route mounter empties those
   * caches once the handler has run, so no service has to remember to.
   */
  invalidates?: Invalidates;
}

/** Declares a route, keeping its schema types for the client. */
export function defineRoute<
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Response extends z.ZodType | undefined = undefined,
  Auth extends "none" | "bearer" = "none",
>(route: Route<Params, Query, Body, Response, Auth>): Route<Params, Query, Body, Response, Auth> {
  return route;
}
