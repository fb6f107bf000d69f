import { userApiService } from "@sharehood/user-api/service";
import type { UserApi } from "@sharehood/user-api/app";
import { startInProcessStack, type InProcessStack, type StackEnv } from "@sharehood/test-stack";
import type { InventoryApi } from "../src/app.ts";
import { inventoryApiService } from "../src/service.ts";

export { NEIGHBOUR_PASSWORD, type StackService } from "@sharehood/test-stack";

export type TestStack = InProcessStack<UserApi, InventoryApi>;

/**
 * The whole backend in-process (`startInProcessStack`): the real User API and this Inventory API,
 * each on a fresh database, sharing a fresh Redis namespace, on real ports; either can be stopped and
 * started again to test outages.
 */
export function startStack(name: string, env: StackEnv = {}): Promise<TestStack> {
  return startInProcessStack(name, { users: userApiService, inventory: inventoryApiService }, env);
}
