import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { buildBundles } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";

/** The suite runs the production bundles, as deployed: build them once before any scenario. */
export default function setup(): void {
  buildBundles([userApiService, inventoryApiService, notificationApiService]);
}
