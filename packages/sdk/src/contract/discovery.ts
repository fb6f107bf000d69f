import { z } from "zod";
import { IdSchema } from "./common.ts";

// Finding things: an item's approximate position and the distance search, and title suggestions.

/**
 * Positions are snapped to a grid of cells this many metres on a side before they are stored, so
 * the point kept is at most half a cell's diagonal (about 177 m) from the one given, and no home
 * address can be read from it.
 */
export const POSITION_PRECISION_METERS = 250;

/** The radii the web app offers for "near me", in km; the API takes any radius up to the largest. */
export const NEAR_RADII_KM = [1, 2, 5, 10, 25] as const;
/** The radius of a distance search when none is given, in km. */
export const DEFAULT_RADIUS_KM = 10;
/** The largest radius of a distance search, in km. */
export const MAX_RADIUS_KM = 50;

/** A point on Earth in degrees (WGS 84). */
export const PositionSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
/** A point on Earth in degrees. */
export type Position = z.infer<typeof PositionSchema>;

const METERS_PER_DEGREE_OF_LATITUDE = 111_320;

/**
 * Snaps a position to the centre of its cell of the `POSITION_PRECISION_METERS` grid: latitude in
 * steps of 250 m, longitude in steps that are 250 m wide at the snapped latitude. The answer is
 * given to 5 decimals (about a metre), never more precise than the grid. Both services and the web
 * app use this, so what is stored, answered and shown agree.
 */
export function roundPosition(position: Position): Position {
  const latStep = POSITION_PRECISION_METERS / METERS_PER_DEGREE_OF_LATITUDE;
  const lat = clamp(Math.round(position.lat / latStep) * latStep, -90, 90);
  // Near the poles a 250 m step is many degrees of longitude; a degree is the coarsest step used.
  const lngStep = Math.min(1, latStep / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6));
  let lng = Math.round(position.lng / lngStep) * lngStep;
  if (lng > 180) lng -= 360;
  if (lng < -180) lng += 360;
  return { lat: fixed(lat), lng: fixed(clamp(lng, -180, 180)) };
}

/**
 * The great-circle distance between two points, in km, on the sphere PostgreSQL's earthdistance uses
 * (radius 6,378.168 km), so it agrees with the distances the API answers.
 */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_378.168 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function fixed(value: number): number {
  return Math.round(value * 1e5) / 1e5 || 0;
}

/** `?near=<lat>,<lng>` of `GET /items`: parsed into a position. */
export const NearParamSchema = z
  .string()
  .max(64)
  .regex(/^\s*-?\d{1,3}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/, "must be <lat>,<lng> in degrees")
  .transform((value, ctx) => {
    const [lat, lng] = value.split(",").map(Number);
    const parsed = PositionSchema.safeParse({ lat, lng });
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "latitude must be within ±90 and longitude within ±180" });
      return z.NEVER;
    }
    return parsed.data;
  });

/** `GET /items/suggest` query: the start of a title (any word of it), accents and case ignored. */
export const SuggestQuerySchema = z.object({
  q: z.string().trim().min(1, "must not be empty").max(100),
  limit: z.coerce.number().int().min(1).max(10).default(8),
});
/** `GET /items/suggest` query. */
export type SuggestQuery = z.input<typeof SuggestQuerySchema>;

/** `GET /items/suggest` answer: listed items whose title starts with (a word starting with) `q`. */
export const SuggestionsSchema = z.object({
  suggestions: z.array(z.object({ id: IdSchema, title: z.string() })),
});
/** `GET /items/suggest` answer. */
export type Suggestions = z.infer<typeof SuggestionsSchema>;
