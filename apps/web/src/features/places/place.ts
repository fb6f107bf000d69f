/** A town of the offline list, as `/api/places` answers it. */
export interface Place {
  name: string;
  country: string;
  lat: number;
  lng: number;
}

/** "Lyon, FR". */
export function placeLabel(place: Pick<Place, "name" | "country">): string {
  return place.country ? `${place.name}, ${place.country}` : place.name;
}

/** Why the browser gave no position, in plain words (a GeolocationPositionError's code). */
export function geolocationProblem(code: number | undefined): string {
  if (code === 1) return "Your browser did not allow us to use your location. Pick a town instead.";
  if (code === 3) return "Finding your location took too long. Try again, or pick a town.";
  return "We couldn't find your location. Pick a town instead.";
}

/**
 * The browser's position, once (no watching), coarse is enough: it is rounded to about 250 m
 * anyway. Rejects with the GeolocationPositionError's code, or 0 without geolocation.
 */
export function currentPosition(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) return reject(new Error("0"));
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
      (error) => reject(new Error(String(error.code))),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  });
}
