/**
 * "1.2 km away" for a card, from the API's `distanceKm` (to 0.1 km). Under a kilometre in metres
 * rounded to 100 m, never "0 m" (positions are only good to about 250 m anyway).
 */
export function formatDistance(distanceKm: number): string {
  if (distanceKm < 1) return `${Math.max(100, Math.round(distanceKm * 10) * 100)} m away`;
  if (distanceKm < 10) return `${(Math.round(distanceKm * 10) / 10).toFixed(1)} km away`;
  return `${Math.round(distanceKm)} km away`;
}
