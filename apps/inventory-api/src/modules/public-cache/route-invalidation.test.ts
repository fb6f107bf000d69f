import { describe, expect, it } from "vitest";
import { inventoryRoutes } from "@sharehood/sdk/contract";

// HTTP writes empty the public cache through the route mounter, and only for routes that declare
// `invalidates`: a write route that declared nothing would leave stale catalogue pages behind.
const routes = Object.entries(inventoryRoutes);

describe("the Inventory API's route table", () => {
  it("has every write route say which public reads it changes, or that it changes none", () => {
    const undeclared = routes
      .filter(([, route]) => route.method !== "GET" && !("invalidates" in route && route.invalidates))
      .map(([name]) => name);
    expect(undeclared).toEqual([]);
  });

  it("has no read route claim to invalidate anything", () => {
    const reads = routes.filter(([, route]) => route.method === "GET" && "invalidates" in route);
    expect(reads.map(([name]) => name)).toEqual([]);
  });

  it("marks the writes that change items, photos or bookings as invalidating the catalogue", () => {
    const catalogue = routes
      .filter(([, route]) => "invalidates" in route && route.invalidates === "catalogue")
      .map(([name]) => name)
      .sort();
    expect(catalogue).toEqual(
      [
        "approveLoan",
        // A longer loan takes more days: the item's bookings and availability change.
        "approveExtension",
        "cancelLoan",
        "createItem",
        "deleteItem",
        "deletePhoto",
        "replaceItem",
        "reorderPhotos",
        "returnLoan",
        "updateItem",
        "uploadPhotos",
        // Hiding an item or suspending its owner changes what the public sees.
        "resolveReport",
        // Reviews show on profile pages the web app keeps (see the contract).
        "createReview",
        "replyToReview",
      ].sort(),
    );
  });

  it("declares idempotent only bearer routes, since keys are scoped to the caller", () => {
    const idempotent = routes.filter(([, route]) => "idempotent" in route && route.idempotent);
    expect(idempotent.map(([name]) => name).sort()).toEqual([
      "askAboutItem",
      "createItem",
      "requestLoan",
      "sendMessage",
    ]);
    expect(idempotent.every(([, route]) => route.auth === "bearer")).toBe(true);
  });
});
