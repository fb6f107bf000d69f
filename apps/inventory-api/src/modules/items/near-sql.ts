import { Prisma } from "../../db.ts";

const { sql } = Prisma;

/** A distance search: items within `radiusKm` of a point. */
export interface Near {
  lat: number;
  lng: number;
  radiusKm: number;
}

// The item's point on earthdistance's sphere: the very expression items_position_idx (GiST, partial
// on lat IS NOT NULL) is built on, so the radius test and the nearest-first order can use it.
const ITEM_POINT = sql`ll_to_earth(i.lat, i.lng)`;
const pointOf = (near: Near) => sql`ll_to_earth(${near.lat}::float8, ${near.lng}::float8)`;

/** Positioned items in the cube around the radius's circle: the GiST index's test. */
export function isInBox(near: Near): Prisma.Sql {
  return sql`i.lat IS NOT NULL AND ${ITEM_POINT} <@ earth_box(${pointOf(near)}, ${near.radiusKm * 1000}::float8)`;
}

/** Items whose great-circle distance from the point is within the radius (the exact test). */
const isInCircle = (near: Near) =>
  sql`earth_distance(${ITEM_POINT}, ${pointOf(near)}) <= ${near.radiusKm * 1000}::float8`;

/**
 * Items within the radius. `viaIndex`: through the GiST index, where earth_box (a cube around the
 * point, tested with `<@`) keeps the candidates few but reaches a little past the circle at its
 * corners, and earth_distance keeps exactly those within it; `i.lat IS NOT NULL` lets the planner
 * match the partial index. Without it, the exact test alone, as a filter on rows read in another
 * order (see the repository's search for which to use when).
 */
export function isWithin(near: Near, viaIndex = true): Prisma.Sql {
  return viaIndex
    ? sql`${isInBox(near)} AND ${isInCircle(near)}`
    : sql`i.lat IS NOT NULL AND ${isInCircle(near)}`;
}

/** The great-circle distance from the point, in metres (what `distanceKm` is rounded from). */
export const distanceFrom = (near: Near): Prisma.Sql => sql`earth_distance(${ITEM_POINT}, ${pointOf(near)})`;

/**
 * The straight-line (chord) distance through the earth from the point: cube's `<->`, which the
 * GiST index returns nearest first (a KNN scan, no sort of every match). It grows with the
 * great-circle distance, so it orders alike; the distance sort's cursor carries it.
 */
export const chordFrom = (near: Near): Prisma.Sql => sql`(${ITEM_POINT} <-> ${pointOf(near)})`;

/**
 * Items no further than `chord` (a chord distance, as `chordFrom` gives) from the point: with
 * `viaIndex`, the GiST index finds them through a box just larger than that sphere, and the exact
 * test cuts it; without, the exact test alone.
 */
export function isWithinChord(near: Near, chord: Prisma.Sql, viaIndex = true): Prisma.Sql {
  const exact = sql`${chordFrom(near)} <= ${chord}`;
  return viaIndex
    ? sql`i.lat IS NOT NULL AND ${ITEM_POINT} <@ earth_box(${pointOf(near)}, sec_to_gc(${chord}) + 1) AND ${exact}`
    : sql`i.lat IS NOT NULL AND ${exact}`;
}
