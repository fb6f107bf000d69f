import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToQuery } from "./item-filters.ts";

describe("the browse filters' near parameters", () => {
  it("reads a point, its radius and the distance order from the URL", () => {
    const filters = filtersFromParams(
      new URLSearchParams("near=51.45,-2.59&radiusKm=5&sort=distance&place=Bristol"),
    );
    expect(filtersToQuery(filters)).toMatchObject({ near: "51.45,-2.59", radiusKm: 5, sort: "distance" });
    expect(filters.place).toBe("Bristol");
  });

  it("drops a point the API would refuse, and the radius and order with it", () => {
    const filters = filtersFromParams({ near: "91,10", radiusKm: "5", sort: "distance" });
    expect(filters).toMatchObject({ near: "", radiusKm: "", sort: "" });
  });

  it("asks for the default radius when none is given", () => {
    expect(filtersToQuery(filtersFromParams({ near: "51.45,-2.59" })).radiusKm).toBe(10);
  });
});
