// Positions and distances, shared by the services and the web app's map and "near me" filter. No
// imports here: the pages' scripts use these without pulling the schemas into the browser bundle.

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

/** A point on Earth in degrees (WGS 84); PositionSchema (discovery.ts) checks the ranges. */
export interface Position {
  lat: number;
  lng: number;
}

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
