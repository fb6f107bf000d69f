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

/** earthdistance's sphere: earth(), in metres. */
const EARTH_RADIUS_M = 6_378_168;
const RADIANS = Math.PI / 180;

/**
 * Items in the latitude and longitude ranges that hold the radius's circle: plain comparisons of two
 * columns, which PostgreSQL tests before anything costlier on the row, so the exact test (building
 * the item's point on the sphere costs microseconds a row) runs on the circle's square, not on
 * every candidate a text search finds. The ranges are a little wider than the circle; near a pole
 * or the antimeridian only the latitude's is kept.
 */
export function isInLatLngRange(near: Near): Prisma.Sql {
  const dLat = (near.radiusKm * 1.001) / (EARTH_RADIUS_M / 1000) / RADIANS;
  const lat = sql`i.lat BETWEEN ${near.lat - dLat}::float8 AND ${near.lat + dLat}::float8`;
  const widest = Math.max(Math.abs(near.lat - dLat), Math.abs(near.lat + dLat));
  if (widest >= 89) return lat;
  const dLng = dLat / Math.cos(widest * RADIANS);
  if (Math.abs(near.lng) + dLng >= 180) return lat;
  return sql`${lat} AND i.lng BETWEEN ${near.lng - dLng}::float8 AND ${near.lng + dLng}::float8`;
}

/**
 * The chord distance from the point, in metres, computed from the columns with the haversine
 * formula (2R·√(sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2))): the same value as `chordFrom`, without
 * building a cube per row, for pages sorted by hand rather than read from the GiST index.
 */
export function chordByFormula(near: Near): Prisma.Sql {
  return sql`(${2 * EARTH_RADIUS_M}::float8 * sqrt(power(sin(radians(i.lat - ${near.lat}::float8) / 2), 2)
    + cos(radians(i.lat)) * ${Math.cos(near.lat * RADIANS)}::float8 * power(sin(radians(i.lng - ${near.lng}::float8) / 2), 2)))`;
}

/** The chord of the radius: an item is within it when its chord is no longer (chords grow with arcs). */
export const radiusChord = (near: Near): number =>
  2 * EARTH_RADIUS_M * Math.sin(Math.min(Math.PI / 2, (near.radiusKm * 1000) / (2 * EARTH_RADIUS_M)));

/**
 * Items within the radius. `viaIndex`: through the GiST index, where earth_box (a cube around the
 * point, tested with `<@`) keeps the candidates few but reaches a little past the circle at its
 * corners, and earth_distance keeps exactly those within it; `i.lat IS NOT NULL` lets the planner
 * match the partial index. Without it, the latitude and longitude ranges first and the exact test
 * on what they keep, as a filter on rows read in another order (see the repository's search for
 * which to use when).
 */
export function isWithin(near: Near, viaIndex = true): Prisma.Sql {
  return viaIndex
    ? sql`${isInBox(near)} AND ${isInCircle(near)}`
    : sql`${isInLatLngRange(near)} AND ${isInCircle(near)}`;
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
 * Items no further than `chord` (a chord distance, as `chordFrom` gives) from the point: the GiST
 * index finds them through a box just larger than that sphere, and the exact test cuts it.
 */
export function isWithinChord(near: Near, chord: Prisma.Sql): Prisma.Sql {
  const exact = sql`${chordFrom(near)} <= ${chord}`;
  return sql`i.lat IS NOT NULL AND ${ITEM_POINT} <@ earth_box(${pointOf(near)}, sec_to_gc(${chord}) + 1) AND ${exact}`;
}
